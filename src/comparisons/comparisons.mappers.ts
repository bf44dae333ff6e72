import type { TreatmentView } from '../treatments/treatments.snapshot.js';
import type { ComparisonRowData, ComparisonView } from './comparisons.snapshot.js';

export type ComparisonMapper = ComparisonView;
export type ComparisonRowMapper = ComparisonRowData & { comparison: ComparisonView };
export interface ComparisonCellMapper {
  treatment: TreatmentView;
  text: string | null;
}
