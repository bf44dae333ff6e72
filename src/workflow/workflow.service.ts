/**
 * The editorial workflow, the same for articles, treatments and comparisons: publishing,
 * unpublishing, scheduling, the trash, and revision history. Content edits live in each
 * domain's service; they use `claimVersion`, `afterEdit` and `recordRevision` from here.
 */
import { isDeepStrictEqual } from 'node:util';
import type { DocumentType, Revision } from '../__generated__/prisma/client.js';
import { articleAdapter } from '../articles/articles.workflow.js';
import { authorize } from '../auth/policy.js';
import type { Viewer } from '../auth/viewer.js';
import { comparisonAdapter } from '../comparisons/comparisons.workflow.js';
import { inTransaction, type Db, type ServiceContext } from '../context.js';
import { badUserInput, conflict, fromPrismaError, notFound } from '../errors.js';
import { existingId } from '../shared/ids.js';
import { pageQuery, toConnection, type ConnectionMapper, type KeysetOrder, type PageArgs } from '../shared/pagination.js';
import { treatmentAdapter } from '../treatments/treatments.workflow.js';
import type { DocumentAdapter } from './adapter.js';
import type { DocumentMeta, DocumentRow, DocumentStatus, DocumentView } from './documents.js';
import { claimVersion, recordRevision, upgraded } from './versioning.js';

export const adapters: Record<DocumentType, DocumentAdapter> = {
  ARTICLE: articleAdapter as unknown as DocumentAdapter,
  TREATMENT: treatmentAdapter as unknown as DocumentAdapter,
  COMPARISON: comparisonAdapter as unknown as DocumentAdapter,
};

type Ctx = ServiceContext;

/** After a content edit: a published document now has unpublished changes. */
export async function afterEdit(tx: Db, adapter: Pick<DocumentAdapter<any, any>, 'table'>, row: DocumentRow): Promise<void> {
  if (row.status === 'PUBLISHED') await adapter.table(tx).updateMany({ where: { id: row.id }, data: { status: 'CHANGED' } });
}

/** Makes the current draft the published version, atomically. */
export async function publish<V extends DocumentView>(ctx: Ctx, adapter: DocumentAdapter<V>, id: string, expectedVersion: number, summary?: string | null): Promise<V> {
  authorize(ctx.viewer, 'content:publish');
  const documentId = existingId(adapter.noun, id);
  const viewer = ctx.viewer;
  try {
    return await inTransaction(ctx, (tx) => publishInTransaction(tx, adapter, documentId, viewer, expectedVersion, summary ?? null));
  } catch (error) {
    throw fromPrismaError(error, `published ${adapter.noun}`, id);
  }
}

/**
 * The publish itself, for an editor (with the version they saw) or the scheduler (null:
 * whatever the draft is when it falls due).
 */
export async function publishInTransaction<V extends DocumentView>(
  tx: Db,
  adapter: DocumentAdapter<V>,
  id: string,
  viewer: Viewer,
  expectedVersion: number | null,
  summary: string | null,
): Promise<V> {
  await claimVersion(tx, adapter as unknown as DocumentAdapter, id, viewer, { action: 'content:publish', expectedVersion, set: { status: 'PUBLISHED', scheduledAt: null } });
  await adapter.prepareToPublish?.(tx, id);
  const [view] = await adapter.readDrafts(tx, [id]);
  if (!view) throw notFound(adapter.noun, id);
  const refusal = adapter.unpublishable?.(view);
  if (refusal) throw conflict(`This ${adapter.noun} cannot be published yet: ${refusal}.`);

  // Links to an old slug keep working: remember it, and retire any redirect the new slug had.
  const previous = await adapter.readPublished(tx, id);
  if (previous && previous.slug !== view.slug) {
    await tx.slugRedirect.upsert({
      where: { documentType_slug: { documentType: adapter.type, slug: previous.slug } },
      create: { documentType: adapter.type, slug: previous.slug, documentId: id },
      update: { documentId: id },
    });
  }
  await tx.slugRedirect.deleteMany({ where: { documentType: adapter.type, slug: view.slug } });
  await adapter.writePublished(tx, view);
  // Publishing changes workflow columns only: the draft just read is still what it records.
  return recordRevision(tx, adapter, id, viewer, 'PUBLISH', summary, view);
}

