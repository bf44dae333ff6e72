import type { ComparisonCell, ComparisonRow, Treatment } from '../__generated__/prisma/client.js';

export type { Comparison as ComparisonMapper } from '../__generated__/prisma/client.js';
export type ComparisonRowMapper = ComparisonRow & { cells: ComparisonCell[] };
export interface ComparisonCellMapper {
  treatment: Treatment;
  text: string | null;
}
