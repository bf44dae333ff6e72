import type { PrismaClient } from '../db/client.js';
import { loaderById, loaderOfLists } from '../shared/batch.js';

export function createComparisonLoaders(prisma: PrismaClient) {
  return {
    comparisonById: loaderById((ids) => prisma.comparison.findMany({ where: { id: { in: ids } } })),
    /** Rows with their cells, in order. */
    rowsByComparisonId: loaderOfLists(
      (comparisonIds: string[]) =>
        prisma.comparisonRow.findMany({
          where: { comparisonId: { in: comparisonIds } },
          orderBy: [{ comparisonId: 'asc' }, { position: 'asc' }],
          include: { cells: true },
        }),
      (row) => row.comparisonId,
    ),
    /** The comparisons an article holds, in the article's order. */
    comparisonsByArticleId: loaderOfLists(
      (articleIds: string[]) =>
        prisma.articleComparison.findMany({
          where: { articleId: { in: articleIds } },
          orderBy: [{ articleId: 'asc' }, { position: 'asc' }],
          include: { comparison: true },
        }),
      (row) => row.articleId,
    ),
    /** The comparisons that include a treatment, newest first. */
    comparisonsByTreatmentId: loaderOfLists(
      (treatmentIds: string[]) =>
        prisma.comparisonTreatment.findMany({
          where: { treatmentId: { in: treatmentIds } },
          orderBy: [{ comparison: { createdAt: 'desc' } }, { comparisonId: 'desc' }],
          include: { comparison: true },
        }),
      (row) => row.treatmentId,
    ),
  };
}
