/**
 * The search index: one SearchDocument row per published document. The workflow adapters write
 * it in the transaction that writes the published version (`indexPublished`) and delete it with
 * the published version (`removeFromIndex`), so search never shows a draft nor misses a
 * publish. `reindexSearch` brings an existing database up to date at start.
 */
import type { ArticleSnapshot } from '../articles/articles.snapshot.js';
import type { ComparisonSnapshot } from '../comparisons/comparisons.snapshot.js';
import { runTransaction, type Db } from '../context.js';
import type { PrismaClient } from '../db/client.js';
import { Prisma } from '../__generated__/prisma/client.js';
import type { TreatmentSnapshot } from '../treatments/treatments.snapshot.js';
import type { DocumentType } from '../workflow/documents.js';
import { articleSearchText, comparisonSearchText, SEARCH_LINES_SQL, SEARCH_TEXT_VERSION, treatmentSearchText, type SearchText } from './text.js';

/** One SearchDocument row, as written (the vector is computed from the texts in SQL). */
export interface SearchDocumentRow extends SearchText {
  documentType: DocumentType;
  documentId: string;
  slug: string;
  publishedAt: Date;
  version: number;
  textVersion: number;
}

/** What a published version is, as the index needs it: its id, version and stored snapshot. */
export interface PublishedVersion {
  id: string;
  version: number;
  /** When the version was saved: the tie-break date for what has no date of its own. */
  updatedAt: Date;
  snapshot: unknown;
}

type RowContent = Omit<SearchDocumentRow, 'documentType' | 'documentId' | 'version' | 'textVersion'>;

const rowOf: Record<DocumentType, (version: PublishedVersion, visibleTreatmentIds: ReadonlySet<string>) => RowContent> = {
  ARTICLE: ({ snapshot, updatedAt }) => {
    const article = snapshot as ArticleSnapshot;
    return { slug: article.slug, publishedAt: article.publishedAt ? new Date(article.publishedAt) : updatedAt, ...articleSearchText(article) };
  },
  TREATMENT: ({ snapshot, updatedAt }) => {
    const treatment = snapshot as TreatmentSnapshot;
    return { slug: treatment.slug, publishedAt: updatedAt, ...treatmentSearchText(treatment) };
  },
  COMPARISON: ({ snapshot, updatedAt }, visibleTreatmentIds) => {
    const comparison = snapshot as ComparisonSnapshot;
    return { slug: comparison.slug, publishedAt: updatedAt, ...comparisonSearchText(comparison, visibleTreatmentIds) };
  },
};

/**
 * The index row for a published version. `visibleTreatmentIds`, for a comparison: the published
 * treatments among its columns (only their cells are indexed; see comparisonSearchText).
 */
export function searchDocumentRow(type: DocumentType, published: PublishedVersion, visibleTreatmentIds: ReadonlySet<string> = NONE): SearchDocumentRow {
  return { documentType: type, documentId: published.id, version: published.version, textVersion: SEARCH_TEXT_VERSION, ...rowOf[type](published, visibleTreatmentIds) };
}

const NONE: ReadonlySet<string> = new Set();

/**
 * Upserts rows given as one JSON array parameter ($1, text): one statement for any number of
 * rows, shared with the benchmark's bulk loader so both compute the vectors the same way.
 *
 * `vector`: title weighs A, summary B, body C; what a query matches. `headVector`: the title
 * (A) and summary (B) alone; what hits are ranked by (search.service.ts). `lineVectors`: one
 * per line of the summary and body, in order; what snippets are cut from (snippet.ts).
 *
 * A row is never replaced by an older version of the document (a start-up reindex racing a
 * publish), only by the same or a newer one.
 */
export const UPSERT_SEARCH_DOCUMENTS_SQL = String.raw`
INSERT INTO "SearchDocument" AS s ("documentType", "documentId", slug, title, summary, body, vector, "headVector", "lineVectors", "publishedAt", version, "textVersion")
SELECT d."documentType"::"DocumentType", d."documentId", d.slug, d.title, d.summary, d.body,
       v.head || setweight(to_tsvector('english', d.body), 'C'), v.head,
       ARRAY(
         SELECT to_tsvector('english', l.line)
         FROM unnest(${SEARCH_LINES_SQL}) WITH ORDINALITY AS l(line, n)
         ORDER BY l.n),
       d."publishedAt", d.version, d."textVersion"
FROM jsonb_to_recordset($1::text::jsonb) AS d(
  "documentType" text, "documentId" uuid, slug text, title text, summary text, body text, "publishedAt" timestamptz, version int, "textVersion" int)
CROSS JOIN LATERAL (
  SELECT setweight(to_tsvector('english', d.title), 'A') || setweight(to_tsvector('english', d.summary), 'B') AS head
) v
ON CONFLICT ("documentType", "documentId") DO UPDATE SET
  slug = EXCLUDED.slug, title = EXCLUDED.title, summary = EXCLUDED.summary, body = EXCLUDED.body, vector = EXCLUDED.vector,
  "headVector" = EXCLUDED."headVector", "lineVectors" = EXCLUDED."lineVectors", "publishedAt" = EXCLUDED."publishedAt", version = EXCLUDED.version, "textVersion" = EXCLUDED."textVersion"
WHERE (s.version, s."textVersion") <= (EXCLUDED.version, EXCLUDED."textVersion")`;

