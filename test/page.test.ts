/**
 * The reference page: a frontend reads the whole dry needling vs. acupuncture page in one
 * query, and the number of SQL statements it costs does not grow with its rows or links.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { seedSampleContent } from '../src/seed/seed.js';
import { makeArticle, makeComparison, makePerson, makeTreatment } from './factories.js';
import { useTestApi } from './setup/server.js';

const PAGE_QUERY = readFileSync(new URL('../examples/page.graphql', import.meta.url), 'utf8');
const SLUG = 'dry-needling-vs-acupuncture';

describe('the reference page', () => {
  const api = useTestApi();
  beforeAll(async () => {
    expect(await seedSampleContent({ prisma: api.db.prisma })).toBe(true);
  });

  it('is served whole in one query', async () => {
    const { status, data, errors } = await api.query(PAGE_QUERY, { slug: SLUG });
    expect(errors).toBeUndefined();
    expect(status).toBe(200);
    const article = data!.article;

    expect(article.slug).toBe(SLUG);
    expect(article.title).toMatch(/acupuncture/i);
    expect(article.dek).toBeTruthy();
    expect(article.publishedAt).toBe('2024-02-13T00:00:00.000Z');
    expect(article.category).toEqual({ slug: 'chronic-pain', name: 'Chronic Pain' });
    expect(article.heroImage.alt.length).toBeGreaterThan(10);
    expect(article.experts).toContainEqual({
      role: 'QUOTED',
      person: expect.objectContaining({ slug: 'adam-kimberly', name: 'Adam Kimberly', credentials: 'PT, DPT, OCS' }),
    });
    expect(article.treatments.map((t: { slug: string }) => t.slug)).toEqual(['dry-needling', 'acupuncture']);
    expect(article.treatments[0].otherNames).toContain('Intramuscular stimulation');

    const blockTypes = new Set(article.body.map((b: { __typename: string }) => b.__typename));
    expect(blockTypes).toEqual(new Set(['HeadingBlock', 'ParagraphBlock', 'ListBlock', 'QuoteBlock', ...(blockTypes.has('ImageBlock') ? ['ImageBlock'] : [])]));
    const quote = article.body.find((b: { __typename: string }) => b.__typename === 'QuoteBlock');
    expect(quote.person).toEqual({ name: 'Adam Kimberly', credentials: 'PT, DPT, OCS' });

    const [comparison] = article.comparisons;
    expect(comparison.slug).toBe(SLUG);
    expect(comparison.treatments.map((t: { slug: string }) => t.slug)).toEqual(['dry-needling', 'acupuncture']);
    expect(comparison.rows.map((r: { aspect: string }) => r.aspect)).toEqual(
      expect.arrayContaining([
        'Origins',
        'Where the needles go',
        'How it feels',
        'Time to relief',
        'How long needles stay in',
        'Needle types',
        'Number of needles',
        'Session length',
        'Who performs it',
      ]),
    );
    for (const row of comparison.rows) {
      expect(row.cells.map((c: { treatment: { slug: string } }) => c.treatment.slug)).toEqual(['dry-needling', 'acupuncture']);
      for (const cell of row.cells) expect(cell.text).toBeTruthy();
    }

    const related = article.related.filter((l: { kind: string }) => l.kind === 'RELATED_ARTICLE');
    const trending = article.related.filter((l: { kind: string }) => l.kind === 'TRENDING_TOPIC');
    expect(related.length).toBeGreaterThanOrEqual(8);
    expect(trending.length).toBeGreaterThanOrEqual(2);
    for (const link of [...related, ...trending]) {
      expect(link.url).toBe(`/articles/${link.article.slug}`);
      expect(link.label).toBe(link.article.title);
      expect(link.article.publishedAt).toBeTruthy();
      expect(link.article.category.name).toBeTruthy();
      expect(link.article.summary).toBeTruthy();
    }
  });

  it('is tagged, like some of the articles it links to, and the tags list them', async () => {
    const { data, errors } = await api.query(`query($slug: String!) {
      article(slug: $slug) { tags { slug name } }
      tags { slug }
      articles(where: { tagSlug: "trigger-points" }) { edges { node { slug tags { slug } } } }
    }`, { slug: SLUG });
    expect(errors).toBeUndefined();
    expect(data!.article.tags.map((t: { slug: string }) => t.slug)).toEqual(['needling', 'chronic-pain', 'trigger-points', 'traditional-chinese-medicine', 'physical-therapy']);
    expect(data!.tags.length).toBeGreaterThanOrEqual(5);
    const onTriggerPoints = data!.articles.edges.map((e: { node: { slug: string } }) => e.node.slug);
    expect(onTriggerPoints).toContain(SLUG);
    expect(onTriggerPoints.length).toBeGreaterThan(1);
  });

  it('answers null, not an error, for an unknown slug', async () => {
    expect(await api.query(PAGE_QUERY, { slug: 'no-such-page' })).toEqual({ status: 200, data: { article: null } });
  });

  it('costs the same number of SQL statements however many links and rows it has', async () => {
    api.db.resetQueryLog();
    await api.query(PAGE_QUERY, { slug: SLUG });
    const before = api.db.queries.length;

    // Double the page: more related links (to new, published articles), more comparison rows.
    // Editors change the drafts, then publish them.
    const page = await api.db.prisma.article.findUniqueOrThrow({ where: { slug: SLUG }, include: { links: { orderBy: { position: 'asc' } } } });
    const extra = [];
    for (let i = 0; i < 8; i++) extra.push(await makeArticle(api, { summary: 'More to read', publishedAt: '2024-03-01T00:00:00Z' }));
    const links = [
      ...page.links.map((l) => ({ kind: l.kind, articleId: l.targetArticleId, url: l.url, label: l.label })),
      ...extra.map((a) => ({ kind: 'RELATED_ARTICLE', articleId: a.id })),
    ];
    const articleDraft = await api.asEditor('query($slug: String!) { article(slug: $slug, preview: true) { id version } }', { slug: SLUG });
    expect(articleDraft.data!.article.id).toBe(page.id);
    const setLinks = await api.asEditor(
      'mutation($id: ID!, $links: [RelatedLinkInput!]!, $v: Int!) { setArticleRelatedLinks(articleId: $id, links: $links, expectedVersion: $v) { id version } }',
      { id: page.id, links, v: articleDraft.data!.article.version },
    );
    expect(setLinks.errors).toBeUndefined();

    const comparison = await api.db.prisma.comparison.findUniqueOrThrow({ where: { slug: SLUG }, include: { rows: { include: { cells: true }, orderBy: { position: 'asc' } } } });
    const rows = comparison.rows.map((r) => ({ aspect: r.aspect, cells: r.cells.map((c) => ({ treatmentId: c.treatmentId, text: c.text })) }));
    const comparisonDraft = await api.asEditor('query($slug: String!) { comparison(slug: $slug, preview: true) { id version } }', { slug: SLUG });
    expect(comparisonDraft.data!.comparison.id).toBe(comparison.id);
    const update = await api.asEditor(
      'mutation($id: ID!, $rows: [ComparisonRowInput!]!, $v: Int!) { updateComparison(id: $id, input: { rows: $rows }, expectedVersion: $v) { id version } }',
      { id: comparison.id, rows: [...rows, ...rows.map((r) => ({ ...r, aspect: `${r.aspect} (again)` }))], v: comparisonDraft.data!.comparison.version },
    );
    expect(update.errors).toBeUndefined();

    // Drafts are not public: until they are published, the page is as it was.
    const unpublished = await api.query(PAGE_QUERY, { slug: SLUG });
    expect(unpublished.data!.article.related.length).toBe(page.links.length);
    expect(unpublished.data!.article.comparisons[0].rows.length).toBe(rows.length);

    const publishedArticle = await api.asEditor('mutation($id: ID!, $v: Int!) { publishArticle(id: $id, expectedVersion: $v) { id } }', {
      id: page.id,
      v: setLinks.data!.setArticleRelatedLinks.version,
    });
    expect(publishedArticle.errors).toBeUndefined();
    const publishedComparison = await api.asEditor('mutation($id: ID!, $v: Int!) { publishComparison(id: $id, expectedVersion: $v) { id } }', {
      id: comparison.id,
      v: update.data!.updateComparison.version,
    });
    expect(publishedComparison.errors).toBeUndefined();

    api.db.resetQueryLog();
    const { data, errors } = await api.query(PAGE_QUERY, { slug: SLUG });
    expect(errors).toBeUndefined();
    expect(data!.article.related.length).toBe(links.length);
    expect(data!.article.related.slice(-extra.length).map((l: { article: { slug: string } }) => l.article.slug)).toEqual(extra.map((a) => a.slug));
    expect(data!.article.comparisons[0].rows.length).toBe(rows.length * 2);
    expect(api.db.queries.length).toBe(before);
    // The article by slug with everything it shows, read along in the same statement: its
    // treatments, comparisons (and their treatments), category, tags and people, and the linked
    // articles with their categories.
    expect(before).toBe(1);
    console.info(`reference page query: ${before} SQL statements`);
  });
  it('reads what a page shows in the statement that finds the article, however the query asks for it', async () => {
    const [first, second, third] = [await makeTreatment(api), await makeTreatment(api), await makeTreatment(api)];
    const comparison = await makeComparison(api, { treatmentIds: [second.id, third.id] });
    const person = await makePerson(api, { name: 'Dr. Quoted Once' });
    const unpublished = await makeArticle(api, {}, { publish: false });
    const linked = await makeArticle(api);
    const article = await makeArticle(api, {
      treatmentIds: [first.id],
      comparisonIds: [comparison.id],
      body: [{ quote: { text: 'Worth saying.', personId: person.id } }],
      related: [
        { kind: 'RELATED_ARTICLE', articleId: unpublished.id },
        { kind: 'RELATED_ARTICLE', articleId: linked.id },
      ],
    });
    // The relations are asked for through a named fragment and an inline one.
    const query = `query($slug: String!) { article(slug: $slug) { ...Page } }
      fragment Page on Article {
        ... on Article { treatments { slug } }
        comparisons { treatments { slug } }
        body { ... on QuoteBlock { person { name } } }
        related { article { slug } }
      }`;
    api.db.resetQueryLog();
    const response = await api.query(query, { slug: article.slug });
    expect(response.errors).toBeUndefined();
    expect(response.data!.article).toEqual({
      treatments: [{ slug: first.slug }],
      // The comparison's own columns, read along with it although the article is not about them.
      comparisons: [{ treatments: [{ slug: second.slug }, { slug: third.slug }] }],
      body: [{ person: { name: 'Dr. Quoted Once' } }],
      // A link to an unpublished article is left out, without a second statement to look for it.
      related: [{ article: { slug: linked.slug } }],
    });
    expect(api.db.queries).toHaveLength(1);
  });
});
