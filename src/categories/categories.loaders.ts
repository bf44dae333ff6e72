import type { PrismaClient } from '../db/client.js';
import { loaderById } from '../shared/batch.js';

export function createCategoryLoaders(prisma: PrismaClient) {
  return {
    categoryById: loaderById((ids) => prisma.category.findMany({ where: { id: { in: ids } } })),
  };
}
