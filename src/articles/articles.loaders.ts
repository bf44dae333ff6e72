import type { PrismaClient } from '../db/client.js';
import { loaderById, loaderOfLists } from '../shared/batch.js';

export function createArticleLoaders(prisma: PrismaClient) {
  return {
    articleById: loaderById((ids) => prisma.article.findMany({ where: { id: { in: ids } } })),
    /** An article's experts with their roles, in the article's order. */
    expertsByArticleId: loaderOfLists(
      (articleIds: string[]) =>
        prisma.articleExpert.findMany({ where: { articleId: { in: articleIds } }, orderBy: [{ articleId: 'asc' }, { position: 'asc' }] }),
      (expert) => expert.articleId,
    ),
    /** Articles about a treatment, newest first. */
    articlesByTreatmentId: loaderOfLists(
      (treatmentIds: string[]) =>
        prisma.articleTreatment.findMany({
          where: { treatmentId: { in: treatmentIds } },
          orderBy: [{ article: { publishedAt: { sort: 'desc', nulls: 'last' } } }, { articleId: 'desc' }],
          include: { article: true },
        }),
      (row) => row.treatmentId,
    ),
    /** Articles that hold a comparison, newest first. */
    articlesByComparisonId: loaderOfLists(
      (comparisonIds: string[]) =>
        prisma.articleComparison.findMany({
          where: { comparisonId: { in: comparisonIds } },
          orderBy: [{ article: { publishedAt: { sort: 'desc', nulls: 'last' } } }, { articleId: 'desc' }],
          include: { article: true },
        }),
      (row) => row.comparisonId,
    ),
  };
}
