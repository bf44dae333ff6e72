/**
 * Opens the database: a PostgreSQL server when a connection string is given, else an embedded
 * PGlite database (in a folder, or in memory for tests). Both are reached through Prisma Client
 * with a driver adapter, and migrated through the same adapter.
 */
import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { PrismaClient } from '../__generated__/prisma/client.js';
import { applyMigrations } from './migrations.js';

export type { PrismaClient };

export interface DatabaseOptions {
  /** A PostgreSQL connection string; when absent the embedded engine is used. */
  url?: string | undefined;
  /** Where the embedded engine keeps its files; in memory when absent. */
  dataDir?: string | undefined;
  /** Called with each SQL statement Prisma sends (tests and benchmarks count them). */
  onQuery?: ((sql: string) => void) | undefined;
}

export interface Database {
  prisma: PrismaClient;
  kind: 'postgresql' | 'pglite';
  adapterFactory: SqlMigrationAwareDriverAdapterFactory;
  /** Applies pending migrations; answers the names applied. */
  migrate(): Promise<string[]>;
  close(): Promise<void>;
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  let adapterFactory: SqlMigrationAwareDriverAdapterFactory;
  let closeDriver: () => Promise<void> = async () => {};
  let kind: Database['kind'];

  if (options.url) {
    kind = 'postgresql';
    adapterFactory = new PrismaPg({ connectionString: options.url });
  } else {
    kind = 'pglite';
    if (options.dataDir) await mkdir(options.dataDir, { recursive: true });
    const pglite = await PGlite.create(options.dataDir);
    adapterFactory = new PrismaPGlite(pglite);
    closeDriver = () => pglite.close();
  }

  const prisma = new PrismaClient({
    adapter: adapterFactory,
    log: options.onQuery ? [{ emit: 'event', level: 'query' }] : [],
  });
  if (options.onQuery) {
    const onQuery = options.onQuery;
    (prisma as PrismaClient<'query'>).$on('query', (event) => onQuery(event.query));
  }

  return {
    prisma,
    kind,
    adapterFactory,
    migrate: () => applyMigrations(adapterFactory),
    async close() {
      await prisma.$disconnect();
      await closeDriver();
    },
  };
}