/** Takes the published version down; the draft stays, as ARCHIVED. */
export async function unpublish<V extends DocumentView>(ctx: Ctx, adapter: DocumentAdapter<V>, id: string): Promise<V> {
  authorize(ctx.viewer, 'content:publish');
  const documentId = existingId(adapter.noun, id);
  const viewer = ctx.viewer;
  return inTransaction(ctx, async (tx) => {
    await claimVersion(tx, adapter as unknown as DocumentAdapter, documentId, viewer, { action: 'content:publish', expectedVersion: null, set: { status: 'ARCHIVED', scheduledAt: null } });
    if (!(await adapter.readPublished(tx, documentId))) throw conflict(`The ${adapter.noun} is not published.`);
    await adapter.deletePublished(tx, documentId);
    return recordRevision(tx, adapter, documentId, viewer, 'UNPUBLISH', null);
  });
}

/** Finds which kind of document an id names (ids are unique across all three). */
async function adapterFor(db: Db, id: string): Promise<DocumentAdapter> {
  for (const adapter of Object.values(adapters)) {
    if (await adapter.table(db).findUnique({ where: { id } })) return adapter;
  }
  throw notFound('document', id);
}

/** Schedules the draft to be published at `at`, which must be in the future. */
export async function schedulePublish(ctx: Ctx, id: string, at: Date): Promise<DocumentMeta> {
  authorize(ctx.viewer, 'content:publish');
  const documentId = existingId('document', id);
  if (at.getTime() <= Date.now()) throw badUserInput([{ path: 'at', message: 'must be in the future' }]);
  const viewer = ctx.viewer;
  return inTransaction(ctx, async (tx) => {
    const adapter = await adapterFor(tx, documentId);
    await claimVersion(tx, adapter, documentId, viewer, { action: 'content:publish', expectedVersion: null, set: { scheduledAt: at, status: 'SCHEDULED' } });
    return recordRevision(tx, adapter, documentId, viewer, 'SCHEDULE', `Scheduled to publish at ${at.toISOString()}`);
  });
}

export async function cancelScheduledPublish(ctx: Ctx, id: string): Promise<DocumentMeta> {
  authorize(ctx.viewer, 'content:publish');
  const documentId = existingId('document', id);
  const viewer = ctx.viewer;
  return inTransaction(ctx, async (tx) => {
    const adapter = await adapterFor(tx, documentId);
    const row = await claimVersion(tx, adapter, documentId, viewer, { action: 'content:publish', expectedVersion: null, set: { scheduledAt: null } });
    if (row.status !== 'SCHEDULED') throw conflict(`No publish is scheduled for this ${adapter.noun}.`);
    await adapter.table(tx).updateMany({ where: { id: documentId }, data: { status: await baseStatus(tx, adapter, documentId) } });
    return recordRevision(tx, adapter, documentId, viewer, 'UNSCHEDULE', 'Cancelled the scheduled publish');
  });
}

/**
 * What a document's status is when nothing is scheduled: PUBLISHED or CHANGED when a published
 * version exists (does the draft differ?), ARCHIVED when it was published once, else DRAFT.
 */
export async function baseStatus(tx: Db, adapter: DocumentAdapter, id: string): Promise<DocumentStatus> {
  const published = await adapter.readPublished(tx, id);
  if (published) {
    const [draft] = await adapter.readDrafts(tx, [id]);
    return draft && isDeepStrictEqual(adapter.snapshot(draft), published.snapshot) ? 'PUBLISHED' : 'CHANGED';
  }
  const publishes = await tx.revision.count({ where: { documentType: adapter.type, documentId: id, action: 'PUBLISH' } });
  return publishes > 0 ? 'ARCHIVED' : 'DRAFT';
}

