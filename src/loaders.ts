/**
 * Every DataLoader a request can use, created fresh per request (they cache what they load).
 */
import { createArticleLoaders } from './articles/articles.loaders.js';
import { createCategoryLoaders } from './categories/categories.loaders.js';
import { createComparisonLoaders } from './comparisons/comparisons.loaders.js';
import type { PrismaClient } from './db/client.js';
import { createImageLoaders } from './images/images.loaders.js';
import { createLinkLoaders } from './links/links.loaders.js';
import { createPersonLoaders } from './people/people.loaders.js';
import { createTreatmentLoaders } from './treatments/treatments.loaders.js';

export function createLoaders(prisma: PrismaClient) {
  return {
    ...createArticleLoaders(prisma),
    ...createCategoryLoaders(prisma),
    ...createComparisonLoaders(prisma),
    ...createImageLoaders(prisma),
    ...createLinkLoaders(prisma),
    ...createPersonLoaders(prisma),
    ...createTreatmentLoaders(prisma),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
