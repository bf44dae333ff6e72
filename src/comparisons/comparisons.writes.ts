/**
 * Writing a comparison's draft content: fields, compared treatments (columns) and rows.
 */
import type { Db } from '../context.js';
import { missingReferences } from '../shared/references.js';
import { assertNoIssues } from '../shared/validation.js';
import type { ComparisonSnapshot } from './comparisons.snapshot.js';
import { cellIssues, type ComparisonRowInput } from './comparisons.validation.js';

export interface ComparisonContent {
  slug?: string;
  title?: string;
  intro?: string | null;
  verdict?: string | null;
  treatmentIds?: string[];
  rows?: ComparisonRowInput[];
}

/**
 * Checks the cells against the columns the comparison will have (`treatmentIds` when given,
 * else its current ones) and that every treatment exists.
 */
export async function checkComparisonContent(tx: Db, comparisonId: string | null, data: ComparisonContent): Promise<void> {
  let columns = data.treatmentIds;
  if (!columns && data.rows && comparisonId) {
    const current = await tx.comparisonTreatment.findMany({ where: { comparisonId }, orderBy: { position: 'asc' }, select: { treatmentId: true } });
    columns = current.map((c) => c.treatmentId);
  }
  assertNoIssues([
    ...(data.rows ? cellIssues(data.rows, columns ?? []) : []),
    ...(await missingReferences(tx, (data.treatmentIds ?? []).map((id, index) => ({ model: 'treatment' as const, id, path: `input.treatmentIds.${index}` })))),
  ]);
}

/** Writes what `data` gives to the draft; what it leaves out stays. */
export async function writeComparisonContent(tx: Db, comparisonId: string, data: ComparisonContent): Promise<void> {
  const { treatmentIds, rows, ...fields } = data;
  await tx.comparison.update({ where: { id: comparisonId }, data: fields });
  if (treatmentIds) await replaceTreatments(tx, comparisonId, treatmentIds);
  if (rows) await replaceRows(tx, comparisonId, rows);
}

export function snapshotAsInput(snapshot: ComparisonSnapshot): Required<ComparisonContent> {
  return {
    slug: snapshot.slug,
    title: snapshot.title,
    intro: snapshot.intro,
    verdict: snapshot.verdict,
    treatmentIds: snapshot.treatmentIds,
    rows: snapshot.rows.map((row) => ({ aspect: row.aspect, cells: row.cells.map((c) => ({ treatmentId: c.treatmentId, text: c.text })) })),
  };
}

/**
 * Sets the compared treatments and their order. Cells of a treatment that leaves the
 * comparison go with it (the cell's foreign key cascades); cells of those that stay are kept.
 */
async function replaceTreatments(tx: Db, comparisonId: string, treatmentIds: string[]): Promise<void> {
  await tx.comparisonTreatment.deleteMany({ where: { comparisonId, treatmentId: { notIn: treatmentIds } } });
  for (const [position, treatmentId] of treatmentIds.entries()) {
    await tx.comparisonTreatment.upsert({
      where: { comparisonId_treatmentId: { comparisonId, treatmentId } },
      create: { comparisonId, treatmentId, position },
      update: { position },
    });
  }
}

/** Replaces every row and cell of the comparison with `rows`, in order. */
async function replaceRows(tx: Db, comparisonId: string, rows: ComparisonRowInput[]): Promise<void> {
  await tx.comparisonRow.deleteMany({ where: { comparisonId } });
  if (rows.length === 0) return;
  const created = await tx.comparisonRow.createManyAndReturn({
    data: rows.map((row, position) => ({ comparisonId, position, aspect: row.aspect })),
    select: { id: true, position: true },
  });
  const rowIdAt = new Map(created.map((row) => [row.position, row.id]));
  const cells = rows.flatMap((row, position) =>
    row.cells.map((cell) => ({ rowId: rowIdAt.get(position)!, comparisonId, treatmentId: cell.treatmentId, text: cell.text })),
  );
  if (cells.length > 0) await tx.comparisonCell.createMany({ data: cells });
}
