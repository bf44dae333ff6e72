import type { PrismaClient } from '../db/client.js';
import { loaderById } from '../shared/batch.js';

export function createPersonLoaders(prisma: PrismaClient) {
  return {
    personById: loaderById((ids) => prisma.person.findMany({ where: { id: { in: ids } } })),
  };
}
