/**
 * The two rules every saved change follows, whatever the document:
 *  1. it claims the next version with a compare-and-set on the version the editor started
 *     from, so of two editors saving at once exactly one wins and the other gets CONFLICT;
 *  2. it records a revision: the whole document as it stands after the change.
 */
import { authorizeDocument, type Action } from '../auth/policy.js';
import type { Viewer } from '../auth/viewer.js';
import type { Db } from '../context.js';
import { conflict, notFound } from '../errors.js';
import type { RevisionAction } from '../__generated__/prisma/client.js';
import type { DocumentAdapter } from './adapter.js';
import type { DocumentRow, DocumentView } from './documents.js';

export interface ClaimOptions {
  /** What the change is, for the per-document access check (authors: their own only). */
  action: Action;
  /** The version the editor started from; null skips the check (actions that cannot lose edits). */
  expectedVersion: number | null;
  /** Other workflow columns the change sets in the same statement. */
  set?: Record<string, unknown>;
  /** Also claim a trashed document (restore and purge do). */
  inTrash?: boolean;
}

/**
 * Increments the document's version if it is still at `expectedVersion`, in one UPDATE, which
 * also locks the row until the transaction ends. Throws NOT_FOUND for a missing (or trashed)
 * document and CONFLICT, with the current version and its author, for a stale version.
 */
export async function claimVersion(tx: Db, adapter: Pick<DocumentAdapter<any, any>, 'table' | 'noun'>, id: string, viewer: Viewer, options: ClaimOptions): Promise<DocumentRow & { slug: string }> {
  const table = adapter.table(tx);
  const where: Record<string, unknown> = { id, deletedAt: options.inTrash ? { not: null } : null };
  if (options.expectedVersion !== null) where.version = options.expectedVersion;
  const { count } = await table.updateMany({
    where,
    data: { ...options.set, version: { increment: 1 }, updatedBy: viewer.id, updatedAt: new Date() },
  });
  const row = await table.findUnique({ where: { id } });
  if (count === 1 && row) {
    // Checked with the row locked; throwing rolls the claim back.
    authorizeDocument(viewer, options.action, row);
    return row;
  }
  if (!row || Boolean(row.deletedAt) !== Boolean(options.inTrash)) {
    if (row && options.inTrash) throw conflict(`The ${adapter.noun} is not in the trash.`);
    throw notFound(adapter.noun, id);
  }
  throw conflict(
    `The ${adapter.noun} was changed by ${row.updatedBy ?? 'someone else'} (now version ${row.version}, you started from ${options.expectedVersion}). Reload it and apply your change again.`,
    { currentVersion: row.version, updatedBy: row.updatedBy, updatedAt: row.updatedAt.toISOString() },
  );
}

/** Records the revision for the change that brought the document to its current version. */
export async function recordRevision<V extends DocumentView>(
  tx: Db,
  adapter: DocumentAdapter<V>,
  id: string,
  viewer: Viewer,
  action: RevisionAction,
  summary: string | null | undefined,
  /** The draft as it stands after the change, when the caller has just read it. */
  current?: V,
): Promise<V> {
  const view = current ?? (await adapter.readDrafts(tx, [id]))[0];
  if (!view) throw notFound(adapter.noun, id);
  const snapshot = adapter.snapshot(view) as Record<string, unknown>;
  const previous = await tx.revision.findFirst({
    where: { documentType: adapter.type, documentId: id },
    orderBy: { version: 'desc' },
    select: { snapshot: true },
  });
  await tx.revision.create({
    data: {
      documentType: adapter.type,
      documentId: id,
      version: view.version,
      action,
      author: viewer.id,
      summary: summary?.trim() || null,
      snapshot: snapshot as object,
      changedFields: changedFields(previous ? (upgraded(adapter, previous.snapshot) as Record<string, unknown>) : undefined, snapshot),
    },
  });
  return view;
}

/** A stored snapshot with the fields added since it was written filled in (see DocumentAdapter). */
export function upgraded(adapter: Pick<DocumentAdapter<any, any>, 'upgradeSnapshot'>, stored: unknown): unknown {
  return adapter.upgradeSnapshot ? adapter.upgradeSnapshot(stored) : stored;
}

/** Top-level fields whose values differ (every field, when there is nothing before). */
export function changedFields(before: Record<string, unknown> | undefined, after: Record<string, unknown>): string[] {
  const fields = new Set([...Object.keys(before ?? {}), ...Object.keys(after)]);
  return [...fields].filter((field) => !before || JSON.stringify(before[field]) !== JSON.stringify(after[field])).sort();
}
