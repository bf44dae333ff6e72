/**
 * A fresh database for one test file: its own PostgreSQL database on the server named by
 * DATABASE_URL (so files run in parallel without seeing each other), or an in-memory embedded
 * PGlite database when DATABASE_URL is unset. Migrations are applied the way the server does.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { DatabaseLimits } from '../../src/config.js';
import { openDatabase, type Database } from '../../src/db/client.js';

export interface TestDatabase extends Database {
  /** The connection string of this file's database, when it is on a PostgreSQL server. */
  url: string | undefined;
  /** SQL statements Prisma has sent since the last `resetQueryLog()`. */
  queries: string[];
  resetQueryLog(): void;
  /** Closes the connection and drops the database. */
  destroy(): Promise<void>;
}

export async function createTestDatabase(options: { limits?: Partial<DatabaseLimits> } = {}): Promise<TestDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  const queries: string[] = [];
  const onQuery = (sql: string) => queries.push(sql);

  if (!serverUrl) {
    const db = await openDatabase({ onQuery, limits: options.limits });
    await db.migrate();
    queries.length = 0;
    return { ...db, url: undefined, queries, resetQueryLog: () => void (queries.length = 0), destroy: () => db.close() };
  }

  const name = `cms_test_${randomBytes(6).toString('hex')}`;
  await withAdminClient(serverUrl, (client) => client.query(`CREATE DATABASE "${name}"`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const db = await openDatabase({ url: url.toString(), onQuery, limits: options.limits });
  await db.migrate();
  queries.length = 0;
  return {
    ...db,
    url: url.toString(),
    queries,
    resetQueryLog: () => void (queries.length = 0),
    async destroy() {
      await db.close();
      await withAdminClient(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };
}

async function withAdminClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
