/**
 * What the workflow needs from each kind of document. Each domain implements one
 * (`<domain>.workflow.ts`); the workflow service does the rest the same way for all three.
 */
import type { Db } from '../context.js';
import type { DocumentRow, DocumentStatus, DocumentType, DocumentView } from './documents.js';

/** The workflow columns of a document table, reached the same way for all three tables. */
export interface WorkflowTable {
  updateMany(args: { where: Record<string, unknown>; data: Record<string, unknown> }): Promise<{ count: number }>;
  findUnique(args: { where: { id: string } }): Promise<(DocumentRow & { slug: string }) | null>;
  delete(args: { where: { id: string } }): Promise<unknown>;
}

export interface DocumentAdapter<View extends DocumentView = DocumentView, Snapshot = unknown> {
  type: DocumentType;
  noun: string;
  table(db: Db): WorkflowTable;
  /** Reads drafts (trashed ones too). */
  readDrafts(db: Db, ids: string[]): Promise<View[]>;
  /** The content of a view, as revisions and the published version store it. */
  snapshot(view: View): Snapshot;
  /** The published version's snapshot and slug, or null when it is not published. */
  readPublished(db: Db, id: string): Promise<{ slug: string; snapshot: Snapshot } | null>;
  /** Writes `view` as the published version, replacing any. */
  writePublished(tx: Db, view: View): Promise<void>;
  deletePublished(tx: Db, id: string): Promise<void>;
  /**
   * A snapshot as stored in a revision or a published version, with the fields added since it
   * was written filled in (their empty value), so old history reads like new.
   */
  upgradeSnapshot?(stored: unknown): Snapshot;
  /** Rewrites the draft's content from a revision's snapshot. */
  applySnapshot(tx: Db, id: string, snapshot: Snapshot): Promise<void>;
  /**
   * Before a purge: drops what trashed documents still hold of this one (their drafts' links
   * to it), so the row can go. Live users were refused at trash time.
   */
  releaseReferences(tx: Db, id: string): Promise<void>;
  /** Why the document may not go to the trash (what uses it), or null. */
  blockedFromTrash(tx: Db, id: string): Promise<{ message: string; usedBy: Record<string, string[]> } | null>;
  /** Fills in what publishing settles, in the draft, before it is read for publishing. */
  prepareToPublish?(tx: Db, id: string): Promise<void>;
  /** Why the draft may not be published, or null. */
  unpublishable?(view: View): string | null;
}

export type { DocumentStatus };
