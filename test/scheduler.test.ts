/**
 * Scheduled publishing: due documents are published within a few seconds of their time,
 * exactly once however many server processes share the database, including those that fell
 * due while no server was running.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { createScheduler } from '../src/workflow/scheduler.js';
import { makeArticle, makeComparison, makeTreatment } from './factories.js';
import { useTestApi } from './setup/server.js';

const SCHEDULE = 'mutation($id: ID!, $at: DateTime!) { schedulePublish(id: $id, at: $at) { id } }';
const silent = pino({ level: 'silent' });

async function waitFor(condition: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`not done within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Runs one scheduler in a separate Node process against `url` for `ms` ms; answers how many it published. */
function schedulerProcess(url: string, ms: number): Promise<number> {
  const script = fileURLToPath(new URL('./support/scheduler-process.ts', import.meta.url));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, url, String(ms)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(Number(output.trim())) : reject(new Error(`scheduler process exited with ${code}`))));
  });
}

describe('the scheduler', () => {
  const api = useTestApi();

  it('publishes a scheduled draft within a few seconds of its time', async () => {
    const article = await makeArticle(api, { title: 'On time' }, { publish: false });
    const at = new Date(Date.now() + 1500);
    await api.asEditor(SCHEDULE, { id: article.id, at: at.toISOString() });
    const scheduler = createScheduler({ prisma: api.db.prisma, logger: silent, intervalMs: 200 });
    try {
      await waitFor(async () => (await api.query(`{ article(slug: "${article.slug}") { id } }`)).data?.article !== null, 10_000);
    } finally {
      await scheduler.stop();
    }
    const published = await api.db.prisma.revision.findFirstOrThrow({ where: { documentId: article.id, action: 'PUBLISH' } });
    expect(published.author).toBe('scheduler');
    expect(published.createdAt.getTime()).toBeGreaterThanOrEqual(at.getTime());
    expect(published.createdAt.getTime() - at.getTime()).toBeLessThan(5000);
    expect((await api.asEditor(`{ article(slug: "${article.slug}", preview: true) { status scheduledAt } }`)).data!.article).toEqual({ status: 'PUBLISHED', scheduledAt: null });
  });

  it('catches up on documents that fell due while no scheduler ran', async () => {
    const article = await makeArticle(api, {}, { publish: false });
    await api.asEditor(SCHEDULE, { id: article.id, at: new Date(Date.now() + 300).toISOString() });
    await new Promise((resolve) => setTimeout(resolve, 600));
    // A server starting now: its first poll publishes what is overdue.
    const scheduler = createScheduler({ prisma: api.db.prisma, logger: silent, intervalMs: 60_000 });
    try {
      expect(await scheduler.runOnce()).toBe(1);
    } finally {
      await scheduler.stop();
    }
    expect((await api.query(`{ article(slug: "${article.slug}") { status } }`)).data!.article).toEqual({ status: 'PUBLISHED' });
  });

  it('drops a schedule that cannot be carried out, saying why in the history', async () => {
    const comparison = await makeComparison(api, {}, { publish: false });
    await api.asEditor(SCHEDULE, { id: comparison.id, at: new Date(Date.now() + 200).toISOString() });
    await new Promise((resolve) => setTimeout(resolve, 400));
    const scheduler = createScheduler({ prisma: api.db.prisma, logger: silent, intervalMs: 60_000 });
    try {
      await scheduler.runOnce();
    } finally {
      await scheduler.stop();
    }
    const row = await api.db.prisma.comparison.findUniqueOrThrow({ where: { id: comparison.id } });
    expect(row).toMatchObject({ status: 'DRAFT', scheduledAt: null });
    const last = await api.db.prisma.revision.findFirstOrThrow({ where: { documentId: comparison.id }, orderBy: { version: 'desc' } });
    expect(last).toMatchObject({ action: 'UNSCHEDULE', author: 'scheduler' });
    expect(last.summary).toContain('at least two treatments');
  });

  it('publishes each due document exactly once with two schedulers polling the same database', async () => {
    const [a, b] = [await makeTreatment(api), await makeTreatment(api)];
    const documents = [
      ...(await Promise.all(Array.from({ length: 12 }, () => makeArticle(api, {}, { publish: false })))),
      ...(await Promise.all(Array.from({ length: 4 }, () => makeTreatment(api, {}, { publish: false })))),
      ...(await Promise.all(Array.from({ length: 4 }, () => makeComparison(api, { treatmentIds: [a.id, b.id] }, { publish: false })))),
    ];
    const at = new Date(Date.now() + 1000).toISOString();
    for (const document of documents) await api.asEditor(SCHEDULE, { id: document.id, at });

    let publishedBySchedulers: number[];
    if (api.db.url) {
      // Two real server processes on one PostgreSQL database.
      publishedBySchedulers = await Promise.all([schedulerProcess(api.db.url, 9000), schedulerProcess(api.db.url, 9000)]);
    } else {
      // The embedded engine belongs to one process: two schedulers inside it share the database.
      const schedulers = [1, 2].map(() => createScheduler({ prisma: api.db.prisma, logger: silent, intervalMs: 50 }));
      const ids = documents.map((d) => d.id);
      await waitFor(async () => (await api.db.prisma.revision.count({ where: { documentId: { in: ids }, action: 'PUBLISH' } })) >= ids.length, 40_000);
      // Let both keep polling a while longer: nothing more may be published.
      await new Promise((resolve) => setTimeout(resolve, 500));
      await Promise.all(schedulers.map((s) => s.stop()));
      publishedBySchedulers = schedulers.map((s) => s.publishedCount);
    }
    // Between them the schedulers published each document once: no more, no less.
    expect(publishedBySchedulers.reduce((a, b) => a + b)).toBe(documents.length);
    console.info(`scheduled publishes per scheduler: ${publishedBySchedulers.join(' + ')} = ${documents.length} documents`);

    for (const document of documents) {
      const publishes = await api.db.prisma.revision.count({ where: { documentId: document.id, action: 'PUBLISH' } });
      expect(publishes, `publishes of ${document.slug}`).toBe(1);
      // Created (1), scheduled (2), published (3): no second claim of the version.
      expect((await api.db.prisma.revision.findFirstOrThrow({ where: { documentId: document.id }, orderBy: { version: 'desc' } })).version).toBe(3);
    }
    const ids = documents.map((d) => d.id);
    const published = await Promise.all([
      api.db.prisma.publishedArticle.count({ where: { articleId: { in: ids } } }),
      api.db.prisma.publishedTreatment.count({ where: { treatmentId: { in: ids } } }),
      api.db.prisma.publishedComparison.count({ where: { comparisonId: { in: ids } } }),
    ]);
    expect(published).toEqual([12, 4, 4]);
  }, 60_000);
});
