/**
 * Loaders of published documents (articles, treatments, comparisons) and of categories,
 * people and tags, each family fetched with one statement per batch (see shared/kind-loader.ts). This is
 * what keeps a published page at a handful of statements whatever it links to.
 */
import { publishedArticleView } from './articles/articles.snapshot.js';
import { publishedComparisonView } from './comparisons/comparisons.snapshot.js';
import type { PrismaClient } from './db/client.js';
import type { Category, Person, Tag } from './__generated__/prisma/client.js';
import { isUuid } from './shared/ids.js';
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

type TaxonomyKind = 'CATEGORY' | 'PERSON' | 'TAG';

/**
 * Ids compared as uuid (text comparisons could not use the primary keys: a sequential scan per
 * batch); a key that cannot be a uuid names nothing, so it is left out rather than failing the cast.
 */
const uuids = (ids: string[]): string[] => ids.filter(isUuid);

export function createPublishedLoaders(prisma: PrismaClient) {
  const documents = kindLoader<DocumentKind, PublishedRow>(
    async (ids) =>
      (
        await prisma.$queryRaw<PublishedRow[]>`
          SELECT 'ARTICLE' AS kind, "articleId"::text AS id, version, "updatedAt", NULL::timestamptz AS "createdAt", snapshot
            FROM "PublishedArticle" WHERE "articleId" = ANY(${uuids(ids.ARTICLE)}::uuid[])
          UNION ALL
          SELECT 'TREATMENT', "treatmentId"::text, version, "updatedAt", "createdAt", snapshot
            FROM "PublishedTreatment" WHERE "treatmentId" = ANY(${uuids(ids.TREATMENT)}::uuid[])
          UNION ALL
          SELECT 'COMPARISON', "comparisonId"::text, version, "updatedAt", "createdAt", snapshot
            FROM "PublishedComparison" WHERE "comparisonId" = ANY(${uuids(ids.COMPARISON)}::uuid[])`
      ).map((row) => ({ kind: row.kind, id: row.id, row })),
    ['ARTICLE', 'TREATMENT', 'COMPARISON'],
  );

  const taxonomy = kindLoader<TaxonomyKind, Record<string, unknown>>(
    async (ids) =>
      (
        await prisma.$queryRaw<{ kind: TaxonomyKind; id: string; row: Record<string, unknown> }[]>`
          SELECT 'CATEGORY' AS kind, id::text AS id, to_jsonb(c) AS row FROM "Category" c WHERE id = ANY(${uuids(ids.CATEGORY)}::uuid[])
          UNION ALL
          SELECT 'PERSON', id::text, to_jsonb(p) FROM "Person" p WHERE id = ANY(${uuids(ids.PERSON)}::uuid[])
          UNION ALL
          SELECT 'TAG', id::text, to_jsonb(t) FROM "Tag" t WHERE id = ANY(${uuids(ids.TAG)}::uuid[])`
      ).map(({ kind, id, row }) => ({ kind, id, row })),
    ['CATEGORY', 'PERSON', 'TAG'],
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
    tagById: taxonomy.of('TAG', (row) => withDates<Tag>(row)),
  };
}
