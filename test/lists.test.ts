/**
 * Article lists: filters by expert and date range (for the public and in preview), and a cost
 * in SQL statements that does not grow with the number of articles or their relations.
 */
import { describe, expect, it } from 'vitest';
import { makeArticle, makeCategory, makePerson, makeTag, makeTreatment } from './factories.js';
import { useTestApi } from './setup/server.js';

const LIST = `query($first: Int, $where: ArticleWhereInput, $preview: Boolean) {
  articles(first: $first, where: $where, preview: $preview) {
    totalCount
    edges { node { slug title category { name } experts { role person { name credentials } } treatments { name otherNames } tags { slug name } } }
  }
}`;

const slugs = (data: any): string[] => data.articles.edges.map((e: { node: { slug: string } }) => e.node.slug);

describe('article lists', () => {
  const api = useTestApi();

  it('filters by expert, for the public and in preview', async () => {
    const [expert, other] = [await makePerson(api), await makePerson(api)];
    const published = await makeArticle(api, { experts: [{ personId: expert.id, role: 'REVIEWER' }] });
    const draft = await makeArticle(api, { experts: [{ personId: expert.id, role: 'QUOTED' }] }, { publish: false });
    await makeArticle(api, { experts: [{ personId: other.id, role: 'QUOTED' }] });

    const publicList = await api.query(LIST, { where: { expertSlug: expert.slug } });
    expect(slugs(publicList.data)).toEqual([published.slug]);
    const previewList = await api.asEditor(LIST, { where: { expertSlug: expert.slug }, preview: true });
    expect(slugs(previewList.data).sort()).toEqual([published.slug, draft.slug].sort());
    expect((await api.query(LIST, { where: { expertSlug: 'nobody-at-all' } })).data!.articles).toEqual({ totalCount: 0, edges: [] });
  });

  it('filters by a date range, start inclusive and end exclusive', async () => {
    const category = await makeCategory(api);
    const dated = async (day: string) => (await makeArticle(api, { categoryId: category.id, publishedAt: `2023-05-${day}T00:00:00.000Z` })).slug;
    const [first, second, third] = [await dated('01'), await dated('10'), await dated('20')];
    const where = { categorySlug: category.slug, publishedAfter: '2023-05-10T00:00:00.000Z', publishedBefore: '2023-05-20T00:00:00.000Z' };
    expect(slugs((await api.query(LIST, { where })).data)).toEqual([second]);
    expect(slugs((await api.asEditor(LIST, { where, preview: true })).data)).toEqual([second]);
    expect(slugs((await api.query(LIST, { where: { categorySlug: category.slug, publishedAfter: '2023-05-02T00:00:00.000Z' } })).data)).toEqual([third, second]);
    expect(slugs((await api.query(LIST, { where: { categorySlug: category.slug, publishedBefore: '2023-05-02T00:00:00.000Z' } })).data)).toEqual([first]);
  });

  it('costs the same number of SQL statements for 5 articles as for 20, relations and tags included', async () => {
    const category = await makeCategory(api);
    const [a, b] = [await makePerson(api, { credentials: 'MD' }), await makePerson(api, { credentials: 'PT, DPT' })];
    const [t1, t2] = [await makeTreatment(api, { otherNames: ['One'] }), await makeTreatment(api)];
    const tags = [await makeTag(api), await makeTag(api), await makeTag(api)];
    for (let i = 0; i < 20; i++) {
      await makeArticle(api, {
        categoryId: category.id,
        experts: [{ personId: a.id, role: 'QUOTED' }, { personId: b.id, role: 'REVIEWER' }],
        treatmentIds: i % 2 ? [t1.id, t2.id] : [t1.id],
        // One, two or three of the tags, so the articles differ.
        tagIds: tags.slice(0, 1 + (i % 3)).map((t) => t.id),
      });
    }
    const where = { categorySlug: category.slug };
    api.db.resetQueryLog();
    const small = await api.query(LIST, { first: 5, where });
    const forFive = api.db.queries.length;
    api.db.resetQueryLog();
    const large = await api.query(LIST, { first: 20, where });
    const forTwenty = api.db.queries.length;

    expect(small.data!.articles.edges).toHaveLength(5);
    expect(large.data!.articles.edges).toHaveLength(20);
    expect(large.data!.articles.edges[0].node).toMatchObject({ category: { name: expect.any(String) }, experts: [{ role: 'QUOTED' }, { role: 'REVIEWER' }] });
    expect(large.data!.articles.edges.map((e: { node: { tags: unknown[] } }) => e.node.tags.length).sort()).toEqual([...Array(20).keys()].map((i) => 1 + (i % 3)).sort());
    expect(forTwenty).toBe(forFive);
    console.info(`20-article list with categories, experts, treatments and tags: ${forTwenty} SQL statements`);
  });
});

