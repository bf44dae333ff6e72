import type { PrismaClient } from '../db/client.js';
import type { IdLoader } from '../shared/kind-loader.js';
import { loaderById } from '../shared/batch.js';
import type { Stage } from '../workflow/documents.js';
import { readTreatmentDrafts, type TreatmentView } from './treatments.snapshot.js';

export function createTreatmentLoaders(prisma: PrismaClient, published: IdLoader<TreatmentView>) {
  return {
    treatmentById: {
      DRAFT: loaderById(async (ids) => (await readTreatmentDrafts(prisma, ids)).filter((t) => !t.deletedAt)),
      PUBLISHED: published,
    } satisfies Record<Stage, unknown>,
  };
}
