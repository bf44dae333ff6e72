/**
 * Tags: labels editors manage (no drafts or versions, like categories) that articles carry in
 * order. An article's tags are part of its draft and show publicly once it is published; the
 * article lists filter on them. A tag in use may be deleted: drafts and published versions lose
 * it at once (nothing is republished), and a revision naming it can no longer be restored.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { contentCounts, makeArticle, makeCategory, makeTag, makeTreatment, uniqueSlug, type Made } from './factories.js';
import { onlyError, useTestApi, type GraphQLResponse } from './setup/server.js';

const MISSING_ID = '01900000-0000-7000-8000-000000000000';
const SLUG_MESSAGE = 'must be lowercase words joined by single hyphens (e.g. "dry-needling")';

const TAG_FIELDS = 'id slug name description';
const CREATE_TAG = `mutation($input: CreateTagInput!) { createTag(input: $input) { ${TAG_FIELDS} } }`;
const UPDATE_TAG = `mutation($id: ID!, $input: UpdateTagInput!) { updateTag(id: $id, input: $input) { ${TAG_FIELDS} } }`;
const DELETE_TAG = 'mutation($id: ID!) { deleteTag(id: $id) }';
const GET_TAG = `query($slug: String!) { tag(slug: $slug) { ${TAG_FIELDS} } }`;
const TAGS = `{ tags { ${TAG_FIELDS} } }`;

const ARTICLE_TAGS = 'version status tags { slug name }';
const CREATE_ARTICLE = `mutation($input: CreateArticleInput!) { createArticle(input: $input) { id ${ARTICLE_TAGS} } }`;
const UPDATE_ARTICLE = `mutation($id: ID!, $input: UpdateArticleInput!, $v: Int!) { updateArticle(id: $id, input: $input, expectedVersion: $v) { ${ARTICLE_TAGS} } }`;
const PUBLISH_ARTICLE = `mutation($id: ID!, $v: Int!) { publishArticle(id: $id, expectedVersion: $v) { ${ARTICLE_TAGS} } }`;
const GET_ARTICLE = `query($slug: String!, $preview: Boolean) { article(slug: $slug, preview: $preview) { ${ARTICLE_TAGS} } }`;
const LIST = `query($where: ArticleWhereInput, $first: Int, $after: String, $preview: Boolean) {
  articles(where: $where, first: $first, after: $after, preview: $preview) {
    totalCount
    edges { node { slug } }
    pageInfo { hasNextPage endCursor }
  }
}`;
const REVISION = 'query($id: ID!, $version: Int!) { revision(documentId: $id, version: $version) { version snapshot } }';
const COMPARE = 'query($id: ID!, $from: Int!, $to: Int!) { compareRevisions(documentId: $id, from: $from, to: $to) { field before after } }';
const RESTORE_REVISION = `mutation($id: ID!, $revision: Int!) { restoreArticleRevision(id: $id, revision: $revision) { ${ARTICLE_TAGS} } }`;

type Edges = { edges: { node: { slug: string } }[] };
const slugsOf = (connection: Edges) => connection.edges.map((e) => e.node.slug);

describe('tags', () => {
  const api = useTestApi();

  /** The data of a response that must have succeeded. */
  function ok<T = Record<string, any>>(response: GraphQLResponse<T>): T {
    expect(response.errors).toBeUndefined();
    return response.data!;
  }

  /** The article's tag slugs, as the public sees it or (preview) as its draft has them. */
  async function tagsOf(slug: string, preview = false): Promise<string[] | null> {
    const { article } = ok(await api.asEditor(GET_ARTICLE, { slug, preview }));
    return article ? article.tags.map((t: { slug: string }) => t.slug) : null;
  }

  /** Every slug of a list, page by page, as the public or (preview) an editor lists it; every page must give the same totalCount. */
  async function listAll(where: Record<string, unknown>, options: { preview?: boolean; first?: number } = {}) {
    const seen: string[] = [];
    let after: string | null = null;
    const totalCounts: number[] = [];
    for (;;) {
      const variables = { where, first: options.first ?? 100, after, preview: options.preview ?? false };
      const data: any = ok(options.preview ? await api.asEditor(LIST, variables) : await api.query(LIST, variables));
      totalCounts.push(data.articles.totalCount);
      seen.push(...slugsOf(data.articles));
      if (!data.articles.pageInfo.hasNextPage) break;
      after = data.articles.pageInfo.endCursor;
    }
    expect(new Set(totalCounts).size).toBe(1);
    return { slugs: seen, totalCount: totalCounts[0], pages: totalCounts.length };
  }

  async function updateArticle(article: { id: string; version: number }, input: Record<string, unknown>) {
    return ok(await api.asEditor(UPDATE_ARTICLE, { id: article.id, input, v: article.version })).updateArticle;
  }

  async function publishArticle(article: { id: string; version: number }) {
    return ok(await api.asEditor(PUBLISH_ARTICLE, { id: article.id, v: article.version })).publishArticle;
  }

  describe('createTag, tag(slug) and tags', () => {
    it('stores a tag, trimming its name, and serves it by slug', async () => {
      const { createTag } = ok(await api.asEditor(CREATE_TAG, { input: { slug: 'trigger-points', name: '  Trigger points ', description: 'Knots in a muscle.' } }));
      expect(createTag).toEqual({ id: expect.any(String), slug: 'trigger-points', name: 'Trigger points', description: 'Knots in a muscle.' });
      expect(await api.query(GET_TAG, { slug: 'trigger-points' })).toEqual({ status: 200, data: { tag: createTag } });
    });

    it('needs no description, and a blank one is none', async () => {
      const { createTag } = ok(await api.asEditor(CREATE_TAG, { input: { slug: 'needling', name: 'Needling', description: '   ' } }));
      expect(createTag).toMatchObject({ slug: 'needling', name: 'Needling', description: null });
    });

    it('answers null, not an error, for an unknown slug', async () => {
      expect(await api.query(GET_TAG, { slug: 'no-such-tag' })).toEqual({ status: 200, data: { tag: null } });
    });

    it('lists every tag by name, for anyone', async () => {
      for (const name of ['Zinc (listed)', 'Acupressure (listed)', 'Mobility (listed)']) await makeTag(api, { name });
      const { tags } = ok(await api.query(TAGS));
      const names: string[] = tags.map((t: { name: string }) => t.name);
      expect(names).toHaveLength(await api.db.prisma.tag.count());
      expect(names.filter((n) => n.endsWith('(listed)'))).toEqual(['Acupressure (listed)', 'Mobility (listed)', 'Zinc (listed)']);
    });

    it('refuses a bad slug, an empty name and a long description with BAD_USER_INPUT, writing nothing', async () => {
      const before = await contentCounts(api);
      const error = onlyError(await api.asEditor(CREATE_TAG, { input: { slug: 'Chronic Pain', name: ' ', description: 'd'.repeat(1001) } }));
      expect(error.extensions).toEqual({
        code: 'BAD_USER_INPUT',
        issues: [
          { path: 'input.slug', message: SLUG_MESSAGE },
          { path: 'input.name', message: 'must not be empty' },
          { path: 'input.description', message: 'must be at most 1000 characters' },
        ],
      });
      const tooLong = onlyError(await api.asEditor(CREATE_TAG, { input: { slug: 'x'.repeat(121), name: 'n'.repeat(121) } }));
      expect(tooLong.extensions).toEqual({
        code: 'BAD_USER_INPUT',
        issues: [
          { path: 'input.slug', message: 'must be at most 120 characters' },
          { path: 'input.name', message: 'must be at most 120 characters' },
        ],
      });
      expect(await contentCounts(api)).toEqual(before);
    });

    it('refuses a taken slug and a taken name with CONFLICT, writing nothing', async () => {
      const taken = await makeTag(api, { name: 'Posture' });
      const before = await contentCounts(api);

      const slugClash = onlyError(await api.asEditor(CREATE_TAG, { input: { slug: taken.slug, name: 'Something else' } }));
      expect(slugClash).toMatchObject({ message: 'Another tag already uses this slug.', path: ['createTag'], extensions: { code: 'CONFLICT' } });
      const nameClash = onlyError(await api.asEditor(CREATE_TAG, { input: { slug: uniqueSlug('posture'), name: 'Posture' } }));
      expect(nameClash).toMatchObject({ message: 'Another tag already uses this name.', path: ['createTag'], extensions: { code: 'CONFLICT' } });

      expect(await contentCounts(api)).toEqual(before);
    });
  });

  describe('updateTag', () => {
    it('changes only the fields given, and null clears the description', async () => {
      const { createTag: created } = ok(await api.asEditor(CREATE_TAG, { input: { slug: 'sleep', name: 'Sleep', description: 'Rest.' } }));
      const renamed = ok(await api.asEditor(UPDATE_TAG, { id: created.id, input: { name: 'Sleep & rest' } })).updateTag;
      expect(renamed).toEqual({ id: created.id, slug: 'sleep', name: 'Sleep & rest', description: 'Rest.' });

      const cleared = ok(await api.asEditor(UPDATE_TAG, { id: created.id, input: { slug: 'sleep-and-rest', description: null } })).updateTag;
      expect(cleared).toEqual({ id: created.id, slug: 'sleep-and-rest', name: 'Sleep & rest', description: null });
      expect((await api.query(GET_TAG, { slug: 'sleep' })).data).toEqual({ tag: null });
      expect((await api.query(GET_TAG, { slug: 'sleep-and-rest' })).data).toEqual({ tag: cleared });
    });

    it('refuses bad input and a taken slug or name, changing nothing', async () => {
      const taken = await makeTag(api, { name: 'Taken tag name' });
      const tag = await makeTag(api);
      const before = (await api.query(GET_TAG, { slug: tag.slug })).data!.tag;

      const invalid = onlyError(await api.asEditor(UPDATE_TAG, { id: tag.id, input: { slug: 'a_b', name: '' } }));
      expect(invalid.extensions).toEqual({
        code: 'BAD_USER_INPUT',
        issues: [
          { path: 'input.slug', message: SLUG_MESSAGE },
          { path: 'input.name', message: 'must not be empty' },
        ],
      });
      const slugClash = onlyError(await api.asEditor(UPDATE_TAG, { id: tag.id, input: { slug: taken.slug } }));
      expect(slugClash).toMatchObject({ message: 'Another tag already uses this slug.', extensions: { code: 'CONFLICT' } });
      const nameClash = onlyError(await api.asEditor(UPDATE_TAG, { id: tag.id, input: { name: 'Taken tag name', description: 'Changed' } }));
      expect(nameClash).toMatchObject({ message: 'Another tag already uses this name.', extensions: { code: 'CONFLICT' } });

      expect((await api.query(GET_TAG, { slug: tag.slug })).data!.tag).toEqual(before);
    });

    it('is NOT_FOUND for an unknown id, as is deleteTag', async () => {
      for (const id of [MISSING_ID, 'not-an-id']) {
        for (const [query, variables, field] of [
          [UPDATE_TAG, { id, input: { name: 'x' } }, 'updateTag'],
          [DELETE_TAG, { id }, 'deleteTag'],
        ] as const) {
          const error = onlyError(await api.asEditor(query, variables));
          expect(error).toMatchObject({ message: `No tag with id "${id}".`, path: [field], extensions: { code: 'NOT_FOUND' } });
        }
      }
    });
  });

  describe('who may manage tags', () => {
    const tokens: Record<string, string> = {};

    beforeAll(async () => {
      for (const role of ['EDITOR', 'AUTHOR', 'PREVIEW']) {
        const { createApiToken } = ok(await api.asEditor('mutation($input: CreateApiTokenInput!) { createApiToken(input: $input) { token } }', { input: { name: `tags ${role}`, role } }));
        tokens[role] = createApiToken.token;
      }
    });

    const as = (role: string | null, query: string, variables: Record<string, unknown>) =>
      api.send(query, variables, role ? { authorization: `Bearer ${tokens[role]}` } : {});

    it('the public is UNAUTHENTICATED; PREVIEW and AUTHOR are FORBIDDEN; nothing is written', async () => {
      const tag = await makeTag(api, { description: 'Kept' });
      const stored = await api.db.prisma.tag.findUniqueOrThrow({ where: { id: tag.id } });
      const before = await contentCounts(api);
      const attempts = [
        ['createTag', CREATE_TAG, { input: { slug: uniqueSlug('refused'), name: uniqueSlug('Refused') } }],
        ['updateTag', UPDATE_TAG, { id: tag.id, input: { name: 'Hijacked' } }],
        ['deleteTag', DELETE_TAG, { id: tag.id }],
      ] as const;
      for (const [field, query, variables] of attempts) {
        const anonymous = await as(null, query, variables);
        expect(anonymous.status).toBe(401);
        expect(onlyError(anonymous)).toMatchObject({ path: [field], extensions: { code: 'UNAUTHENTICATED' } });
        for (const role of ['PREVIEW', 'AUTHOR']) {
          const refused = await as(role, query, variables);
          expect(refused.data ?? null).toBeNull();
          expect(onlyError(refused)).toMatchObject({ message: `Your role (${role}) may not do this (taxonomy:write).`, path: [field], extensions: { code: 'FORBIDDEN' } });
        }
      }
      expect(await contentCounts(api)).toEqual(before);
      expect(await api.db.prisma.tag.findUniqueOrThrow({ where: { id: tag.id } })).toEqual(stored);
    });

    it('an EDITOR creates, renames and deletes tags', async () => {
      const slug = uniqueSlug('editor-tag');
      const { createTag } = ok(await as('EDITOR', CREATE_TAG, { input: { slug, name: `Editor ${slug}` } }));
      expect(ok(await as('EDITOR', UPDATE_TAG, { id: createTag.id, input: { name: `Renamed ${slug}` } })).updateTag).toMatchObject({ name: `Renamed ${slug}` });
      expect(ok(await as('EDITOR', DELETE_TAG, { id: createTag.id }))).toEqual({ deleteTag: createTag.id });
      expect((await api.query(GET_TAG, { slug })).data).toEqual({ tag: null });
    });

    it('an AUTHOR may still put existing tags on their own article', async () => {
      const tag = await makeTag(api);
      const { createArticle } = ok(await as('AUTHOR', CREATE_ARTICLE, { input: { slug: uniqueSlug('authored'), title: 'Authored', tagIds: [tag.id] } }));
      expect(createArticle.tags).toEqual([{ slug: tag.slug, name: `Tag ${tag.slug}` }]);
    });
  });

  describe('tags on articles', () => {
    it('keeps the order given, replaces the list on update, and null or [] clears it', async () => {
      const [a, b, c] = [await makeTag(api), await makeTag(api), await makeTag(api)];
      const { createArticle } = ok(await api.asEditor(CREATE_ARTICLE, { input: { slug: uniqueSlug('ordered'), title: 'Ordered', tagIds: [c.id, a.id, b.id] } }));
      expect(createArticle.tags.map((t: { slug: string }) => t.slug)).toEqual([c.slug, a.slug, b.slug]);

      const reordered = await updateArticle({ id: createArticle.id, version: 1 }, { tagIds: [b.id, c.id] });
      expect(reordered).toMatchObject({ version: 2, tags: [{ slug: b.slug }, { slug: c.slug }] });
      // Other fields leave the tags alone.
      expect(await updateArticle({ id: createArticle.id, version: 2 }, { title: 'Ordered, retitled' })).toMatchObject({ tags: [{ slug: b.slug }, { slug: c.slug }] });
      expect(await updateArticle({ id: createArticle.id, version: 3 }, { tagIds: null })).toMatchObject({ version: 4, tags: [] });
      expect(await updateArticle({ id: createArticle.id, version: 4 }, { tagIds: [a.id] })).toMatchObject({ tags: [{ slug: a.slug }] });
      expect(await updateArticle({ id: createArticle.id, version: 5 }, { tagIds: [] })).toMatchObject({ tags: [] });
    });

    it('refuses unknown, repeated, malformed and too many tag ids, naming the field, writing nothing', async () => {
      const tag = await makeTag(api);
      const before = await contentCounts(api);
      const create = (tagIds: unknown[]) => api.asEditor(CREATE_ARTICLE, { input: { slug: uniqueSlug('refused-tags'), title: 'Refused', tagIds } });

      expect(onlyError(await create([tag.id, MISSING_ID])).extensions).toEqual({
        code: 'BAD_USER_INPUT',
        issues: [{ path: 'input.tagIds.1', message: `no tag has id "${MISSING_ID}"` }],
      });
      expect(onlyError(await create([tag.id, tag.id.toUpperCase()])).extensions).toEqual({
        code: 'BAD_USER_INPUT',
        issues: [{ path: 'input.tagIds', message: 'must not repeat an id' }],
      });
      expect(onlyError(await create([tag.id, 'tag-one'])).extensions).toEqual({
        code: 'BAD_USER_INPUT',
        issues: [{ path: 'input.tagIds.1', message: 'is not a valid id' }],
      });
      const many = Array.from({ length: 21 }, (_, i) => `01900000-0000-7000-8000-${String(i).padStart(12, '0')}`);
      expect(onlyError(await create(many)).extensions).toEqual({
        code: 'BAD_USER_INPUT',
        issues: [{ path: 'input.tagIds', message: 'must have at most 20 entries' }],
      });
      expect(await contentCounts(api)).toEqual(before);

      const article = await makeArticle(api, { tagIds: [tag.id] });
      const state = await api.db.prisma.article.findUniqueOrThrow({ where: { id: article.id } });
      const error = onlyError(await api.asEditor(UPDATE_ARTICLE, { id: article.id, input: { tagIds: [MISSING_ID] }, v: article.version }));
      expect(error.extensions).toEqual({ code: 'BAD_USER_INPUT', issues: [{ path: 'input.tagIds.0', message: `no tag has id "${MISSING_ID}"` }] });
      expect(await api.db.prisma.article.findUniqueOrThrow({ where: { id: article.id } })).toEqual(state);
      expect(await tagsOf(article.slug, true)).toEqual([tag.slug]);
    });

    it('takes twenty tags', async () => {
      const tags: Made[] = [];
      for (let i = 0; i < 20; i++) tags.push(await makeTag(api));
      const article = await makeArticle(api, { tagIds: tags.map((t) => t.id) });
      expect(await tagsOf(article.slug)).toEqual(tags.map((t) => t.slug));
    });

    it('shows tag changes publicly only once the article is published; a renamed tag shows at once', async () => {
      const [first, second] = [await makeTag(api), await makeTag(api)];
      const article = await makeArticle(api, { tagIds: [first.id] });
      expect(await tagsOf(article.slug)).toEqual([first.slug]);

      const edited = await updateArticle(article, { tagIds: [second.id, first.id] });
      expect(edited).toMatchObject({ status: 'CHANGED', tags: [{ slug: second.slug }, { slug: first.slug }] });
      expect(await tagsOf(article.slug)).toEqual([first.slug]);
      expect(await tagsOf(article.slug, true)).toEqual([second.slug, first.slug]);
      // The public list filters on what is published; the preview on the draft.
      expect((await listAll({ tagSlug: second.slug })).slugs).toEqual([]);
      expect((await listAll({ tagSlug: first.slug })).slugs).toEqual([article.slug]);
      expect((await listAll({ tagSlug: second.slug }, { preview: true })).slugs).toEqual([article.slug]);

      const published = await publishArticle({ id: article.id, version: edited.version });
      expect(published).toMatchObject({ status: 'PUBLISHED', tags: [{ slug: second.slug }, { slug: first.slug }] });
      expect(await tagsOf(article.slug)).toEqual([second.slug, first.slug]);
      expect((await listAll({ tagSlug: second.slug })).slugs).toEqual([article.slug]);

      // Tags are not drafted: renaming one changes the published page without publishing it.
      ok(await api.asEditor(UPDATE_TAG, { id: second.id, input: { name: `Renamed ${second.slug}` } }));
      expect(ok(await api.query(GET_ARTICLE, { slug: article.slug })).article).toMatchObject({
        version: published.version,
        tags: [{ slug: second.slug, name: `Renamed ${second.slug}` }, { slug: first.slug }],
      });
    });

    it('go with the article to the trash and back, and go away when it is purged', async () => {
      const tag = await makeTag(api);
      const article = await makeArticle(api, { tagIds: [tag.id] });
      ok(await api.asEditor('mutation($id: ID!) { deleteArticle(id: $id) }', { id: article.id }));
      expect((await listAll({ tagSlug: tag.slug }, { preview: true })).slugs).toEqual([]);
      ok(await api.asEditor('mutation($id: ID!) { restoreArticle(id: $id) { id } }', { id: article.id }));
      expect(await tagsOf(article.slug, true)).toEqual([tag.slug]);

      ok(await api.asEditor('mutation($id: ID!) { deleteArticle(id: $id) }', { id: article.id }));
      ok(await api.asEditor('mutation($id: ID!) { purgeArticle(id: $id) }', { id: article.id }));
      expect(await api.db.prisma.articleTag.count({ where: { tagId: tag.id } })).toBe(0);
      expect((await api.query(GET_TAG, { slug: tag.slug })).data!.tag).toMatchObject({ id: tag.id });
    });
  });

  describe('filtering articles by tag', () => {
    let tag: Made;
    let other: Made;
    let category: Made;
    let treatment: Made;
    /** Published articles with the tag, newest first; [i] is dated 2022-03-(10 - i). */
    const tagged: Made[] = [];
    let draftOnly: Made;
    let inCategory: Made[];

    beforeAll(async () => {
      [tag, other] = [await makeTag(api), await makeTag(api)];
      category = await makeCategory(api);
      treatment = await makeTreatment(api);
      for (let day = 9; day >= 1; day--) {
        tagged.push(
          await makeArticle(api, {
            publishedAt: `2022-03-0${day}T00:00:00.000Z`,
            // Odd days in the category, days divisible by 3 about the treatment; the tag anywhere in the list.
            categoryId: day % 2 ? category.id : null,
            treatmentIds: day % 3 === 0 ? [treatment.id] : [],
            tagIds: day % 2 ? [other.id, tag.id] : [tag.id],
          }),
        );
      }
      inCategory = tagged.filter((_, i) => (9 - i) % 2 === 1);
      // In the category and about the treatment, but without the tag.
      await makeArticle(api, { categoryId: category.id, treatmentIds: [treatment.id], tagIds: [other.id], publishedAt: '2022-03-05T12:00:00.000Z' });
      draftOnly = await makeArticle(api, { categoryId: category.id, tagIds: [tag.id], publishedAt: '2022-03-20T00:00:00.000Z' }, { publish: false });
    });

    it('pages through the public list of a tag, newest first, each article once', async () => {
      const paged = await listAll({ tagSlug: tag.slug }, { first: 2 });
      expect(paged).toEqual({ slugs: tagged.map((a) => a.slug), totalCount: 9, pages: 5 });
    });

    it('pages through the preview list of a tag, drafts included', async () => {
      const paged = await listAll({ tagSlug: tag.slug }, { first: 4, preview: true });
      expect(paged).toEqual({ slugs: [draftOnly.slug, ...tagged.map((a) => a.slug)], totalCount: 10, pages: 3 });
    });

    it('combines with the category and treatment filters and the date range', async () => {
      for (const preview of [false, true]) {
        const byCategory = await listAll({ tagSlug: tag.slug, categorySlug: category.slug }, { first: 2, preview });
        expect(byCategory.slugs).toEqual([...(preview ? [draftOnly.slug] : []), ...inCategory.map((a) => a.slug)]);
        expect(byCategory.totalCount).toBe(inCategory.length + (preview ? 1 : 0));

        const byTreatment = await listAll({ tagSlug: tag.slug, treatmentSlug: treatment.slug }, { preview });
        expect(byTreatment.slugs).toEqual([tagged[0]!.slug, tagged[3]!.slug, tagged[6]!.slug]); // the 9th, 6th and 3rd

        const all = await listAll({ tagSlug: tag.slug, categorySlug: category.slug, treatmentSlug: treatment.slug, publishedBefore: '2022-03-08T00:00:00.000Z' }, { preview });
        expect(all.slugs).toEqual([tagged[6]!.slug]); // the 3rd: odd, divisible by 3, before the 8th
      }
    });

    it('answers an empty list for a tag no article has, and for an unknown tag', async () => {
      const unused = await makeTag(api);
      for (const preview of [false, true]) {
        for (const tagSlug of [unused.slug, 'no-such-tag']) {
          const variables = { where: { tagSlug }, preview };
          const response = preview ? await api.asEditor(LIST, variables) : await api.query(LIST, variables);
          expect(response).toEqual({ status: 200, data: { articles: { totalCount: 0, edges: [], pageInfo: { hasNextPage: false, endCursor: null } } } });
        }
      }
    });
  });

  describe('deleteTag', () => {
    it('deletes an unused tag', async () => {
      const tag = await makeTag(api);
      const before = await contentCounts(api);
      expect(await api.asEditor(DELETE_TAG, { id: tag.id })).toEqual({ status: 200, data: { deleteTag: tag.id } });
      expect((await api.query(GET_TAG, { slug: tag.slug })).data).toEqual({ tag: null });
      expect(await contentCounts(api)).toEqual({ ...before, tags: before.tags! - 1 });
    });

    it('is allowed while articles use the tag: drafts and published versions lose it at once', async () => {
      const [doomed, kept] = [await makeTag(api), await makeTag(api)];
      const published = await makeArticle(api, { tagIds: [doomed.id, kept.id] });
      const draft = await makeArticle(api, { tagIds: [kept.id, doomed.id] }, { publish: false });
      const revisionsBefore = await api.db.prisma.revision.count();

      expect(ok(await api.asEditor(DELETE_TAG, { id: doomed.id }))).toEqual({ deleteTag: doomed.id });

      expect(await tagsOf(published.slug)).toEqual([kept.slug]);
      expect(await tagsOf(published.slug, true)).toEqual([kept.slug]);
      expect(await tagsOf(draft.slug, true)).toEqual([kept.slug]);
      expect(await api.db.prisma.articleTag.count({ where: { tagId: doomed.id } })).toBe(0);
      const stored = await api.db.prisma.publishedArticle.findUniqueOrThrow({ where: { articleId: published.id } });
      expect({ column: stored.tagIds, snapshot: (stored.snapshot as { tagIds: string[] }).tagIds }).toEqual({ column: [kept.id], snapshot: [kept.id] });
      // Neither article was edited or republished: no new version, no revision.
      expect(ok(await api.query(GET_ARTICLE, { slug: published.slug })).article.version).toBe(published.version);
      expect(ok(await api.asEditor(GET_ARTICLE, { slug: draft.slug, preview: true })).article.version).toBe(draft.version);
      expect(await api.db.prisma.revision.count()).toBe(revisionsBefore);
      // The published article's draft still matches what is published: cancelling a schedule finds it unchanged.
      ok(await api.asEditor('mutation($id: ID!) { schedulePublish(id: $id, at: "2999-01-01T00:00:00.000Z") { id } }', { id: published.id }));
      expect(ok(await api.asEditor('mutation($id: ID!) { cancelScheduledPublish(id: $id) { status } }', { id: published.id }))).toEqual({ cancelScheduledPublish: { status: 'PUBLISHED' } });

      // Its slug matches nothing now, even once a new tag takes it: that is another tag.
      expect((await listAll({ tagSlug: doomed.slug })).slugs).toEqual([]);
      await makeTag(api, { slug: doomed.slug });
      expect((await listAll({ tagSlug: doomed.slug })).slugs).toEqual([]);
      expect((await listAll({ tagSlug: doomed.slug }, { preview: true })).slugs).toEqual([]);
      expect((await listAll({ tagSlug: kept.slug }, { preview: true })).slugs.sort()).toEqual([published.slug, draft.slug].sort());
    });
  });

  describe('revisions', () => {
    it('record the tags in order, compare them, and restore them', async () => {
      const [a, b] = [await makeTag(api), await makeTag(api)];
      const article = await makeArticle(api, { tagIds: [a.id, b.id] }, { publish: false });
      await updateArticle(article, { tagIds: [b.id] });

      expect(ok(await api.asEditor(REVISION, { id: article.id, version: 1 })).revision.snapshot).toMatchObject({ tagIds: [a.id, b.id] });
      expect(ok(await api.asEditor(COMPARE, { id: article.id, from: 1, to: 2 })).compareRevisions).toEqual([{ field: 'tagIds', before: [a.id, b.id], after: [b.id] }]);
      const history = ok(await api.asEditor('query($id: ID!) { articleRevisions(id: $id) { edges { node { version changedFields } } } }', { id: article.id }));
      expect(history.articleRevisions.edges[0].node).toEqual({ version: 2, changedFields: ['tagIds'] });

      const restored = ok(await api.asEditor(RESTORE_REVISION, { id: article.id, revision: 1 })).restoreArticleRevision;
      expect(restored).toMatchObject({ version: 3, tags: [{ slug: a.slug }, { slug: b.slug }] });
    });

    it('refuse to restore a revision naming a deleted tag, as for a deleted category, changing nothing', async () => {
      const [doomed, kept] = [await makeTag(api), await makeTag(api)];
      const article = await makeArticle(api, { tagIds: [kept.id, doomed.id] }, { publish: false });
      const edited = await updateArticle(article, { tagIds: [kept.id] });
      ok(await api.asEditor(DELETE_TAG, { id: doomed.id }));
      const before = await contentCounts(api);

      const error = onlyError(await api.asEditor(RESTORE_REVISION, { id: article.id, revision: 1 }));
      expect(error).toMatchObject({
        path: ['restoreArticleRevision'],
        extensions: { code: 'BAD_USER_INPUT', issues: [{ path: 'input.tagIds.1', message: `no tag has id "${doomed.id}"` }] },
      });
      expect(await contentCounts(api)).toEqual(before);
      expect(ok(await api.asEditor(GET_ARTICLE, { slug: article.slug, preview: true })).article).toMatchObject({ version: edited.version, tags: [{ slug: kept.slug }] });
    });
  });

  describe('content stored before tags existed', () => {
    /** Rewrites stored snapshots the way the previous release wrote them: with no tagIds. */
    async function forgetTagIds(articleId: string) {
      const p = api.db.prisma;
      const published = await p.publishedArticle.findUniqueOrThrow({ where: { articleId } });
      const { tagIds: _published, ...oldPublished } = published.snapshot as Record<string, unknown>;
      await p.publishedArticle.update({ where: { articleId }, data: { snapshot: oldPublished as object, tagIds: [] } });
      for (const revision of await p.revision.findMany({ where: { documentId: articleId } })) {
        const { tagIds: _revision, ...oldRevision } = revision.snapshot as Record<string, unknown>;
        await p.revision.update({ where: { id: revision.id }, data: { snapshot: oldRevision as object } });
      }
    }

    it('reads snapshots without tagIds as having no tags, in published pages and in revisions', async () => {
      const category = await makeCategory(api);
      const article = await makeArticle(api, { categoryId: category.id, title: 'Published before tags' });
      await forgetTagIds(article.id);
      const stored = await api.db.prisma.revision.findMany({ where: { documentId: article.id } });
      expect(stored.map((r) => 'tagIds' in (r.snapshot as object))).toEqual([false, false]);

      // Public reads: the page, and the list (which reads snapshots whole).
      expect(ok(await api.query(GET_ARTICLE, { slug: article.slug })).article).toEqual({ version: article.version, status: 'PUBLISHED', tags: [] });
      const list = ok(await api.query(`{ articles(where: { categorySlug: "${category.slug}" }) { edges { node { slug tags { slug } } } } }`));
      expect(list.articles.edges).toEqual([{ node: { slug: article.slug, tags: [] } }]);

      // Revisions read as having none, so they differ from a draft with none in nothing else.
      expect(ok(await api.asEditor(REVISION, { id: article.id, version: 1 })).revision.snapshot).toMatchObject({ title: 'Published before tags', tagIds: [] });
      expect(ok(await api.asEditor(COMPARE, { id: article.id, from: 1, to: 2 })).compareRevisions).toEqual([{ field: 'publishedAt', before: null, after: expect.any(String) }]);
      const HISTORY = 'query($id: ID!) { articleRevisions(id: $id, first: 1) { edges { node { version changedFields } } } }';
      const retitled = await updateArticle(article, { title: 'Retitled' });
      expect(ok(await api.asEditor(HISTORY, { id: article.id })).articleRevisions.edges[0].node).toEqual({ version: retitled.version, changedFields: ['title'] });
      const tag = await makeTag(api);
      const tagged = await updateArticle({ id: article.id, version: retitled.version }, { tagIds: [tag.id] });
      expect(ok(await api.asEditor(HISTORY, { id: article.id })).articleRevisions.edges[0].node).toEqual({ version: tagged.version, changedFields: ['tagIds'] });

      // Restoring the old published revision takes the tags off again.
      const restored = ok(await api.asEditor(RESTORE_REVISION, { id: article.id, revision: article.version })).restoreArticleRevision;
      expect(restored).toMatchObject({ status: 'CHANGED', tags: [] });

      // The draft equals the old published version again: cancelling a schedule finds it unchanged.
      ok(await api.asEditor('mutation($id: ID!) { schedulePublish(id: $id, at: "2999-01-01T00:00:00.000Z") { id } }', { id: article.id }));
      const cancelled = ok(await api.asEditor('mutation($id: ID!) { cancelScheduledPublish(id: $id) { status } }', { id: article.id }));
      expect(cancelled.cancelScheduledPublish).toEqual({ status: 'PUBLISHED' });
    });
  });
});
