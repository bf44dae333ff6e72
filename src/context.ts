/**
 * The per-request context: who is calling, the Prisma client, and this request's DataLoaders.
 * Built once per request; loaders are never shared between requests (they cache).
 */
import type { Viewer } from './auth/viewer.js';
import { IGNORE_DEPENDENCIES, type CacheDependencies } from './cache/tags.js';
import type { PrismaClient } from './db/client.js';
import type { SqlReader } from './db/sql.js';
import type { Prisma } from './__generated__/prisma/client.js';
import { createLoaders, type Loaders } from './loaders.js';
import { defaultRateLimits, type RateLimits } from './security/rate-limits.js';

/** What services use of the database: the client, or a transaction bound to it. */
export type Db = Prisma.TransactionClient;

/** Where the request came from, for rate limits and logs. */
export interface RequestInfo {
  /** Fastify's request id, also sent to clients with internal errors. */
  id: string;
  /** The client's address (the socket's, or the proxy's X-Forwarded-For when TRUST_PROXY is set). */
  ip: string;
}

export interface Context {
  prisma: PrismaClient;
  /** Plain SQL for the public read path (published pages, lists, search): see db/sql.ts. */
  sql: SqlReader;
  viewer: Viewer | null;
  loaders: Loaders;
  request: RequestInfo;
  /** The server's rate-limit counters (login attempts are charged here); see security/rate-limits.ts. */
  rateLimits: RateLimits;
  /** Where reads of published data record what the answer depends on (see cache/tags.ts). */
  cache: CacheDependencies;
}

export function createContext(
  prisma: PrismaClient,
  sql: SqlReader,
  viewer: Viewer | null,
  request: RequestInfo = { id: 'internal', ip: '127.0.0.1' },
  rateLimits: RateLimits = defaultRateLimits(),
  cache: CacheDependencies = IGNORE_DEPENDENCIES,
): Context {
  return { prisma, sql, viewer, loaders: createLoaders(prisma, sql, cache), request, rateLimits, cache };
}

/**
 * What services need: the caller and a database handle, which may already be a transaction
 * (seeding and imports run many service calls in one).
 */
export interface ServiceContext {
  prisma: PrismaClient | Db;
  viewer: Viewer | null;
}

/** Transaction clients opened here; Prisma gives them a `$transaction` too, so it cannot tell. */
const openTransactions = new WeakSet<object>();

/** Opens a transaction on `prisma` and runs `work` in it; services called with `tx` join it. */
export function runTransaction<T>(prisma: PrismaClient, work: (tx: Db) => Promise<T>, options?: { timeout?: number; maxWait?: number }): Promise<T> {
  return prisma.$transaction(async (tx) => {
    openTransactions.add(tx);
    return work(tx);
  }, options);
}

/**
 * Runs `work` in one database transaction, so a mutation that fails part-way writes nothing.
 * Inside an enclosing transaction it joins that one. Loaders are not used inside: they would
 * read outside the transaction.
 */
export function inTransaction<T>(ctx: Pick<ServiceContext, 'prisma'>, work: (tx: Db) => Promise<T>): Promise<T> {
  const db = ctx.prisma;
  return openTransactions.has(db) ? work(db) : runTransaction(db as PrismaClient, work);
}
