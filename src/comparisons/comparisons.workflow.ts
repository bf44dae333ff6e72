/**
 * How the editorial workflow handles comparisons (see workflow/adapter.ts).
 */
import type { Db } from '../context.js';
import { indexPublished, removeFromIndex } from '../search/search.index.js';
import type { DocumentAdapter, WorkflowTable } from '../workflow/adapter.js';
import { comparisonSnapshot, readComparisonDrafts, type ComparisonSnapshot, type ComparisonView } from './comparisons.snapshot.js';
import { checkComparisonContent, snapshotAsInput, writeComparisonContent } from './comparisons.writes.js';

export const comparisonAdapter: DocumentAdapter<ComparisonView, ComparisonSnapshot> = {
  type: 'COMPARISON',
  noun: 'comparison',
  table: (db: Db) => db.comparison as unknown as WorkflowTable,
  readDrafts: readComparisonDrafts,
  snapshot: comparisonSnapshot,

  async readPublished(db, id) {
    const row = await db.publishedComparison.findUnique({ where: { comparisonId: id } });
    return row ? { slug: row.slug, snapshot: row.snapshot as unknown as ComparisonSnapshot } : null;
  },

  async writePublished(tx, view) {
    const columns = {
      slug: view.slug,
      title: view.title,
      treatmentIds: view.treatmentIds,
      createdAt: view.createdAt,
      version: view.version,
      updatedAt: view.updatedAt,
      snapshot: comparisonSnapshot(view) as object,
    };
    await tx.publishedComparison.upsert({ where: { comparisonId: view.id }, create: { comparisonId: view.id, ...columns }, update: columns });
    // In the same transaction: search shows exactly what is published.
    await indexPublished(tx, 'COMPARISON', { id: view.id, version: view.version, updatedAt: view.updatedAt, snapshot: comparisonSnapshot(view) });
  },

  async deletePublished(tx, id) {
    await tx.publishedComparison.deleteMany({ where: { comparisonId: id } });
    await removeFromIndex(tx, 'COMPARISON', id);
  },

  async applySnapshot(tx, id, snapshot) {
    const input = snapshotAsInput(snapshot);
    await checkComparisonContent(tx, id, input);
    await writeComparisonContent(tx, id, input);
  },

  async releaseReferences(tx, id) {
    await tx.articleComparison.deleteMany({ where: { comparisonId: id, article: { deletedAt: { not: null } } } });
  },

  async blockedFromTrash(tx, id) {
    const [drafts, published] = await Promise.all([
      tx.articleComparison.findMany({ where: { comparisonId: id, article: { deletedAt: null } }, select: { article: { select: { slug: true } } } }),
      tx.publishedArticle.findMany({ where: { comparisonIds: { has: id } }, select: { slug: true } }),
    ]);
    const articles = [...new Set([...drafts.map((d) => d.article.slug), ...published.map((p) => p.slug)])].sort();
    if (articles.length === 0) return null;
    return {
      message: `it is held by article(s) ${articles.map((s) => `"${s}"`).join(', ')}; remove it from them first`,
      usedBy: { articles },
    };
  },

  unpublishable: (view) => (view.treatmentIds.length < 2 ? 'a comparison needs at least two treatments to be published' : null),
};
