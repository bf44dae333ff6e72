/**
 * Articles: editors create, update and delete them through mutations; frontends list and read.
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
const CREATE = `mutation($input: CreateArticleInput!) { createArticle(input: $input) { ${ARTICLE_FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateArticleInput!) { updateArticle(id: $id, input: $input) { ${ARTICLE_FIELDS} } }`;
const DELETE = 'mutation($id: ID!) { deleteArticle(id: $id) }';
const GET = `query($slug: String!) { article(slug: $slug) { ${ARTICLE_FIELDS} } }`;

describe('articles', () => {
  const api = useTestApi();

  describe('createArticle', () => {
    it('needs only a slug and a title', async () => {
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
      });
    });

    it('stores every field and relation, in the order given', async () => {
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
      expect(data!.createArticle).toMatchObject({
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
      });
      const read = await api.query(GET, { slug: 'full-article' });
      expect(read.data!.article).toEqual(data!.createArticle);
    });

    it('refuses a taken slug with CONFLICT and writes nothing', async () => {
      const existing = await makeArticle(api);
      const before = await contentCounts(api);
      const error = onlyError(await api.asEditor(CREATE, { input: { slug: existing.slug, title: 'Again', heroImage: { url: '/a.jpg', alt: 'A' } } }));
      expect(error.extensions.code).toBe('CONFLICT');
      expect(error.message).toBe('Another article already uses this slug.');
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

      const { data, errors } = await api.asEditor(UPDATE, { id, input: { title: 'Partial, renamed', dek: null } });
      expect(errors).toBeUndefined();
      expect(data!.updateArticle).toMatchObject({
        slug: 'partial',
        title: 'Partial, renamed',
        dek: null,
        summary: 'Summary',
        category: { slug: category.slug },
        treatments: [{ slug: treatment.slug }],
        heroImage: { url: '/a.jpg', alt: 'A' },
      });

      const cleared = await api.asEditor(UPDATE, { id, input: { categoryId: null, treatmentIds: [], heroImage: null } });
      expect(cleared.data!.updateArticle).toMatchObject({ category: null, treatments: [], heroImage: null, summary: 'Summary' });
    });

    it('replaces the hero image in place', async () => {
      const { data: created } = await api.asEditor(CREATE, { input: { slug: 'hero-swap', title: 'Hero', heroImage: { url: '/a.jpg', alt: 'A' } } });
      const { data } = await api.asEditor(UPDATE, { id: created!.createArticle.id, input: { heroImage: { url: '/b.jpg', alt: 'B', credit: 'C' } } });
      expect(data!.updateArticle.heroImage).toEqual({ url: '/b.jpg', alt: 'B', credit: 'C' });
    });

    it('refuses an empty title', async () => {
      const article = await makeArticle(api);
      const error = onlyError(await api.asEditor(UPDATE, { id: article.id, input: { title: '' } }));
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', issues: [{ path: 'input.title', message: 'must not be empty' }] });
    });

    it('is NOT_FOUND for an unknown id', async () => {
      for (const id of ['01900000-0000-7000-8000-000000000000', 'not-an-id']) {
        const error = onlyError(await api.asEditor(UPDATE, { id, input: { title: 'x' } }));
        expect(error.extensions.code).toBe('NOT_FOUND');
        expect(error.message).toBe(`No article with id "${id}".`);
      }
    });

    it('changes nothing when it fails part-way (one transaction)', async () => {
      const taken = await makeArticle(api);
      const [t1, t2] = [await makeTreatment(api), await makeTreatment(api)];
      const article = await makeArticle(api, { treatmentIds: [t1.id] });
      // Relations are rewritten before the slug clash is found: the rollback must undo them.
      const error = onlyError(await api.asEditor(UPDATE, { id: article.id, input: { slug: taken.slug, treatmentIds: [t2.id], title: 'Changed' } }));
      expect(error.extensions.code).toBe('CONFLICT');
      const { data } = await api.query(GET, { slug: article.slug });
      expect(data!.article).toMatchObject({ title: `Article ${article.slug}`, treatments: [{ slug: t1.slug }] });
    });
  });

  describe('deleteArticle', () => {
    it('deletes the article, its links and its hero image, and links to it disappear', async () => {
      const doomed = await makeArticle(api, { heroImage: { url: '/doomed.jpg', alt: 'Doomed' } });
      const linking = await makeArticle(api, { related: [{ kind: 'RELATED_ARTICLE', articleId: doomed.id }] });
      const images = await api.db.prisma.image.count();

      expect(await api.asEditor(DELETE, { id: doomed.id })).toEqual({ status: 200, data: { deleteArticle: doomed.id } });
      expect((await api.query(GET, { slug: doomed.slug })).data).toEqual({ article: null });
      expect((await api.query(GET, { slug: linking.slug })).data!.article.related).toEqual([]);
      expect(await api.db.prisma.image.count()).toBe(images - 1);
    });

    it('is NOT_FOUND for an unknown id', async () => {
      const error = onlyError(await api.asEditor(DELETE, { id: '01900000-0000-7000-8000-000000000000' }));
      expect(error.extensions.code).toBe('NOT_FOUND');
    });
  });

  describe('articles (the list)', () => {
    const LIST = `query($first: Int, $after: String, $where: ArticleWhereInput, $orderBy: ArticleOrderBy) {
      articles(first: $first, after: $after, where: $where, orderBy: $orderBy) {
        totalCount
        edges { cursor node { slug } }
        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      }
    }`;

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
      const undated = await makeArticle(api, { categoryId: category.id });

      const seen: string[] = [];
      let after: string | null = null;
      let pages = 0;
      for (;;) {
        const { data, errors }: { data?: any; errors?: unknown } = await api.query(LIST, { first: 4, after, where: { categorySlug: category.slug } });
        expect(errors).toBeUndefined();
        expect(data.articles.totalCount).toBe(15);
        expect(data.articles.pageInfo.hasPreviousPage).toBe(after !== null);
        seen.push(...data.articles.edges.map((e: { node: { slug: string } }) => e.node.slug));
        pages += 1;
        if (!data.articles.pageInfo.hasNextPage) break;
        after = data.articles.pageInfo.endCursor;
      }
      expect(pages).toBe(4);
      expect(new Set(seen).size).toBe(15);
      // Newest date first, undated last.
      expect(seen.slice(0, 2).sort()).toEqual(slugs.slice(12, 14).sort());
      expect(seen.at(-1)).toBe(undated.slug);
    });

    it('filters by treatment and orders by title', async () => {
      const treatment = await makeTreatment(api);
      await makeArticle(api, { title: 'Zebra gait', treatmentIds: [treatment.id] });
      await makeArticle(api, { title: 'Aardvark posture', treatmentIds: [treatment.id] });
      await makeArticle(api, { title: 'Unrelated' });
      const { data } = await api.query(LIST, { where: { treatmentSlug: treatment.slug }, orderBy: 'TITLE_ASC' });
      expect(data!.articles.totalCount).toBe(2);
      expect(data!.articles.edges.map((e: { node: { slug: string } }) => e.node.slug)).toHaveLength(2);
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
