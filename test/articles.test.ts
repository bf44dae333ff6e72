/**
 * Articles: editors create, update and delete them through mutations (changing the draft), and
 * publish them; frontends list and read the published version, editors preview the draft.
 */
import { describe, expect, it } from 'vitest';
import { contentCounts, makeArticle, makeCategory, makeComparison, makePerson, makeTreatment } from './factories.js';
import { onlyError, useTestApi } from './setup/server.js';

const ARTICLE_FIELDS = `
  id slug title dek summary publishedAt
  category { slug }
  heroImage { url alt credit }
  experts { role person { slug } }
  treatments { slug }
  comparisons { slug }
  related { kind label url article { slug } }
  body {
    __typename
    ... on HeadingBlock { level text anchor }
    ... on ParagraphBlock { text spans { text bold italic href } }
    ... on ListBlock { style items { text } }
    ... on QuoteBlock { text attribution person { slug } }
    ... on ImageBlock { url alt caption }
  }`;
const CREATE = `mutation($input: CreateArticleInput!) { createArticle(input: $input) { ${ARTICLE_FIELDS} version status } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateArticleInput!, $expectedVersion: Int!) {
  updateArticle(id: $id, input: $input, expectedVersion: $expectedVersion) { ${ARTICLE_FIELDS} version status }
}`;
const PUBLISH = 'mutation($id: ID!, $expectedVersion: Int!) { publishArticle(id: $id, expectedVersion: $expectedVersion) { id version status } }';
const DELETE = 'mutation($id: ID!) { deleteArticle(id: $id) }';
/** The article as the public sees it (published), or as an editor previews it (`preview: true`, with the token). */
const GET = `query($slug: String!, $preview: Boolean) { article(slug: $slug, preview: $preview) { ${ARTICLE_FIELDS} version status } }`;

const LIST = `query($first: Int, $after: String, $where: ArticleWhereInput, $orderBy: ArticleOrderBy, $preview: Boolean) {
  articles(first: $first, after: $after, where: $where, orderBy: $orderBy, preview: $preview) {
    totalCount
    edges { cursor node { slug } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`;

type Edges = { edges: { node: { slug: string } }[] };
const slugsOf = (connection: Edges) => connection.edges.map((e) => e.node.slug);

