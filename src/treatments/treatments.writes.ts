/**
 * Writing a treatment's draft content.
 */
import { bodyJson, quotedPeople, type BodyBlock } from '../content/body.js';
import type { Db } from '../context.js';
import { missingReferences } from '../shared/references.js';
import { assertNoIssues } from '../shared/validation.js';
import type { TreatmentSnapshot } from './treatments.snapshot.js';

export interface TreatmentContent {
  slug?: string;
  name?: string;
  summary?: string | null;
  description?: BodyBlock[];
  otherNames?: string[];
}

export async function checkTreatmentContent(tx: Db, data: TreatmentContent): Promise<void> {
  const quotes = quotedPeople(data.description ?? [], 'input.description');
  assertNoIssues(await missingReferences(tx, quotes.map((q) => ({ model: 'person' as const, id: q.personId, path: q.path }))));
}

export async function writeTreatmentContent(tx: Db, treatmentId: string, data: TreatmentContent): Promise<void> {
  await tx.treatment.update({ where: { id: treatmentId }, data: { ...data, description: data.description && bodyJson(data.description) } });
}

export function snapshotAsInput(snapshot: TreatmentSnapshot): Required<TreatmentContent> {
  return { ...snapshot };
}
