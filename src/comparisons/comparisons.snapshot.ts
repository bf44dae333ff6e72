/**
 * A comparison as one value (see articles.snapshot.ts for why): rows and cells inline.
 */
import type { Db } from '../context.js';
import { draftMeta, publishedMeta, type DocumentMeta } from '../workflow/documents.js';

export interface ComparisonRowData {
  aspect: string;
  cells: { treatmentId: string; text: string }[];
}

export interface ComparisonSnapshot {
  slug: string;
  title: string;
  intro: string | null;
  verdict: string | null;
  treatmentIds: string[];
  rows: ComparisonRowData[];
}

export type ComparisonView = ComparisonSnapshot & DocumentMeta;

export async function readComparisonDrafts(db: Db, ids: string[]): Promise<ComparisonView[]> {
  const rows = await db.comparison.findMany({
    where: { id: { in: ids } },
    include: {
      // A treatment in the trash is no column of the draft (nor of what publishing it makes).
      treatments: { where: { treatment: { deletedAt: null } }, orderBy: { position: 'asc' } },
      rows: { orderBy: { position: 'asc' }, include: { cells: { where: { treatment: { deletedAt: null } } } } },
    },
  });
  return rows.map((row) => ({
    ...draftMeta('COMPARISON', row),
    slug: row.slug,
    title: row.title,
    intro: row.intro,
    verdict: row.verdict,
    treatmentIds: row.treatments.map((t) => t.treatmentId),
    rows: row.rows.map((r) => ({ aspect: r.aspect, cells: inColumnOrder(r.cells, row.treatments) })),
  }));
}

function inColumnOrder(cells: { treatmentId: string; text: string }[], columns: { treatmentId: string }[]) {
  const order = new Map(columns.map((c, index) => [c.treatmentId, index]));
  return cells
    .map((c) => ({ treatmentId: c.treatmentId, text: c.text }))
    .sort((a, b) => (order.get(a.treatmentId) ?? 0) - (order.get(b.treatmentId) ?? 0));
}

export function comparisonSnapshot(view: ComparisonView): ComparisonSnapshot {
  const { slug, title, intro, verdict, treatmentIds, rows } = view;
  return { slug, title, intro, verdict, treatmentIds, rows };
}

export function publishedComparisonView(row: { comparisonId: string; version: number; updatedAt: Date; createdAt: Date; snapshot: unknown }): ComparisonView {
  return { ...(row.snapshot as ComparisonSnapshot), ...publishedMeta('COMPARISON', row, row.comparisonId, row.createdAt) };
}