describe('articles', () => {
  const api = useTestApi();

  describe('createArticle', () => {
    it('needs only a slug and a title, and makes an unpublished draft', async () => {
      const { data, errors } = await api.asEditor(CREATE, { input: { slug: 'bare-minimum', title: 'Bare minimum' } });
      expect(errors).toBeUndefined();
      expect(data!.createArticle).toMatchObject({
        slug: 'bare-minimum',
        title: 'Bare minimum',
        dek: null,
        category: null,
        heroImage: null,
        body: [],
        experts: [],
        treatments: [],
        comparisons: [],
        related: [],
        publishedAt: null,
        version: 1,
        status: 'DRAFT',
      });
      expect(await api.query(GET, { slug: 'bare-minimum' })).toEqual({ status: 200, data: { article: null } });
      expect((await api.asEditor(GET, { slug: 'bare-minimum', preview: true })).data!.article).toEqual(data!.createArticle);
    });

    it('stores every field and relation, in the order given; the public sees them once published', async () => {
      const category = await makeCategory(api);
      const [expert, reviewer] = [await makePerson(api), await makePerson(api)];
      const [first, second] = [await makeTreatment(api), await makeTreatment(api)];
      const comparison = await makeComparison(api, { treatmentIds: [first.id, second.id] });
      const target = await makeArticle(api, { title: 'Linked article' });

      const { data, errors } = await api.asEditor(CREATE, {
        input: {
          slug: 'full-article',
          title: 'Full article',
          dek: 'The line under the title',
          summary: 'What it says, briefly',
          categoryId: category.id,
          publishedAt: '2024-02-13T09:30:00.000Z',
          heroImage: { url: 'https://images.example.org/needles.jpg', alt: 'Needles in a shoulder', credit: 'Photo desk' },
          experts: [
            { personId: expert.id, role: 'QUOTED' },
            { personId: reviewer.id, role: 'REVIEWER' },
          ],
          treatmentIds: [second.id, first.id],
          comparisonIds: [comparison.id],
          related: [
            { kind: 'RELATED_ARTICLE', articleId: target.id },
            { kind: 'EXTERNAL_REFERENCE', url: 'https://www.nccaom.org/', label: 'Certification body' },
          ],
          body: [
            { heading: { level: 2, text: 'Where the needles go' } },
            { paragraph: { spans: [{ text: 'Plain, ' }, { text: 'bold', bold: true }, { text: ' and a ' }, { text: 'link', href: '/articles/other' }] } },
            { list: { style: 'NUMBERED', items: [{ spans: [{ text: 'One' }] }, { spans: [{ text: 'Two' }] }] } },
            { quote: { text: 'Needles are an extension of my hands.', personId: expert.id } },
            { image: { url: '/images/x.jpg', alt: 'An illustration', caption: 'Caption' } },
          ],
        },
      });
      expect(errors).toBeUndefined();
      const created = data!.createArticle;
      expect(created).toMatchObject({
        dek: 'The line under the title',
        summary: 'What it says, briefly',
        category: { slug: category.slug },
        publishedAt: '2024-02-13T09:30:00.000Z',
        heroImage: { url: 'https://images.example.org/needles.jpg', alt: 'Needles in a shoulder', credit: 'Photo desk' },
        experts: [
          { role: 'QUOTED', person: { slug: expert.slug } },
          { role: 'REVIEWER', person: { slug: reviewer.slug } },
        ],
        treatments: [{ slug: second.slug }, { slug: first.slug }],
        comparisons: [{ slug: comparison.slug }],
        related: [
          { kind: 'RELATED_ARTICLE', label: 'Linked article', url: `/articles/${target.slug}`, article: { slug: target.slug } },
          { kind: 'EXTERNAL_REFERENCE', label: 'Certification body', url: 'https://www.nccaom.org/', article: null },
        ],
        body: [
          { __typename: 'HeadingBlock', level: 2, text: 'Where the needles go', anchor: 'where-the-needles-go' },
          {
            __typename: 'ParagraphBlock',
            text: 'Plain, bold and a link',
            spans: [
              { text: 'Plain, ', bold: false, italic: false, href: null },
              { text: 'bold', bold: true, italic: false, href: null },
              { text: ' and a ', bold: false, italic: false, href: null },
              { text: 'link', bold: false, italic: false, href: '/articles/other' },
            ],
          },
          { __typename: 'ListBlock', style: 'NUMBERED', items: [{ text: 'One' }, { text: 'Two' }] },
          { __typename: 'QuoteBlock', text: 'Needles are an extension of my hands.', attribution: null, person: { slug: expert.slug } },
          { __typename: 'ImageBlock', url: '/images/x.jpg', alt: 'An illustration', caption: 'Caption' },
        ],
        version: 1,
        status: 'DRAFT',
      });

      // The editor's preview reads the draft back whole; the public sees nothing yet.
      const preview = await api.asEditor(GET, { slug: 'full-article', preview: true });
      expect(preview.errors).toBeUndefined();
      expect(preview.data!.article).toEqual(created);
      expect((await api.query(GET, { slug: 'full-article' })).data).toEqual({ article: null });

      const published = await api.asEditor(PUBLISH, { id: created.id, expectedVersion: 1 });
      expect(published.errors).toBeUndefined();
      expect(published.data!.publishArticle).toEqual({ id: created.id, version: 2, status: 'PUBLISHED' });
      const read = await api.query(GET, { slug: 'full-article' });
      expect(read.errors).toBeUndefined();
      expect(read.data!.article).toEqual({ ...created, version: 2, status: 'PUBLISHED' });
    });

    it('refuses a taken slug with CONFLICT and writes nothing', async () => {
      const existing = await makeArticle(api);
      const draft = await makeArticle(api, {}, { publish: false });
      const before = await contentCounts(api);
      for (const slug of [existing.slug, draft.slug]) {
        const error = onlyError(await api.asEditor(CREATE, { input: { slug, title: 'Again', heroImage: { url: '/a.jpg', alt: 'A' } } }));
        expect(error.extensions.code).toBe('CONFLICT');
        expect(error.message).toBe('Another article already uses this slug.');
      }
      expect(await contentCounts(api)).toEqual(before);
    });

    it('names every invalid field in one BAD_USER_INPUT', async () => {
      const before = await contentCounts(api);
      const error = onlyError(
        await api.asEditor(CREATE, {
          input: {
            slug: 'Not A Slug',
            title: '   ',
            dek: 'x'.repeat(301),
            heroImage: { url: 'javascript:alert(1)', alt: 'x' },
            body: [
              { heading: { level: 1, text: 'Too high' } },
              { paragraph: { spans: [{ text: 'click', href: 'javascript:alert(document.cookie)' }] } },
              { paragraph: { spans: [{ text: 'data', href: 'data:text/html;base64,PHNjcmlwdD4=' }] } },
              { image: { url: '//evil.example/x.png', alt: 'x' } },
            ],
            related: [{ kind: 'RELATED_ARTICLE', url: 'vbscript:msgbox(1)', label: 'x' }],
          },
        }),
      );
      expect(error.extensions.code).toBe('BAD_USER_INPUT');
      expect(error.extensions.issues.map((i: { path: string }) => i.path).sort()).toEqual(
        [
          'input.slug',
          'input.title',
          'input.dek',
          'input.heroImage.url',
          'input.body.0.heading.level',
          'input.body.1.paragraph.spans.0.href',
          'input.body.2.paragraph.spans.0.href',
          'input.body.3.image.url',
          'input.related.0.url',
        ].sort(),
      );
      expect(error.message).toContain('input.dek: must be at most 300 characters');
      expect(await contentCounts(api)).toEqual(before);
    });

    it('refuses references to records that do not exist, naming each field', async () => {
      const missing = '01900000-0000-7000-8000-000000000000';
      const before = await contentCounts(api);
      const error = onlyError(
        await api.asEditor(CREATE, {
          input: {
            slug: 'dangling',
            title: 'Dangling',
            categoryId: missing,
            experts: [{ personId: missing, role: 'QUOTED' }],
            treatmentIds: [missing],
            comparisonIds: [missing],
            body: [{ quote: { text: 'Said', personId: missing } }],
            related: [{ kind: 'RELATED_ARTICLE', articleId: missing }],
          },
        }),
      );
      expect(error.extensions.code).toBe('BAD_USER_INPUT');
      expect(error.extensions.issues).toEqual(
        expect.arrayContaining([
          { path: 'input.categoryId', message: `no category has id "${missing}"` },
          { path: 'input.experts.0.personId', message: `no person has id "${missing}"` },
          { path: 'input.body.0.quote.personId', message: `no person has id "${missing}"` },
          { path: 'input.treatmentIds.0', message: `no treatment has id "${missing}"` },
          { path: 'input.comparisonIds.0', message: `no comparison has id "${missing}"` },
        ]),
      );
      expect(await contentCounts(api)).toEqual(before);
    });

    it('stores text that looks like markup as text', async () => {
      const script = '<script>alert("x")</script><b>bold?</b>';
      const { data } = await api.asEditor(CREATE, { input: { slug: 'markup-as-text', title: script, body: [{ paragraph: { spans: [{ text: script }] } }] } });
      expect(data!.createArticle.title).toBe(script);
      expect(data!.createArticle.body[0].text).toBe(script);
    });
  });

  describe('updateArticle', () => {
    it('changes only the fields given, and null clears a nullable field', async () => {
      const category = await makeCategory(api);
      const treatment = await makeTreatment(api);
      const { data: created } = await api.asEditor(CREATE, {
        input: { slug: 'partial', title: 'Partial', dek: 'Dek', summary: 'Summary', categoryId: category.id, treatmentIds: [treatment.id], heroImage: { url: '/a.jpg', alt: 'A' } },
      });
      const id = created!.createArticle.id;

      const { data, errors } = await api.asEditor(UPDATE, { id, input: { title: 'Partial, renamed', dek: null }, expectedVersion: 1 });
      expect(errors).toBeUndefined();
      expect(data!.updateArticle).toMatchObject({
        slug: 'partial',
        title: 'Partial, renamed',
        dek: null,
        summary: 'Summary',
        category: { slug: category.slug },
        treatments: [{ slug: treatment.slug }],
        heroImage: { url: '/a.jpg', alt: 'A' },
        version: 2,
        status: 'DRAFT',
      });

      const cleared = await api.asEditor(UPDATE, { id, input: { categoryId: null, treatmentIds: [], heroImage: null }, expectedVersion: 2 });
      expect(cleared.errors).toBeUndefined();
      expect(cleared.data!.updateArticle).toMatchObject({ category: null, treatments: [], heroImage: null, summary: 'Summary', version: 3 });
      expect((await api.asEditor(GET, { slug: 'partial', preview: true })).data!.article).toEqual(cleared.data!.updateArticle);
    });

    it('replaces the hero image in place', async () => {
      const { data: created } = await api.asEditor(CREATE, { input: { slug: 'hero-swap', title: 'Hero', heroImage: { url: '/a.jpg', alt: 'A' } } });
      const { data, errors } = await api.asEditor(UPDATE, { id: created!.createArticle.id, input: { heroImage: { url: '/b.jpg', alt: 'B', credit: 'C' } }, expectedVersion: 1 });
      expect(errors).toBeUndefined();
      expect(data!.updateArticle.heroImage).toEqual({ url: '/b.jpg', alt: 'B', credit: 'C' });
    });

    it('changes only the draft: the public sees the published version until the next publish', async () => {
      const article = await makeArticle(api, { title: 'As published' });
      const { data, errors } = await api.asEditor(UPDATE, { id: article.id, input: { title: 'As edited' }, expectedVersion: article.version });
      expect(errors).toBeUndefined();
      expect(data!.updateArticle).toMatchObject({ title: 'As edited', version: article.version + 1, status: 'CHANGED' });

      expect((await api.query(GET, { slug: article.slug })).data!.article).toMatchObject({ title: 'As published', version: article.version, status: 'PUBLISHED' });
      expect((await api.asEditor(GET, { slug: article.slug, preview: true })).data!.article).toMatchObject({ title: 'As edited', status: 'CHANGED' });

      const published = await api.asEditor(PUBLISH, { id: article.id, expectedVersion: article.version + 1 });
      expect(published.errors).toBeUndefined();
      expect(published.data!.publishArticle).toEqual({ id: article.id, version: article.version + 2, status: 'PUBLISHED' });
      expect((await api.query(GET, { slug: article.slug })).data!.article).toMatchObject({ title: 'As edited', version: article.version + 2, status: 'PUBLISHED' });
    });

    it('refuses a stale expectedVersion with CONFLICT, naming the current version, and changes nothing', async () => {
      const article = await makeArticle(api, { title: 'Original' });
      const first = await api.asEditor(UPDATE, { id: article.id, input: { title: 'First edit' }, expectedVersion: article.version });
      expect(first.errors).toBeUndefined();
      const current = (await api.asEditor(`query($slug: String!) { article(slug: $slug, preview: true) { version updatedBy updatedAt } }`, { slug: article.slug })).data!.article;
      expect(current.version).toBe(article.version + 1);

      const before = await contentCounts(api);
      // A second editor who also started from the published version.
      const error = onlyError(await api.asEditor(UPDATE, { id: article.id, input: { title: 'Second edit' }, expectedVersion: article.version }));
      expect(error.extensions).toEqual({ code: 'CONFLICT', currentVersion: current.version, updatedBy: current.updatedBy, updatedAt: current.updatedAt });
      expect(await contentCounts(api)).toEqual(before);
      expect((await api.asEditor(GET, { slug: article.slug, preview: true })).data!.article).toMatchObject({ title: 'First edit', version: current.version });
    });

    it('refuses an empty title', async () => {
      const article = await makeArticle(api);
      const error = onlyError(await api.asEditor(UPDATE, { id: article.id, input: { title: '' }, expectedVersion: article.version }));
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', issues: [{ path: 'input.title', message: 'must not be empty' }] });
    });

    it('is NOT_FOUND for an unknown id', async () => {
      for (const id of ['01900000-0000-7000-8000-000000000000', 'not-an-id']) {
        const error = onlyError(await api.asEditor(UPDATE, { id, input: { title: 'x' }, expectedVersion: 1 }));
        expect(error.extensions.code).toBe('NOT_FOUND');
        expect(error.message).toBe(`No article with id "${id}".`);
      }
    });

    it('changes nothing when it fails part-way (one transaction)', async () => {
      const taken = await makeArticle(api);
      const [t1, t2] = [await makeTreatment(api), await makeTreatment(api)];
      const article = await makeArticle(api, { treatmentIds: [t1.id] });
      const before = await contentCounts(api);
      // The new version is claimed before the slug clash is found (and, depending on the order
      // of the writes, relations rewritten too): the rollback must undo all of it, the version included.
      const error = onlyError(await api.asEditor(UPDATE, { id: article.id, input: { slug: taken.slug, treatmentIds: [t2.id], title: 'Changed' }, expectedVersion: article.version }));
      expect(error.extensions.code).toBe('CONFLICT');
      expect(await contentCounts(api)).toEqual(before);
      const unchanged = { title: `Article ${article.slug}`, treatments: [{ slug: t1.slug }], version: article.version, status: 'PUBLISHED' };
      expect((await api.asEditor(GET, { slug: article.slug, preview: true })).data!.article).toMatchObject(unchanged);
      expect((await api.query(GET, { slug: article.slug })).data!.article).toMatchObject(unchanged);
      // The version the editor started from is still the current one.
      const retry = await api.asEditor(UPDATE, { id: article.id, input: { title: 'Changed' }, expectedVersion: article.version });
      expect(retry.errors).toBeUndefined();
      expect(retry.data!.updateArticle).toMatchObject({ title: 'Changed', treatments: [{ slug: t1.slug }], version: article.version + 1 });
    });
  });

  describe('deleteArticle', () => {
    it('moves the article to the trash: it disappears from public and preview reads, and links to it disappear', async () => {
      const doomed = await makeArticle(api, { heroImage: { url: '/doomed.jpg', alt: 'Doomed' } });
      const linking = await makeArticle(api, { related: [{ kind: 'RELATED_ARTICLE', articleId: doomed.id }] });
      expect((await api.query(GET, { slug: linking.slug })).data!.article.related).toMatchObject([{ article: { slug: doomed.slug } }]);
      expect((await api.asEditor(GET, { slug: linking.slug, preview: true })).data!.article.related).toMatchObject([{ article: { slug: doomed.slug } }]);

      expect(await api.asEditor(DELETE, { id: doomed.id })).toEqual({ status: 200, data: { deleteArticle: doomed.id } });
      expect((await api.query(GET, { slug: doomed.slug })).data).toEqual({ article: null });
      expect((await api.asEditor(GET, { slug: doomed.slug, preview: true })).data).toEqual({ article: null });
      expect((await api.query(GET, { slug: linking.slug })).data!.article.related).toEqual([]);
      expect((await api.asEditor(GET, { slug: linking.slug, preview: true })).data!.article.related).toEqual([]);
      for (const preview of [false, true]) {
        const { data } = await api.asEditor(LIST, { first: 100, preview });
        expect(slugsOf(data!.articles)).not.toContain(doomed.slug);
      }

      // It waits in the trash; trashing it again finds no live article.
      const trash = await api.asEditor('{ trash(first: 100) { edges { node { __typename id slug deletedAt } } } }');
      expect(trash.errors).toBeUndefined();
      expect(trash.data!.trash.edges.map((e: { node: unknown }) => e.node)).toContainEqual({ __typename: 'Article', id: doomed.id, slug: doomed.slug, deletedAt: expect.any(String) });
      expect(onlyError(await api.asEditor(DELETE, { id: doomed.id })).extensions.code).toBe('NOT_FOUND');
    });

    it('is NOT_FOUND for an unknown id', async () => {
      const error = onlyError(await api.asEditor(DELETE, { id: '01900000-0000-7000-8000-000000000000' }));
      expect(error.extensions.code).toBe('NOT_FOUND');
    });
  });

  describe('articles (the list)', () => {
    it('dates an undated article when it is first published, and keeps that date when it is published again', async () => {
      const article = await makeArticle(api, { title: 'Undated' }, { publish: false });
      const before = Date.now();
      const published = await api.asEditor(PUBLISH, { id: article.id, expectedVersion: 1 });
      expect(published.data!.publishArticle).toMatchObject({ version: 2, status: 'PUBLISHED' });
      const dated = (await api.query(GET, { slug: article.slug })).data!.article.publishedAt as string;
      expect(new Date(dated).getTime()).toBeGreaterThanOrEqual(before - 1000);
      expect(new Date(dated).getTime()).toBeLessThanOrEqual(Date.now() + 1000);
      // The draft carries the same date, so it does not differ from what is published.
      expect((await api.asEditor(GET, { slug: article.slug, preview: true })).data!.article).toMatchObject({ publishedAt: dated, status: 'PUBLISHED' });

      expect((await api.asEditor(UPDATE, { id: article.id, input: { title: 'Undated, retitled' }, expectedVersion: 2 })).errors).toBeUndefined();
      expect((await api.asEditor(PUBLISH, { id: article.id, expectedVersion: 3 })).errors).toBeUndefined();
      expect((await api.query(GET, { slug: article.slug })).data!.article).toMatchObject({ title: 'Undated, retitled', publishedAt: dated });
    });

    it('pages through a category newest first, each article once', async () => {
      const category = await makeCategory(api);
      const slugs: string[] = [];
      for (let day = 1; day <= 7; day++) {
        // Two articles share each date, so the id tie-break is exercised.
        for (const suffix of ['a', 'b']) {
          const a = await makeArticle(api, { categoryId: category.id, publishedAt: `2024-01-0${day}T00:00:00Z`, title: `Day ${day}${suffix}` });
          slugs.push(a.slug);
        }
      }
      // Published without a date: it takes the moment of publishing, so it is the newest.
      const undated = await makeArticle(api, { categoryId: category.id });

      const seen: string[] = [];
      let after: string | null = null;
      let pages = 0;
      for (;;) {
        const { data, errors }: { data?: any; errors?: unknown } = await api.query(LIST, { first: 4, after, where: { categorySlug: category.slug } });
        expect(errors).toBeUndefined();
        expect(data.articles.totalCount).toBe(15);
        expect(data.articles.pageInfo.hasPreviousPage).toBe(after !== null);
        seen.push(...slugsOf(data.articles));
        pages += 1;
        if (!data.articles.pageInfo.hasNextPage) break;
        after = data.articles.pageInfo.endCursor;
      }
      expect(pages).toBe(4);
      expect(new Set(seen).size).toBe(15);
      // Newest date first; the two of January 1st last, in id order.
      expect(seen[0]).toBe(undated.slug);
      expect(seen.slice(1, 3).sort()).toEqual(slugs.slice(12, 14).sort());
      expect(seen.slice(-2).sort()).toEqual(slugs.slice(0, 2).sort());
    });

    it('lists drafts only in preview, and trashed articles nowhere', async () => {
      const category = await makeCategory(api);
      const published = await makeArticle(api, { categoryId: category.id });
      const draft = await makeArticle(api, { categoryId: category.id }, { publish: false });
      const trashed = await makeArticle(api, { categoryId: category.id });
      expect((await api.asEditor(DELETE, { id: trashed.id })).errors).toBeUndefined();
      const where = { categorySlug: category.slug };

      const publicList = await api.query(LIST, { where });
      expect(publicList.errors).toBeUndefined();
      expect(publicList.data!.articles.totalCount).toBe(1);
      expect(slugsOf(publicList.data!.articles)).toEqual([published.slug]);

      const previewList = await api.asEditor(LIST, { where, preview: true });
      expect(previewList.errors).toBeUndefined();
      expect(previewList.data!.articles.totalCount).toBe(2);
      expect(slugsOf(previewList.data!.articles).sort()).toEqual([published.slug, draft.slug].sort());
    });

    it('filters by treatment and orders by title', async () => {
      const treatment = await makeTreatment(api);
      await makeArticle(api, { title: 'Zebra gait', treatmentIds: [treatment.id] });
      await makeArticle(api, { title: 'Aardvark posture', treatmentIds: [treatment.id] });
      await makeArticle(api, { title: 'Unrelated' });
      const { data } = await api.query(LIST, { where: { treatmentSlug: treatment.slug }, orderBy: 'TITLE_ASC' });
      expect(data!.articles.totalCount).toBe(2);
      expect(slugsOf(data!.articles)).toHaveLength(2);
      const titles = await api.query(`{ articles(orderBy: TITLE_ASC, where: { treatmentSlug: "${treatment.slug}" }) { edges { node { title } } } }`);
      expect(titles.data!.articles.edges.map((e: { node: { title: string } }) => e.node.title)).toEqual(['Aardvark posture', 'Zebra gait']);
    });

    it('refuses a page size outside 1..100 and a cursor it did not give out', async () => {
      for (const first of [0, -1, 101]) {
        const error = onlyError(await api.query(LIST, { first }));
        expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', issues: [{ path: 'first', message: 'must be between 1 and 100' }] });
      }
      const error = onlyError(await api.query(LIST, { after: 'bm9wZQ' }));
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', issues: [{ path: 'after' }] });
    });
  });
});
