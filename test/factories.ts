/**
 * Content made through the API, for tests that need some in place. Each helper answers the
 * created record's id (and slug), and fails the test loudly if the mutation failed.
 */
import type { TestApi } from './setup/server.js';

let counter = 0;
/** A slug no other record in this file has. */
export function uniqueSlug(prefix: string): string {
  counter += 1;
  return `${prefix}-${counter}`;
}

async function mutate(api: TestApi, query: string, variables: Record<string, unknown>, field: string): Promise<{ id: string; slug: string }> {
  const response = await api.asEditor(query, variables);
  const created = response.data?.[field];
  if (!created) throw new Error(`${field} failed: ${JSON.stringify(response.errors)}`);
  return created;
}

export function makeCategory(api: TestApi, input: Record<string, unknown> = {}) {
  const slug = uniqueSlug('category');
  return mutate(api, 'mutation($input: CreateCategoryInput!) { createCategory(input: $input) { id slug } }', { input: { slug, name: `Category ${slug}`, ...input } }, 'createCategory');
}

export function makePerson(api: TestApi, input: Record<string, unknown> = {}) {
  const slug = uniqueSlug('person');
  return mutate(api, 'mutation($input: CreatePersonInput!) { createPerson(input: $input) { id slug } }', { input: { slug, name: `Person ${slug}`, ...input } }, 'createPerson');
}

export function makeTreatment(api: TestApi, input: Record<string, unknown> = {}) {
  const slug = uniqueSlug('treatment');
  return mutate(api, 'mutation($input: CreateTreatmentInput!) { createTreatment(input: $input) { id slug } }', { input: { slug, name: `Treatment ${slug}`, ...input } }, 'createTreatment');
}

export function makeComparison(api: TestApi, input: Record<string, unknown> = {}) {
  const slug = uniqueSlug('comparison');
  return mutate(api, 'mutation($input: CreateComparisonInput!) { createComparison(input: $input) { id slug } }', { input: { slug, title: `Comparison ${slug}`, ...input } }, 'createComparison');
}

export function makeArticle(api: TestApi, input: Record<string, unknown> = {}) {
  const slug = uniqueSlug('article');
  return mutate(api, 'mutation($input: CreateArticleInput!) { createArticle(input: $input) { id slug } }', { input: { slug, title: `Article ${slug}`, ...input } }, 'createArticle');
}

/** Row counts of every content table: a failed write must leave these unchanged. */
export async function contentCounts(api: TestApi): Promise<Record<string, number>> {
  const p = api.db.prisma;
  const [articles, experts, articleTreatments, articleComparisons, links, treatments, comparisons, compared, rows, cells, categories, people, images] =
    await Promise.all([
      p.article.count(),
      p.articleExpert.count(),
      p.articleTreatment.count(),
      p.articleComparison.count(),
      p.relatedLink.count(),
      p.treatment.count(),
      p.comparison.count(),
      p.comparisonTreatment.count(),
      p.comparisonRow.count(),
      p.comparisonCell.count(),
      p.category.count(),
      p.person.count(),
      p.image.count(),
    ]);
  return { articles, experts, articleTreatments, articleComparisons, links, treatments, comparisons, compared, rows, cells, categories, people, images };
}
