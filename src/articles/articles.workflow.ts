/**
 * How the editorial workflow handles articles (see workflow/adapter.ts).
 */
import type { Db } from '../context.js';
import { indexPublished, removeFromIndex } from '../search/search.index.js';
import type { DocumentAdapter, WorkflowTable } from '../workflow/adapter.js';
import { articleSnapshot, readArticleDrafts, storedArticleSnapshot, type ArticleSnapshot, type WholeArticleView } from './articles.snapshot.js';
import { checkArticleReferences, snapshotAsInput, writeArticleContent } from './articles.writes.js';

export const articleAdapter: DocumentAdapter<WholeArticleView, ArticleSnapshot> = {
  type: 'ARTICLE',
  noun: 'article',
  table: (db: Db) => db.article as unknown as WorkflowTable,
  readDrafts: readArticleDrafts,
  snapshot: articleSnapshot,
  upgradeSnapshot: (stored) => storedArticleSnapshot(stored as ArticleSnapshot),

  async readPublished(db, id) {
    const row = await db.publishedArticle.findUnique({ where: { articleId: id } });
    if (!row) return null;
    const { createdAt: _createdAt, ...snapshot } = storedArticleSnapshot(row.snapshot as unknown as ArticleSnapshot & { createdAt: string });
    return { slug: row.slug, snapshot };
  },

  async writePublished(tx, view) {
    const columns = {
      slug: view.slug,
      title: view.title,
      categoryId: view.categoryId,
      treatmentIds: view.treatmentIds,
      comparisonIds: view.comparisonIds,
      expertIds: [...new Set(view.experts.map((e) => e.personId))],
      tagIds: view.tagIds,
      // prepareToPublish dated the draft if it had no date.
      publishedAt: new Date(view.publishedAt!),
      version: view.version,
      updatedAt: view.updatedAt,
      snapshot: { ...articleSnapshot(view), createdAt: view.createdAt.toISOString() } as object,
    };
    await tx.publishedArticle.upsert({ where: { articleId: view.id }, create: { articleId: view.id, ...columns }, update: columns });
    // In the same transaction: search shows exactly what is published.
    await indexPublished(tx, 'ARTICLE', { id: view.id, version: view.version, updatedAt: view.updatedAt, snapshot: articleSnapshot(view) });
  },

  // A published article always has a date (the public list sorts on it): an undated draft
  // takes the moment it is first published, and keeps it when published again.
  async prepareToPublish(tx, id) {
    await tx.article.updateMany({ where: { id, publishedAt: null }, data: { publishedAt: new Date() } });
  },

  async deletePublished(tx, id) {
    await tx.publishedArticle.deleteMany({ where: { articleId: id } });
    await removeFromIndex(tx, 'ARTICLE', id);
  },

  async applySnapshot(tx, id, snapshot) {
    const input = snapshotAsInput(snapshot);
    await checkArticleReferences(tx, id, input);
    await writeArticleContent(tx, id, input);
  },

  // Links to it cascade with the row.
  releaseReferences: async () => {},

  blockedFromTrash: async () => null,
};
