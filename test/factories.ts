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

export interface Made {
  id: string;
  slug: string;
  /** The document's version after the factory is done (pass it as expectedVersion). */
  version: number;
}

async function mutate(api: TestApi, query: string, variables: Record<string, unknown>, field: string): Promise<Made> {
  const response = await api.asEditor(query, variables);
  const made = response.data?.[field];
  if (!made) throw new Error(`${field} failed: ${JSON.stringify(response.errors)}`);
  return made;
}

export interface DocumentOptions {
  /** Publish the new draft too (the default), so the public sees it. */
  publish?: boolean;
}

async function makeDocument(api: TestApi, type: 'Article' | 'Treatment' | 'Comparison', input: Record<string, unknown>, options: DocumentOptions): Promise<Made> {
  const created = await mutate(api, `mutation($input: Create${type}Input!) { create${type}(input: $input) { id slug version } }`, { input }, `create${type}`);
  if (options.publish === false) return created;
  return mutate(api, `mutation($id: ID!, $v: Int!) { publish${type}(id: $id, expectedVersion: $v) { id slug version } }`, { id: created.id, v: created.version }, `publish${type}`);
}

export function makeCategory(api: TestApi, input: Record<string, unknown> = {}) {
  const slug = uniqueSlug('category');
  return mutate(api, 'mutation($input: CreateCategoryInput!) { createCategory(input: $input) { id slug } }', { input: { slug, name: `Category ${slug}`, ...input } }, 'createCategory');
}

export function makeTag(api: TestApi, input: Record<string, unknown> = {}) {
  const slug = uniqueSlug('tag');
  return mutate(api, 'mutation($input: CreateTagInput!) { createTag(input: $input) { id slug } }', { input: { slug, name: `Tag ${slug}`, ...input } }, 'createTag');
}

export function makePerson(api: TestApi, input: Record<string, unknown> = {}) {
  const slug = uniqueSlug('person');
  return mutate(api, 'mutation($input: CreatePersonInput!) { createPerson(input: $input) { id slug } }', { input: { slug, name: `Person ${slug}`, ...input } }, 'createPerson');
}

/** A treatment, published unless `options.publish` is false. */
export function makeTreatment(api: TestApi, input: Record<string, unknown> = {}, options: DocumentOptions = {}) {
  const slug = uniqueSlug('treatment');
  return makeDocument(api, 'Treatment', { slug, name: `Treatment ${slug}`, ...input }, options);
}

/** A comparison, published unless `options.publish` is false (publishing needs two treatments). */
export function makeComparison(api: TestApi, input: Record<string, unknown> = {}, options: DocumentOptions = {}) {
  const slug = uniqueSlug('comparison');
  return makeDocument(api, 'Comparison', { slug, title: `Comparison ${slug}`, ...input }, options);
}

/** An article, published unless `options.publish` is false. */
export function makeArticle(api: TestApi, input: Record<string, unknown> = {}, options: DocumentOptions = {}) {
  const slug = uniqueSlug('article');
  return makeDocument(api, 'Article', { slug, title: `Article ${slug}`, ...input }, options);
}

/** Row counts of every content table: a failed write must leave these unchanged. */
export async function contentCounts(api: TestApi): Promise<Record<string, number>> {
  const p = api.db.prisma;
  const [articles, experts, articleTreatments, articleComparisons, links, treatments, comparisons, compared, rows, cells, categories, people, images, revisions, published, tags, articleTags] =
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
      p.revision.count(),
      Promise.all([p.publishedArticle.count(), p.publishedTreatment.count(), p.publishedComparison.count()]).then((n) => n.reduce((a, b) => a + b)),
      p.tag.count(),
      p.articleTag.count(),
    ]);
  return { articles, experts, articleTreatments, articleComparisons, links, treatments, comparisons, compared, rows, cells, categories, people, images, revisions, published, tags, articleTags };
}
