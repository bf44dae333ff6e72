import { kindTag, type CacheDependencies } from '../cache/tags.js';
import type { PrismaClient } from '../db/client.js';
import type { IdLoader } from '../shared/kind-loader.js';
import { loaderById, loaderOfMembers, loadPresent } from '../shared/batch.js';
import type { Stage } from '../workflow/documents.js';
import { publishedComparisonView, readComparisonDrafts, type ComparisonView } from './comparisons.snapshot.js';

export function createComparisonLoaders(prisma: PrismaClient, published: IdLoader<ComparisonView>, cache: CacheDependencies) {
  const comparisonById = {
    DRAFT: loaderById(async (ids) => (await readComparisonDrafts(prisma, ids)).filter((c) => !c.deletedAt)),
    PUBLISHED: published,
  } satisfies Record<Stage, unknown>;

  return {
    comparisonById,
    /** The comparisons that include a treatment, newest first. */
    comparisonsByTreatmentId: {
      DRAFT: loaderOfMembers<ComparisonView>(async (ids) => {
        const rows = await prisma.comparisonTreatment.findMany({
          where: { treatmentId: { in: ids } },
          orderBy: [{ comparison: { createdAt: 'desc' } }, { comparisonId: 'desc' }],
          select: { comparisonId: true, treatmentId: true },
        });
        const comparisons = new Map((await loadPresent(comparisonById.DRAFT, [...new Set(rows.map((r) => r.comparisonId))])).map((c) => [c.id, c]));
        return rows.flatMap((row) => {
          const value = comparisons.get(row.comparisonId);
          return value ? [{ keys: [row.treatmentId], value }] : [];
        });
      }),
      PUBLISHED: loaderOfMembers<ComparisonView>(async (ids) => {
        // A search over all published comparisons: any publish may change it.
        cache.depend(kindTag('COMPARISON'));
        return (
          await prisma.publishedComparison.findMany({ where: { treatmentIds: { hasSome: ids } }, orderBy: [{ createdAt: 'desc' }, { comparisonId: 'desc' }] })
        ).map((row) => ({ keys: row.treatmentIds, value: publishedComparisonView(row) }));
      }),
    },
  };
}
