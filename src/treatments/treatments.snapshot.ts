/**
 * A treatment as one value (see articles.snapshot.ts for why).
 */
import type { BodyBlock } from '../content/body.js';
import { storedBody } from '../content/body.js';
import type { Db } from '../context.js';
import { draftMeta, publishedMeta, type DocumentMeta } from '../workflow/documents.js';

export interface TreatmentSnapshot {
  slug: string;
  name: string;
  summary: string | null;
  description: BodyBlock[];
  otherNames: string[];
}

/** A treatment as read from its draft (or from a revision): always whole. */
export type WholeTreatmentView = TreatmentSnapshot & DocumentMeta;

/**
 * A treatment as GraphQL resolves it. Published treatments read for a page's cards and
 * comparison columns come without their description (see published.loaders.ts);
 * `Treatment.description` fetches it when asked for.
 */
export type TreatmentView = Omit<WholeTreatmentView, 'description'> & { description?: BodyBlock[] };

export async function readTreatmentDrafts(db: Db, ids: string[]): Promise<WholeTreatmentView[]> {
  const rows = await db.treatment.findMany({ where: { id: { in: ids } } });
  return rows.map((row) => ({
    ...draftMeta('TREATMENT', row),
    slug: row.slug,
    name: row.name,
    summary: row.summary,
    description: storedBody(row.description),
    otherNames: row.otherNames,
  }));
}

export function treatmentSnapshot(view: WholeTreatmentView): TreatmentSnapshot {
  const { slug, name, summary, description, otherNames } = view;
  return { slug, name, summary, description, otherNames };
}

export function publishedTreatmentView(row: { treatmentId: string; version: number; updatedAt: Date; createdAt: Date; snapshot: unknown }): TreatmentView {
  return { ...(row.snapshot as TreatmentSnapshot), ...publishedMeta('TREATMENT', row, row.treatmentId, row.createdAt) };
}
