import type { PrismaClient } from '../db/client.js';
import { loaderById } from '../shared/batch.js';

export function createImageLoaders(prisma: PrismaClient) {
  return {
    imageById: loaderById((ids) => prisma.image.findMany({ where: { id: { in: ids } } })),
  };
}
