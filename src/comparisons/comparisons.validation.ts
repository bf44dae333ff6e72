import { z } from 'zod';
import type { Issue } from '../errors.js';
import { LIMITS, id, idList, optionalText, slug, text } from '../shared/validation.js';

const MAX_TREATMENTS = 10;

const treatmentIds = idList(MAX_TREATMENTS).refine((ids) => ids.length === 0 || ids.length >= 2, 'must name at least two treatments to compare');

const row = z.object({
  aspect: text(LIMITS.title),
  cells: z.array(z.object({ treatmentId: id, text: text(LIMITS.longText) })).max(MAX_TREATMENTS, `must have at most ${MAX_TREATMENTS} cells`),
});
const rows = z.array(row).max(LIMITS.rows, `must have at most ${LIMITS.rows} rows`);

export type ComparisonRowInput = z.output<typeof row>;

export const createComparisonInput = z.object({
  slug,
  title: text(LIMITS.title),
  intro: optionalText(LIMITS.longText),
  treatmentIds: treatmentIds.optional(),
  rows: rows.optional(),
  verdict: optionalText(LIMITS.longText),
});

export const updateComparisonInput = z.object({
  slug: slug.optional(),
  title: text(LIMITS.title).optional(),
  intro: optionalText(LIMITS.longText),
  treatmentIds: treatmentIds.nullish().transform((v) => (v === null ? [] : v)),
  rows: rows.nullish().transform((v) => (v === null ? [] : v)),
  verdict: optionalText(LIMITS.longText),
});

/**
 * Every cell must be for a treatment the comparison includes, at most one per treatment a row.
 * The database enforces the first rule too (a composite foreign key); this names the field.
 */
export function cellIssues(rowsInput: ComparisonRowInput[], comparedIds: string[]): Issue[] {
  const compared = new Set(comparedIds);
  const issues: Issue[] = [];
  rowsInput.forEach((r, rowIndex) => {
    const seen = new Set<string>();
    r.cells.forEach((cell, cellIndex) => {
      const path = `input.rows.${rowIndex}.cells.${cellIndex}.treatmentId`;
      if (!compared.has(cell.treatmentId)) {
        issues.push({ path, message: `treatment "${cell.treatmentId}" is not one of the treatments this comparison compares` });
      } else if (seen.has(cell.treatmentId)) {
        issues.push({ path, message: 'repeats a treatment already given a cell in this row' });
      }
      seen.add(cell.treatmentId);
    });
  });
  return issues;
}
