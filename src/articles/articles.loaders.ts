import { kindTag, type CacheDependencies } from '../cache/tags.js';
import type { PrismaClient } from '../db/client.js';
import type { IdLoader } from '../shared/kind-loader.js';
import { loaderById, loaderOfMembers, loadPresent } from '../shared/batch.js';
import type { Stage } from '../workflow/documents.js';
import { publishedArticleView, readArticleDrafts, type ArticleView } from './articles.snapshot.js';

const newestFirst = [{ publishedAt: { sort: 'desc', nulls: 'last' } }, { articleId: 'desc' }] as const;

function byDateDesc(a: ArticleView, b: ArticleView): number {
  return (b.publishedAt ?? '').localeCompare(a.publishedAt ?? '') || (a.id < b.id ? 1 : -1);
}

export function createArticleLoaders(prisma: PrismaClient, published: IdLoader<ArticleView>, cache: CacheDependencies) {
  const articleById = {
    /** Drafts of live (not trashed) articles. */
    DRAFT: loaderById(async (ids) => (await readArticleDrafts(prisma, ids)).filter((a) => !a.deletedAt)),
    PUBLISHED: published,
  } satisfies Record<Stage, unknown>;

  /** Live drafts related to each key through a join table, newest first. */
  function draftsThrough(fetch: (keys: string[]) => Promise<{ articleId: string; key: string }[]>) {
    return loaderOfMembers<ArticleView>(async (keys) => {
      const rows = await fetch(keys);
      const articles = new Map((await loadPresent(articleById.DRAFT, [...new Set(rows.map((r) => r.articleId))])).map((a) => [a.id, a]));
      return rows
        .flatMap((row) => {
          const value = articles.get(row.articleId);
          return value ? [{ keys: [row.key], value }] : [];
        })
        .sort((a, b) => byDateDesc(a.value, b.value));
    });
  }

  /** Published articles whose `column` list holds each key, newest first. */
  function publishedHolding(column: 'treatmentIds' | 'comparisonIds') {
    return loaderOfMembers<ArticleView>(async (keys) => {
      // A search over all published articles: any publish may change it.
      cache.depend(kindTag('ARTICLE'));
      return (await prisma.publishedArticle.findMany({ where: { [column]: { hasSome: keys } }, orderBy: [...newestFirst] })).map((row) => ({
        keys: row[column],
        value: publishedArticleView(row),
      }));
    });
  }

  return {
    articleById,
    /** Articles about a treatment, newest first. */
    articlesByTreatmentId: {
      DRAFT: draftsThrough(async (ids) =>
        (await prisma.articleTreatment.findMany({ where: { treatmentId: { in: ids } }, select: { articleId: true, treatmentId: true } })).map((r) => ({ articleId: r.articleId, key: r.treatmentId })),
      ),
      PUBLISHED: publishedHolding('treatmentIds'),
    },
    /** Articles that hold a comparison, newest first. */
    articlesByComparisonId: {
      DRAFT: draftsThrough(async (ids) =>
        (await prisma.articleComparison.findMany({ where: { comparisonId: { in: ids } }, select: { articleId: true, comparisonId: true } })).map((r) => ({ articleId: r.articleId, key: r.comparisonId })),
      ),
      PUBLISHED: publishedHolding('comparisonIds'),
    },
  };
}
