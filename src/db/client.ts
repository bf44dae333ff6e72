/**
 * Opens the database: a PostgreSQL server when a connection string is given, else an embedded
 * PGlite database (in a folder, or in memory for tests). Both are reached through Prisma Client
 * with a driver adapter, and migrated through the same adapter; the public read path's plain
 * SQL (sql.ts) goes over the same connections.
 */
import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import pg from 'pg';
import { PrismaClient } from '../__generated__/prisma/client.js';
import { DATABASE_LIMIT_DEFAULTS, type DatabaseLimits } from '../config.js';
import { applyMigrations, loadMigrationList } from './migrations.js';
import { pgliteReader, postgresReader, type SqlReader } from './sql.js';

export type { PrismaClient };

export interface DatabaseOptions {
  /** A PostgreSQL connection string; when absent the embedded engine is used. */
  url?: string | undefined;
  /** Where the embedded engine keeps its files; in memory when absent. */
  dataDir?: string | undefined;
  /** Called with each SQL statement sent, by Prisma or by `sql` (tests and benchmarks count them). */
  onQuery?: ((sql: string) => void) | undefined;
  /**
   * Timeouts and pool size (defaults: DATABASE_LIMIT_DEFAULTS). On PostgreSQL all three apply.
   * The embedded engine has one connection and cannot cancel a running statement (PGlite
   * accepts `SET statement_timeout` but never enforces it), so there only `poolTimeoutMs`
   * applies, as the longest wait to start a transaction while another one holds the database.
   */
  limits?: Partial<DatabaseLimits> | undefined;
}

export interface Database {
  prisma: PrismaClient;
  /** Plain SQL for the public read path, on the same connections (see db/sql.ts). */
  sql: SqlReader;
  kind: 'postgresql' | 'pglite';
  adapterFactory: SqlMigrationAwareDriverAdapterFactory;
  /** Applies pending migrations; answers the names applied. */
  migrate(): Promise<string[]>;
  /**
   * LISTENs on `channel` on a connection of its own (PostgreSQL) or on the embedded engine
   * itself. Resolves once listening; rejects when that fails.
   */
  listen: Listen;
  close(): Promise<void>;
}

export type Listen = (channel: string, handlers: ListenHandlers) => Promise<Subscription>;

export interface ListenHandlers {
  onNotification(payload: string): void;
  /**
   * The connection is gone: notifications may have been missed and no more arrive through
   * this subscription; listen again. Not called after `close()`, nor ever on the embedded
   * engine (it is in this process, with no connection to lose).
   */
  onLost(error: Error): void;
}

export interface Subscription {
  close(): Promise<void>;
}

