/**
 * Every DataLoader a request can use, created fresh per request (they cache what they load).
 * Document loaders come in pairs by stage: DRAFT for editors' previews, PUBLISHED for everyone.
 */
import { createArticleLoaders } from './articles/articles.loaders.js';
import type { CacheDependencies } from './cache/tags.js';
import { createComparisonLoaders } from './comparisons/comparisons.loaders.js';
import type { PrismaClient } from './db/client.js';
import type { SqlReader } from './db/sql.js';
import { createPublishedLoaders } from './published.loaders.js';
import { createTreatmentLoaders } from './treatments/treatments.loaders.js';

export function createLoaders(prisma: PrismaClient, sql: SqlReader, cache: CacheDependencies) {
  const published = createPublishedLoaders(sql, cache);
  return {
    categoryById: published.categoryById,
    personById: published.personById,
    tagById: published.tagById,
    publishedArticleBodyById: published.publishedArticleBodyById,
    publishedTreatmentDescriptionById: published.publishedTreatmentDescriptionById,
    primePublishedArticlePage: published.primeArticlePage,
    primePublishedRows: published.primeRows,
    ...createArticleLoaders(prisma, sql, published.publishedArticleById, cache),
    ...createComparisonLoaders(prisma, published.publishedComparisonById, cache),
    ...createTreatmentLoaders(prisma, published.publishedTreatmentById),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
