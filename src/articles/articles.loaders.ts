import DataLoader from 'dataloader';
import { kindTag, type CacheDependencies } from '../cache/tags.js';
import type { PrismaClient } from '../db/client.js';
import { sql, type SqlReader } from '../db/sql.js';
import type { IdLoader } from '../shared/kind-loader.js';
import { loaderById, loaderOfMembers, loadPresent } from '../shared/batch.js';
import type { Stage } from '../workflow/documents.js';
import { publishedArticleView, readArticleDrafts, type ArticleView, type PublishedArticleRow } from './articles.snapshot.js';


function byDateDesc(a: ArticleView, b: ArticleView): number {
  return (b.publishedAt ?? '').localeCompare(a.publishedAt ?? '') || (a.id < b.id ? 1 : -1);
}

export function createArticleLoaders(prisma: PrismaClient, db: SqlReader, published: IdLoader<ArticleView>, cache: CacheDependencies) {
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

  /**
   * The newest `limit` published articles whose `column` holds each key, all in one statement:
   * a treatment or comparison may be in tens of thousands of articles, and a page shows a few.
   */
  function newestHolding(column: 'treatmentIds' | 'comparisonIds') {
    const holds = sql.raw(`"${column}"`);
    return new DataLoader<{ id: string; limit: number }, ArticleView[], string>(
      async (keys) => {
        // A search over all published articles: any publish may change it.
        cache.depend(kindTag('ARTICLE'));
        // Cards: read without the body (Article.body fetches it if asked for).
        const rows = await db.query<{ key: number } & PublishedArticleRow>(sql`
          SELECT k.ord::int - 1 AS key, p."articleId"::text AS "articleId", p.version, p."updatedAt", p.snapshot
            FROM unnest(${keys.map((k) => k.id)}::uuid[], ${keys.map((k) => k.limit)}::int[]) WITH ORDINALITY AS k(id, n, ord)
            CROSS JOIN LATERAL (
              SELECT "articleId", version, "updatedAt", snapshot - 'body' AS snapshot, "publishedAt" FROM "PublishedArticle"
               WHERE ${holds} @> ARRAY[k.id] ORDER BY "publishedAt" DESC, "articleId" DESC LIMIT k.n
            ) p
           ORDER BY k.ord, p."publishedAt" DESC, p."articleId" DESC`);
        const lists = keys.map((): ArticleView[] => []);
        for (const row of rows) lists[row.key]!.push(publishedArticleView(row));
        return lists;
      },
      { cacheKeyFn: (key) => `${key.limit}:${key.id}` },
    );
  }
  const newestAboutTreatment = newestHolding('treatmentIds');
  const newestHoldingComparison = newestHolding('comparisonIds');
  const draftsAboutTreatment = draftsThrough(async (ids) =>
    (await prisma.articleTreatment.findMany({ where: { treatmentId: { in: ids } }, select: { articleId: true, treatmentId: true } })).map((r) => ({ articleId: r.articleId, key: r.treatmentId })),
  );

  const draftsHoldingComparison = draftsThrough(async (ids) =>
    (await prisma.articleComparison.findMany({ where: { comparisonId: { in: ids } }, select: { articleId: true, comparisonId: true } })).map((r) => ({ articleId: r.articleId, key: r.comparisonId })),
  );

  return {
    articleById,
    /** The newest `limit` articles about a treatment. */
    articlesByTreatmentId: {
      DRAFT: { load: async (treatmentId: string, limit: number) => (await draftsAboutTreatment.load(treatmentId)).slice(0, limit) },
      PUBLISHED: { load: (treatmentId: string, limit: number) => newestAboutTreatment.load({ id: treatmentId, limit }) },
    },
    /** The newest `limit` articles that hold a comparison. */
    articlesByComparisonId: {
      DRAFT: { load: async (comparisonId: string, limit: number) => (await draftsHoldingComparison.load(comparisonId)).slice(0, limit) },
      PUBLISHED: { load: (comparisonId: string, limit: number) => newestHoldingComparison.load({ id: comparisonId, limit }) },
    },
  };
}