/** Moves a document to the trash: unpublished, unscheduled, out of every default query. */
export async function trash(ctx: Ctx, adapter: DocumentAdapter, id: string): Promise<string> {
  authorize(ctx.viewer, 'content:delete');
  const documentId = existingId(adapter.noun, id);
  const viewer = ctx.viewer;
  return inTransaction(ctx, async (tx) => {
    const blocked = await adapter.blockedFromTrash(tx, documentId);
    await claimVersion(tx, adapter, documentId, viewer, { action: 'content:delete', expectedVersion: null, set: { deletedAt: new Date(), scheduledAt: null } });
    if (blocked) {
      const row = await adapter.table(tx).findUnique({ where: { id: documentId } });
      throw conflict(`The ${adapter.noun} "${row?.slug}" cannot be deleted: ${blocked.message}.`, { usedBy: blocked.usedBy });
    }
    await adapter.deletePublished(tx, documentId);
    await adapter.table(tx).updateMany({ where: { id: documentId }, data: { status: await baseStatus(tx, adapter, documentId) } });
    await recordRevision(tx, adapter, documentId, viewer, 'DELETE', 'Moved to the trash');
    return documentId;
  });
}

/** Brings a document back from the trash as an unpublished draft, history intact. */
export async function restoreFromTrash<V extends DocumentView>(ctx: Ctx, adapter: DocumentAdapter<V>, id: string): Promise<V> {
  authorize(ctx.viewer, 'content:delete');
  const documentId = existingId(adapter.noun, id);
  const viewer = ctx.viewer;
  return inTransaction(ctx, async (tx) => {
    await claimVersion(tx, adapter as unknown as DocumentAdapter, documentId, viewer, { action: 'content:delete', expectedVersion: null, inTrash: true, set: { deletedAt: null } });
    return recordRevision(tx, adapter, documentId, viewer, 'RESTORE', 'Restored from the trash');
  });
}

/** Deletes a trashed document for good, with its revisions and old slugs. */
export async function purge(ctx: Ctx, adapter: DocumentAdapter, id: string): Promise<string> {
  authorize(ctx.viewer, 'content:purge');
  const documentId = existingId(adapter.noun, id);
  const viewer = ctx.viewer;
  try {
    return await inTransaction(ctx, async (tx) => {
      await claimVersion(tx, adapter, documentId, viewer, { action: 'content:purge', expectedVersion: null, inTrash: true });
      const blocked = await adapter.blockedFromTrash(tx, documentId);
      if (blocked) throw conflict(`The ${adapter.noun} cannot be purged: ${blocked.message}.`, { usedBy: blocked.usedBy });
      await adapter.releaseReferences(tx, documentId);
      await tx.revision.deleteMany({ where: { documentType: adapter.type, documentId } });
      await tx.slugRedirect.deleteMany({ where: { documentType: adapter.type, documentId } });
      await adapter.table(tx).delete({ where: { id: documentId } });
      return documentId;
    });
  } catch (error) {
    throw fromPrismaError(error, adapter.noun, id);
  }
}

/** Makes an old revision's content the new draft, recorded as a new revision. */
export async function restoreRevision<V extends DocumentView>(
  ctx: Ctx,
  adapter: DocumentAdapter<V>,
  id: string,
  version: number,
  expectedVersion: number | null | undefined,
): Promise<V> {
  authorize(ctx.viewer, 'content:write');
  const documentId = existingId(adapter.noun, id);
  const viewer = ctx.viewer;
  try {
    return await inTransaction(ctx, async (tx) => {
      const revision = await tx.revision.findUnique({ where: { documentType_documentId_version: { documentType: adapter.type, documentId, version } } });
      if (!revision) throw notFound(`revision ${version} of ${adapter.noun}`, id);
      const row = await claimVersion(tx, adapter as unknown as DocumentAdapter, documentId, viewer, { action: 'content:write', expectedVersion: expectedVersion ?? null });
      await adapter.applySnapshot(tx, documentId, upgraded(adapter, revision.snapshot));
      await afterEdit(tx, adapter as unknown as DocumentAdapter, row);
      return recordRevision(tx, adapter, documentId, viewer, 'RESTORE_REVISION', `Restored version ${version}`);
    });
  } catch (error) {
    throw fromPrismaError(error, adapter.noun, id);
  }
}

