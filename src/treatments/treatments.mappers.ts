export type { TreatmentView as TreatmentMapper } from './treatments.snapshot.js';