describe('long fields of list cards', () => {
  const api = useTestApi();
  const paragraph = (text: string) => ({ paragraph: { spans: [{ text }] } });
  const BODIES = `query($where: ArticleWhereInput, $preview: Boolean) {
    articles(where: $where, preview: $preview) {
      edges { node { slug body { __typename ... on HeadingBlock { text } ... on ParagraphBlock { spans { text } } } treatments { slug description { ... on ParagraphBlock { spans { text } } } } } }
    }
  }`;

  // Lists read cards without bodies or treatment descriptions; asking for them must still give them whole.
  it('gives every card its whole body and its treatments’ descriptions when asked, in statements that do not grow with the list', async () => {
    const category = await makeCategory(api);
    const treatments = [await makeTreatment(api, { description: [paragraph('How the first treatment works.')] }), await makeTreatment(api, { description: [paragraph('How the second one works.')] })];
    const count = async () => {
      api.db.resetQueryLog();
      const answer = await api.query(BODIES, { where: { categorySlug: category.slug } });
      return { answer, statements: api.db.queries.length };
    };
    const add = (i: number) =>
      makeArticle(api, { categoryId: category.id, treatmentIds: [treatments[i % 2]!.id], body: [{ heading: { text: `Part ${i}` } }, paragraph(`The body of article ${i}.`)] });

    await add(0);
    await add(1);
    const two = await count();
    await add(2);
    await add(3);
    const four = await count();

    const nodes = four.answer.data!.articles.edges.map((e: { node: unknown }) => e.node);
    expect(nodes).toHaveLength(4);
    for (const node of nodes) {
      const i = Number(/Part (\d)/.exec(node.body[0].text)![1]);
      expect(node.body).toEqual([{ __typename: 'HeadingBlock', text: `Part ${i}` }, { __typename: 'ParagraphBlock', spans: [{ text: `The body of article ${i}.` }] }]);
      expect(node.treatments).toEqual([{ slug: treatments[i % 2]!.slug, description: [{ spans: [{ text: i % 2 ? 'How the second one works.' : 'How the first treatment works.' }] }] }]);
    }
    // The editors' preview reads the drafts, whole: the same content.
    expect((await api.asEditor(BODIES, { where: { categorySlug: category.slug }, preview: true })).data).toEqual(four.answer.data);
    expect(four.statements).toBe(two.statements);
  });
});

describe('hostile list arguments', () => {
  const api = useTestApi();
  // (A NUL character is refused before any SQL: test/errors.test.ts.)
  const HOSTILE = ["x' OR '1'='1", `'); DROP TABLE "PublishedArticle"; --`, 'a"b', '\\', '$1', 'ünïcödé'];

  // The public list is plain SQL (src/db/sql.ts): every value must travel as a bound parameter.
  it('treats filter values as data: they match nothing, fail nothing and change nothing', async () => {
    await makeArticle(api);
    const before = await api.db.prisma.publishedArticle.count();
    for (const value of HOSTILE) {
      for (const filter of ['categorySlug', 'treatmentSlug', 'expertSlug', 'tagSlug']) {
        const answer = await api.query(LIST, { where: { [filter]: value } });
        expect(answer.errors, `${filter}: ${JSON.stringify(value)}`).toBeUndefined();
        expect(answer.data!.articles).toEqual({ totalCount: 0, edges: [] });
      }
    }
    expect(await api.db.prisma.publishedArticle.count()).toBe(before);
    expect((await api.query(LIST, {})).data!.articles.totalCount).toBe(before);
  });

  it('refuses a forged cursor as BAD_USER_INPUT, whatever it holds', async () => {
    const forged = [
      Buffer.from(JSON.stringify([{ d: '2024-01-01T00:00:00.000Z' }, "x' OR '1'='1"])).toString('base64url'),
      Buffer.from(JSON.stringify([{ v: "'; DROP TABLE x; --" }, '00000000-0000-4000-8000-000000000000'])).toString('base64url'),
      Buffer.from(JSON.stringify([{ d: 'not a date' }, '00000000-0000-4000-8000-000000000000'])).toString('base64url'),
      'not-base64-json',
    ];
    for (const after of forged) {
      const answer = await api.query('query($after: String) { articles(after: $after) { edges { node { slug } } } }', { after });
      expect(answer.errors?.map((e) => e.extensions.code), after).toEqual(['BAD_USER_INPUT']);
    }
  });
});