const newestRevisionFirst: KeysetOrder = { field: 'version', direction: 'desc' };

export async function listRevisions(ctx: Ctx, adapter: DocumentAdapter, id: string, args: PageArgs): Promise<ConnectionMapper<Revision>> {
  authorize(ctx.viewer, 'drafts:read');
  const documentId = existingId(adapter.noun, id);
  const where = { documentType: adapter.type, documentId };
  const query = pageQuery(args, newestRevisionFirst);
  const rows = await ctx.prisma.revision.findMany({ where: query.after ? { AND: [where, query.after] } : where, orderBy: query.orderBy, take: query.take });
  return toConnection(rows, query, newestRevisionFirst, Boolean(args.after), () => ctx.prisma.revision.count({ where }));
}

export async function getRevision(ctx: Ctx, documentId: string, version: number): Promise<Revision | null> {
  authorize(ctx.viewer, 'drafts:read');
  const id = existingId('document', documentId);
  return ctx.prisma.revision.findFirst({ where: { documentId: id, version } });
}

/** A revision's snapshot, with fields added since it was recorded filled in (see DocumentAdapter.upgradeSnapshot). */
export function revisionSnapshot(revision: Pick<Revision, 'documentType' | 'snapshot'>): unknown {
  return upgraded(adapters[revision.documentType], revision.snapshot);
}

/** The content fields that differ between two revisions, with their values before and after. */
export async function compareRevisions(ctx: Ctx, documentId: string, from: number, to: number) {
  authorize(ctx.viewer, 'drafts:read');
  const id = existingId('document', documentId);
  const [before, after] = await Promise.all([from, to].map((version) => ctx.prisma.revision.findFirst({ where: { documentId: id, version } })));
  if (!before) throw notFound(`revision ${from} of document`, documentId);
  if (!after) throw notFound(`revision ${to} of document`, documentId);
  const a = revisionSnapshot(before) as Record<string, unknown>;
  const b = revisionSnapshot(after) as Record<string, unknown>;
  return [...new Set([...Object.keys(a), ...Object.keys(b)])]
    .sort()
    .filter((field) => !isDeepStrictEqual(a[field], b[field]))
    .map((field) => ({ field, before: a[field] ?? null, after: b[field] ?? null }));
}

/** Trashed documents of every kind, most recently deleted first. */
export async function listTrash(ctx: Ctx, args: PageArgs): Promise<ConnectionMapper<DocumentMeta>> {
  authorize(ctx.viewer, 'drafts:read');
  const order: KeysetOrder = { field: 'deletedAt', direction: 'desc' };
  const query = pageQuery(args, order);
  const where = query.after ? { AND: [{ deletedAt: { not: null } }, query.after] } : { deletedAt: { not: null } };
  const select = { id: true, deletedAt: true } as const;
  const found = (
    await Promise.all([
      ctx.prisma.article.findMany({ where, orderBy: query.orderBy, take: query.take, select }).then((rows) => rows.map((r) => ({ ...r, adapter: adapters.ARTICLE }))),
      ctx.prisma.treatment.findMany({ where, orderBy: query.orderBy, take: query.take, select }).then((rows) => rows.map((r) => ({ ...r, adapter: adapters.TREATMENT }))),
      ctx.prisma.comparison.findMany({ where, orderBy: query.orderBy, take: query.take, select }).then((rows) => rows.map((r) => ({ ...r, adapter: adapters.COMPARISON }))),
    ])
  )
    .flat()
    .sort((x, y) => y.deletedAt!.getTime() - x.deletedAt!.getTime() || (x.id < y.id ? 1 : -1))
    .slice(0, query.take);
  const views = await Promise.all(found.map(async (row) => (await row.adapter.readDrafts(ctx.prisma, [row.id]))[0]!));
  const count = async () => {
    const trashed = { where: { deletedAt: { not: null } } };
    const counts = await Promise.all([ctx.prisma.article.count(trashed), ctx.prisma.treatment.count(trashed), ctx.prisma.comparison.count(trashed)]);
    return counts.reduce((a, b) => a + b, 0);
  };
  return toConnection(views, query, order, Boolean(args.after), count);
}
