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
