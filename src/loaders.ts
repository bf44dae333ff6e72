/**
 * Every DataLoader a request can use, created fresh per request (they cache what they load).
 * Document loaders come in pairs by stage: DRAFT for editors' previews, PUBLISHED for everyone.
 */
import { createArticleLoaders } from './articles/articles.loaders.js';
import { createCategoryLoaders } from './categories/categories.loaders.js';
import { createComparisonLoaders } from './comparisons/comparisons.loaders.js';
import type { PrismaClient } from './db/client.js';
import { createPersonLoaders } from './people/people.loaders.js';
import { createTreatmentLoaders } from './treatments/treatments.loaders.js';

export function createLoaders(prisma: PrismaClient) {
  return {
    ...createArticleLoaders(prisma),
    ...createCategoryLoaders(prisma),
    ...createComparisonLoaders(prisma),
    ...createPersonLoaders(prisma),
    ...createTreatmentLoaders(prisma),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