async function upsert(db: Db, rows: SearchDocumentRow[]): Promise<void> {
  if (rows.length === 0) return;
  // The SQL is a constant; the rows travel as its one bound parameter.
  await db.$executeRawUnsafe(UPSERT_SEARCH_DOCUMENTS_SQL, JSON.stringify(rows));
}

/**
 * Indexes a version being published; call it in the transaction that writes the version. A
 * treatment's publish also reindexes the published comparisons that have it as a column: its
 * cells there become searchable with it.
 */
export async function indexPublished(tx: Db, type: DocumentType, published: PublishedVersion): Promise<void> {
  if (type === 'COMPARISON') {
    await indexComparisons(tx, [published]);
    return;
  }
  await upsert(tx, [searchDocumentRow(type, published)]);
  if (type === 'TREATMENT') await reindexComparisonsWith(tx, published.id);
}

/**
 * Takes a document out of search; call it in the transaction that removes its published version
 * (after removing it). A treatment's cells leave the comparisons that have it as a column.
 */
export async function removeFromIndex(tx: Db, type: DocumentType, id: string): Promise<void> {
  await tx.searchDocument.deleteMany({ where: { documentType: type, documentId: id } });
  if (type === 'TREATMENT') await reindexComparisonsWith(tx, id);
}

/** Indexes published comparisons, each with the cells of its published treatments only. */
async function indexComparisons(db: Db, comparisons: PublishedVersion[]): Promise<void> {
  const columns = [...new Set(comparisons.flatMap((c) => (c.snapshot as ComparisonSnapshot).treatmentIds))];
  const published = columns.length
    ? await db.publishedTreatment.findMany({ where: { treatmentId: { in: columns } }, select: { treatmentId: true } })
    : [];
  const visible = new Set(published.map((t) => t.treatmentId));
  await upsert(db, comparisons.map((comparison) => searchDocumentRow('COMPARISON', comparison, visible)));
}

/** Reindexes the published comparisons that have `treatmentId` as a column (its visibility changed). */
async function reindexComparisonsWith(tx: Db, treatmentId: string): Promise<void> {
  const comparisons = await tx.$queryRaw<PublishedVersion[]>`
    SELECT "comparisonId"::text AS id, version, "updatedAt", snapshot FROM "PublishedComparison"
    WHERE "treatmentIds" @> ARRAY[${treatmentId}::uuid]`;
  if (comparisons.length) await indexComparisons(tx, comparisons);
}

/** Where each kind's published versions live (constant identifiers, never input). */
const publishedTables: Record<DocumentType, { table: string; id: string }> = {
  ARTICLE: { table: '"PublishedArticle"', id: '"articleId"' },
  TREATMENT: { table: '"PublishedTreatment"', id: '"treatmentId"' },
  COMPARISON: { table: '"PublishedComparison"', id: '"comparisonId"' },
};
const documentTypes = Object.keys(publishedTables) as DocumentType[];

/** How many published versions are read and indexed per transaction when reindexing. */
const REINDEX_BATCH = 200;

/**
 * Makes the index match the published versions: indexes those missing from it, or indexed at
 * another version or by an older text extraction (SEARCH_TEXT_VERSION), and deletes rows whose
 * published version is gone. Idempotent, and cheap when nothing is stale (one join per kind):
 * run at start, after migrating, so a database from before search (or restored from a backup)
 * is searchable. Answers how many rows it wrote and removed.
 *
 * Each batch locks the published rows it reads (FOR SHARE) until its rows are written, so an
 * unpublish running meanwhile cannot leave a row behind: it waits, then deletes what was written.
 */
export async function reindexSearch(prisma: PrismaClient): Promise<{ indexed: number; removed: number }> {
  const removed = await prisma.$executeRaw`
    DELETE FROM "SearchDocument" s WHERE NOT EXISTS (
      SELECT 1 FROM "PublishedArticle" p WHERE s."documentType" = 'ARTICLE' AND p."articleId" = s."documentId"
      UNION ALL SELECT 1 FROM "PublishedTreatment" p WHERE s."documentType" = 'TREATMENT' AND p."treatmentId" = s."documentId"
      UNION ALL SELECT 1 FROM "PublishedComparison" p WHERE s."documentType" = 'COMPARISON' AND p."comparisonId" = s."documentId")`;

  let indexed = 0;
  for (const type of documentTypes) {
    const { table, id } = publishedTables[type];
    const stale = await prisma.$queryRaw<{ id: string }[]>`
      SELECT p.${Prisma.raw(id)}::text AS id FROM ${Prisma.raw(table)} p
      LEFT JOIN "SearchDocument" s ON s."documentType" = ${type}::"DocumentType" AND s."documentId" = p.${Prisma.raw(id)}
      WHERE s.version IS DISTINCT FROM p.version OR s."textVersion" IS DISTINCT FROM ${SEARCH_TEXT_VERSION}`;
    for (let start = 0; start < stale.length; start += REINDEX_BATCH) {
      const ids = stale.slice(start, start + REINDEX_BATCH).map((row) => row.id);
      indexed += await runTransaction(prisma, async (tx) => {
        const versions = await tx.$queryRaw<PublishedVersion[]>`
          SELECT ${Prisma.raw(id)}::text AS id, version, "updatedAt", snapshot FROM ${Prisma.raw(table)}
          WHERE ${Prisma.raw(id)} = ANY(${ids}::uuid[]) FOR SHARE`;
        if (type === 'COMPARISON') await indexComparisons(tx, versions);
        else await upsert(tx, versions.map((version) => searchDocumentRow(type, version)));
        return versions.length;
      });
    }
  }
  return { indexed, removed };
}