/** How often a listening connection proves it is alive (a cut network may never say so). */
const LISTENER_HEARTBEAT_MS = 10_000;
const LISTENER_HEARTBEAT_TIMEOUT_MS = 5_000;

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  let adapterFactory: SqlMigrationAwareDriverAdapterFactory;
  /** What migrations run through: on PostgreSQL, connections without the statement timeout. */
  let migrationAdapter: () => { factory: SqlMigrationAwareDriverAdapterFactory; close(): Promise<void> };
  let closeDriver: () => Promise<void> = async () => {};
  let kind: Database['kind'];
  let listen: Listen;
  let reader: SqlReader;
  const limits: DatabaseLimits = { ...DATABASE_LIMIT_DEFAULTS, ...options.limits };

  if (options.url) {
    kind = 'postgresql';
    // One pool for Prisma and for the plain SQL of the read path.
    const pool = new pg.Pool({
      connectionString: options.url,
      max: limits.poolSize,
      // Waiting for a free connection fails after this instead of queueing without end.
      connectionTimeoutMillis: limits.poolTimeoutMs,
      // Sent as a startup parameter: the server cancels any statement that runs longer
      // (SQLSTATE 57014, answered to clients as SERVICE_UNAVAILABLE; see errors.ts).
      ...(limits.statementTimeoutMs > 0 ? { statement_timeout: limits.statementTimeoutMs } : {}),
    });
    // An idle connection the server drops is replaced on the next checkout; without a
    // listener the 'error' event would end the process.
    pool.on('error', () => {});
    adapterFactory = new PrismaPg(pool);
    reader = postgresReader(pool, options.onQuery);
    closeDriver = () => pool.end();
    const url = options.url;
    // A migration that rewrites a large table may run for minutes: the timeout that protects
    // requests would cancel it (and leave it recorded as failed) half way.
    migrationAdapter = () => {
      const migrationPool = new pg.Pool({ connectionString: url, max: 1 });
      migrationPool.on('error', () => {});
      return { factory: new PrismaPg(migrationPool), close: () => migrationPool.end() };
    };
    listen = (channel, handlers) => listenOnPostgres(url, channel, handlers);
  } else {
    kind = 'pglite';
    if (options.dataDir) await mkdir(options.dataDir, { recursive: true });
    const pglite = await PGlite.create(options.dataDir);
    adapterFactory = new PrismaPGlite(pglite);
    const factory = adapterFactory;
    migrationAdapter = () => ({ factory, close: async () => {} });
    reader = pgliteReader(pglite, options.onQuery);
    closeDriver = () => pglite.close();
    listen = async (channel, handlers) => {
      const unlisten = await pglite.listen(channel, (payload) => handlers.onNotification(payload));
      return { close: () => unlisten() };
    };
  }

  const prisma = new PrismaClient({
    adapter: adapterFactory,
    // Waiting to start a transaction (for a pooled connection, or for the embedded engine's
    // single one) is bounded by the same timeout as any other wait for a connection.
    transactionOptions: { maxWait: limits.poolTimeoutMs },
    log: options.onQuery ? [{ emit: 'event', level: 'query' }] : [],
  });
  if (options.onQuery) {
    const onQuery = options.onQuery;
    (prisma as PrismaClient<'query'>).$on('query', (event) => onQuery(event.query));
  }

  return {
    prisma,
    sql: reader,
    kind,
    adapterFactory,
    async migrate() {
      // The schema engine (WebAssembly, tens of MB resident for good) is loaded only when there
      // is something to apply: a restart on an up-to-date database costs one query.
      if (await isUpToDate(prisma)) return [];
      const migrations = migrationAdapter();
      try {
        return await applyMigrations(migrations.factory);
      } finally {
        await migrations.close();
      }
    },
    listen,
    async close() {
      await prisma.$disconnect();
      await closeDriver();
    },
  };
}

/** Whether every migration in the folder is recorded as applied (none failed or rolled back). */
async function isUpToDate(prisma: PrismaClient): Promise<boolean> {
  const wanted = (await loadMigrationList()).migrationDirectories.map((dir) => dir.path);
  let applied: { migration_name: string }[];
  try {
    applied = await prisma.$queryRaw`
      SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
  } catch {
    // No migrations table yet: a new database.
    return false;
  }
  const names = new Set(applied.map((row) => row.migration_name));
  return wanted.every((name) => names.has(name));
}

/**
 * A LISTEN on its own pg connection: the pool's connections are lent to one query at a time,
 * so notifications need one that stays. Errors, the server closing it, and a heartbeat that
 * goes unanswered all end the subscription with `onLost`.
 */
async function listenOnPostgres(url: string, channel: string, handlers: ListenHandlers): Promise<Subscription> {
  const client = new pg.Client({
    connectionString: url,
    application_name: `cms-listen-${channel}`,
    keepAlive: true,
    connectionTimeoutMillis: LISTENER_HEARTBEAT_TIMEOUT_MS,
    query_timeout: LISTENER_HEARTBEAT_TIMEOUT_MS,
  });
  let ended = false;
  let heartbeat: NodeJS.Timeout | undefined = undefined;
  const end = (): Promise<void> => {
    ended = true;
    clearInterval(heartbeat);
    client.removeAllListeners('notification');
    // Errors while closing a connection that is already broken say nothing new.
    client.on('error', () => {});
    return client.end().catch(() => {});
  };
  const lose = (error: Error) => {
    if (ended) return;
    void end();
    handlers.onLost(error);
  };
  client.on('notification', (message) => {
    if (message.channel === channel) handlers.onNotification(message.payload ?? '');
  });
  client.on('error', lose);
  client.on('end', () => lose(new Error('the listening connection was closed')));
  try {
    await client.connect();
    await client.query(`LISTEN "${channel.replaceAll('"', '""')}"`);
  } catch (error) {
    await end();
    throw error;
  }
  heartbeat = setInterval(() => {
    client.query('SELECT 1').catch((error: unknown) => lose(error instanceof Error ? error : new Error(String(error))));
  }, LISTENER_HEARTBEAT_MS);
  heartbeat.unref();
  return {
    async close() {
      if (!ended) await end();
    },
  };
}
