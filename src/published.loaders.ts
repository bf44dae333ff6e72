/**
 * Loaders of published documents (articles, treatments, comparisons) and of categories and
 * people, each family fetched with one statement per batch (see shared/kind-loader.ts). This is
 * what keeps a published page at a handful of statements whatever it links to.
 */
import { publishedArticleView } from './articles/articles.snapshot.js';
import { idTag, type CacheDependencies } from './cache/tags.js';
import { publishedComparisonView } from './comparisons/comparisons.snapshot.js';
import type { PrismaClient } from './db/client.js';
import type { Category, Person } from './__generated__/prisma/client.js';
import { kindLoader } from './shared/kind-loader.js';
import { publishedTreatmentView } from './treatments/treatments.snapshot.js';

type DocumentKind = 'ARTICLE' | 'TREATMENT' | 'COMPARISON';
interface PublishedRow {
  kind: DocumentKind;
  id: string;
  version: number;
  updatedAt: Date;
  createdAt: Date | null;
  snapshot: unknown;
}

type TaxonomyKind = 'CATEGORY' | 'PERSON';

/**
 * Records every id a batch asks for, found or not, as a dependency of the answer: an answer
 * that lacks one (a link to an unpublished article) changes when it is published.
 */
function dependingOnIds<K extends DocumentKind | TaxonomyKind, R>(cache: CacheDependencies, fetch: (ids: Record<K, string[]>) => Promise<R>) {
  return (ids: Record<K, string[]>): Promise<R> => {
    for (const [kind, list] of Object.entries(ids) as [K, string[]][]) cache.depend(...list.map((id) => idTag(kind, id)));
    return fetch(ids);
  };
}

export function createPublishedLoaders(prisma: PrismaClient, cache: CacheDependencies) {
  const documents = kindLoader<DocumentKind, PublishedRow>(
    dependingOnIds(cache, async (ids) =>
      (
        await prisma.$queryRaw<PublishedRow[]>`
          SELECT 'ARTICLE' AS kind, "articleId"::text AS id, version, "updatedAt", NULL::timestamptz AS "createdAt", snapshot
            FROM "PublishedArticle" WHERE "articleId"::text = ANY(${ids.ARTICLE}::text[])
          UNION ALL
          SELECT 'TREATMENT', "treatmentId"::text, version, "updatedAt", "createdAt", snapshot
            FROM "PublishedTreatment" WHERE "treatmentId"::text = ANY(${ids.TREATMENT}::text[])
          UNION ALL
          SELECT 'COMPARISON', "comparisonId"::text, version, "updatedAt", "createdAt", snapshot
            FROM "PublishedComparison" WHERE "comparisonId"::text = ANY(${ids.COMPARISON}::text[])`
      ).map((row) => ({ kind: row.kind, id: row.id, row }))),
    ['ARTICLE', 'TREATMENT', 'COMPARISON'],
  );

  const taxonomy = kindLoader<TaxonomyKind, Record<string, unknown>>(
    dependingOnIds(cache, async (ids) =>
      (
        await prisma.$queryRaw<{ kind: TaxonomyKind; id: string; row: Record<string, unknown> }[]>`
          SELECT 'CATEGORY' AS kind, id::text AS id, to_jsonb(c) AS row FROM "Category" c WHERE id::text = ANY(${ids.CATEGORY}::text[])
          UNION ALL
          SELECT 'PERSON', id::text, to_jsonb(p) FROM "Person" p WHERE id::text = ANY(${ids.PERSON}::text[])`
      ).map(({ kind, id, row }) => ({ kind, id, row }))),
    ['CATEGORY', 'PERSON'],
  );
  const withDates = <T>(row: Record<string, unknown>): T => ({ ...row, createdAt: new Date(row.createdAt as string), updatedAt: new Date(row.updatedAt as string) }) as T;

  return {
    publishedArticleById: documents.of('ARTICLE', (r) => publishedArticleView({ articleId: r.id, version: r.version, updatedAt: r.updatedAt, snapshot: r.snapshot })),
    publishedTreatmentById: documents.of('TREATMENT', (r) =>
      publishedTreatmentView({ treatmentId: r.id, version: r.version, updatedAt: r.updatedAt, createdAt: r.createdAt!, snapshot: r.snapshot }),
    ),
    publishedComparisonById: documents.of('COMPARISON', (r) =>
      publishedComparisonView({ comparisonId: r.id, version: r.version, updatedAt: r.updatedAt, createdAt: r.createdAt!, snapshot: r.snapshot }),
    ),
    categoryById: taxonomy.of('CATEGORY', (row) => withDates<Category>(row)),
    personById: taxonomy.of('PERSON', (row) => withDates<Person>(row)),
  };
}
