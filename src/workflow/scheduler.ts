/**
 * Publishes documents whose scheduled time has come. Every server process runs one; they share
 * the work through the database, not a timer per document: each due document is claimed with
 * `SELECT ... FOR UPDATE SKIP LOCKED` inside the transaction that publishes it and clears its
 * schedule, so a document is published exactly once however many processes poll, and a
 * document that fell due while no server ran is published at the next poll after start.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { Viewer } from '../auth/viewer.js';
import { runTransaction } from '../context.js';
import type { PrismaClient } from '../db/client.js';
import type { DocumentType } from './documents.js';
import { claimVersion, recordRevision } from './versioning.js';
import { adapters, baseStatus, publishInTransaction } from './workflow.service.js';

const schedulerViewer: Viewer = { id: 'scheduler', role: 'ADMIN', kind: 'system' };

const tables: Record<DocumentType, string> = { ARTICLE: '"Article"', TREATMENT: '"Treatment"', COMPARISON: '"Comparison"' };

export interface Scheduler {
  /** Publishes everything due now; answers how many documents it published. */
  runOnce(): Promise<number>;
  /** How many documents this scheduler has published since it started. */
  readonly publishedCount: number;
  stop(): Promise<void>;
}

export function createScheduler(options: { prisma: PrismaClient; logger: FastifyBaseLogger; intervalMs?: number }): Scheduler {
  const { prisma, logger } = options;
  let running: Promise<number> | null = null;
  let stopped = false;
  let publishedCount = 0;

  /** Claims and publishes one due document of `type`; answers false when none is left due. */
  async function publishNextDue(type: DocumentType): Promise<boolean> {
    const adapter = adapters[type];
    let claimedId: string | null = null;
    try {
      return await runTransaction(prisma, async (tx) => {
        const due = await tx.$queryRawUnsafe<{ id: string }[]>(
          `SELECT id::text AS id FROM ${tables[type]} WHERE "scheduledAt" <= now() AND "deletedAt" IS NULL ORDER BY "scheduledAt", id LIMIT 1 FOR UPDATE SKIP LOCKED`,
        );
        claimedId = due[0]?.id ?? null;
        if (!claimedId) return false;
        await publishInTransaction(tx, adapter, claimedId, schedulerViewer, null, 'Published as scheduled');
        logger.info({ type, id: claimedId }, 'scheduled publish done');
        publishedCount += 1;
        return true;
      });
    } catch (error) {
      if (!claimedId) throw error;
      // It cannot be published (say its slug is now taken): drop the schedule, say why in its
      // history, and go on with the others instead of retrying it forever.
      logger.warn({ err: error, type, id: claimedId }, 'scheduled publish failed; schedule cancelled');
      const id: string = claimedId;
      await runTransaction(prisma, async (tx) => {
        await claimVersion(tx, adapter, id, schedulerViewer, { action: 'content:publish', expectedVersion: null, set: { scheduledAt: null } });
        await adapter.table(tx).updateMany({ where: { id }, data: { status: await baseStatus(tx, adapter, id) } });
        await recordRevision(tx, adapter, id, schedulerViewer, 'UNSCHEDULE', `Scheduled publish failed: ${(error as Error).message}`);
      });
      return true;
    }
  }

  async function runOnce(): Promise<number> {
    const before = publishedCount;
    for (const type of Object.keys(adapters) as DocumentType[]) {
      while (!stopped && (await publishNextDue(type)));
    }
    return publishedCount - before;
  }

  const timer = setInterval(() => {
    if (running) return;
    running = runOnce()
      .catch((error: unknown) => {
        logger.error({ err: error }, 'scheduler poll failed');
        return 0;
      })
      .finally(() => {
        running = null;
      });
  }, options.intervalMs ?? 1000);
  timer.unref();

  return {
    runOnce,
    get publishedCount() {
      return publishedCount;
    },
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
