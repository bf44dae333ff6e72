/**
 * How the editorial workflow handles treatments (see workflow/adapter.ts).
 */
import type { Db } from '../context.js';
import { indexPublished, removeFromIndex } from '../search/search.index.js';
import type { DocumentAdapter, WorkflowTable } from '../workflow/adapter.js';
import { readTreatmentDrafts, treatmentSnapshot, type TreatmentSnapshot, type WholeTreatmentView } from './treatments.snapshot.js';
import { checkTreatmentContent, snapshotAsInput, writeTreatmentContent } from './treatments.writes.js';

export const treatmentAdapter: DocumentAdapter<WholeTreatmentView, TreatmentSnapshot> = {
  type: 'TREATMENT',
  noun: 'treatment',
  table: (db: Db) => db.treatment as unknown as WorkflowTable,
  readDrafts: readTreatmentDrafts,
  snapshot: treatmentSnapshot,

  async readPublished(db, id) {
    const row = await db.publishedTreatment.findUnique({ where: { treatmentId: id } });
    return row ? { slug: row.slug, snapshot: row.snapshot as unknown as TreatmentSnapshot } : null;
  },

  async writePublished(tx, view) {
    const columns = {
      slug: view.slug,
      name: view.name,
      createdAt: view.createdAt,
      version: view.version,
      updatedAt: view.updatedAt,
      snapshot: treatmentSnapshot(view) as object,
    };
    await tx.publishedTreatment.upsert({ where: { treatmentId: view.id }, create: { treatmentId: view.id, ...columns }, update: columns });
    // In the same transaction: search shows exactly what is published.
    await indexPublished(tx, 'TREATMENT', { id: view.id, version: view.version, updatedAt: view.updatedAt, snapshot: treatmentSnapshot(view) });
  },

  async deletePublished(tx, id) {
    await tx.publishedTreatment.deleteMany({ where: { treatmentId: id } });
    await removeFromIndex(tx, 'TREATMENT', id);
  },

  async applySnapshot(tx, id, snapshot) {
    const input = snapshotAsInput(snapshot);
    await checkTreatmentContent(tx, input);
    await writeTreatmentContent(tx, id, input);
  },

  async releaseReferences(tx, id) {
    // Cells go with the comparison's column (their foreign key cascades).
    await tx.comparisonTreatment.deleteMany({ where: { treatmentId: id, comparison: { deletedAt: { not: null } } } });
    await tx.articleTreatment.deleteMany({ where: { treatmentId: id, article: { deletedAt: { not: null } } } });
  },

  /** A treatment stays while any live comparison or article, draft or published, uses it. */
  async blockedFromTrash(tx, id) {
    const [draftComparisons, publishedComparisons, draftArticles, publishedArticles] = await Promise.all([
      tx.comparisonTreatment.findMany({ where: { treatmentId: id, comparison: { deletedAt: null } }, select: { comparison: { select: { slug: true } } } }),
      tx.publishedComparison.findMany({ where: { treatmentIds: { has: id } }, select: { slug: true } }),
      tx.articleTreatment.findMany({ where: { treatmentId: id, article: { deletedAt: null } }, select: { article: { select: { slug: true } } } }),
      tx.publishedArticle.findMany({ where: { treatmentIds: { has: id } }, select: { slug: true } }),
    ]);
    const comparisons = [...new Set([...draftComparisons.map((c) => c.comparison.slug), ...publishedComparisons.map((c) => c.slug)])].sort();
    const articles = [...new Set([...draftArticles.map((a) => a.article.slug), ...publishedArticles.map((a) => a.slug)])].sort();
    if (comparisons.length === 0 && articles.length === 0) return null;
    const uses = [
      comparisons.length ? `comparison(s) ${comparisons.map((s) => `"${s}"`).join(', ')}` : '',
      articles.length ? `article(s) ${articles.map((s) => `"${s}"`).join(', ')}` : '',
    ].filter(Boolean);
    return { message: `it is used by ${uses.join(' and ')}; remove it from them first`, usedBy: { comparisons, articles } };
  },
};
