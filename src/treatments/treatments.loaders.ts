import type { PrismaClient } from '../db/client.js';
import { loaderById } from '../shared/batch.js';
import type { Stage } from '../workflow/documents.js';
import { publishedTreatmentView, readTreatmentDrafts } from './treatments.snapshot.js';

export function createTreatmentLoaders(prisma: PrismaClient) {
  return {
    treatmentById: {
      DRAFT: loaderById(async (ids) => (await readTreatmentDrafts(prisma, ids)).filter((t) => !t.deletedAt)),
      PUBLISHED: loaderById(async (ids) => (await prisma.publishedTreatment.findMany({ where: { treatmentId: { in: ids } } })).map(publishedTreatmentView)),
    } satisfies Record<Stage, unknown>,
  };
}
