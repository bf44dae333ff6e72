import type { PrismaClient } from '../db/client.js';
import { loaderById, loaderOfLists } from '../shared/batch.js';

export function createTreatmentLoaders(prisma: PrismaClient) {
  return {
    treatmentById: loaderById((ids) => prisma.treatment.findMany({ where: { id: { in: ids } } })),
    /** The treatments an article is about, in the article's order. */
    treatmentsByArticleId: loaderOfLists(
      (articleIds: string[]) =>
        prisma.articleTreatment.findMany({
          where: { articleId: { in: articleIds } },
          orderBy: [{ articleId: 'asc' }, { position: 'asc' }],
          include: { treatment: true },
        }),
      (row) => row.articleId,
    ),
    /** The treatments a comparison compares, in column order. */
    treatmentsByComparisonId: loaderOfLists(
      (comparisonIds: string[]) =>
        prisma.comparisonTreatment.findMany({
          where: { comparisonId: { in: comparisonIds } },
          orderBy: [{ comparisonId: 'asc' }, { position: 'asc' }],
          include: { treatment: true },
        }),
      (row) => row.comparisonId,
    ),
  };
}
