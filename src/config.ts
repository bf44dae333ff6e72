/**
 * Configuration from the environment, read and checked once at start. Every knob the server
 * has is here, with its default, so the README's table and the code cannot drift apart.
 */
import path from 'node:path';
import { z } from 'zod';

/**
 * The database limits that keep an overloaded database from hanging requests. Defaults for
 * the environment below and for code that opens a database without saying (tests).
 */
export interface DatabaseLimits {
  /** The longest one statement may run, in ms, before the server cancels it; 0 for no limit. */
  statementTimeoutMs: number;
  /** The most connections open at once. */
  poolSize: number;
  /** How long a query waits for a free connection, in ms, before it fails. */
  poolTimeoutMs: number;
}

export const DATABASE_LIMIT_DEFAULTS: DatabaseLimits = { statementTimeoutMs: 10_000, poolSize: 10, poolTimeoutMs: 5_000 };

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().default('0.0.0.0'),
  /** A PostgreSQL server. When unset, an embedded PGlite database in DATA_DIR is used. */
  DATABASE_URL: z.string().url().optional(),
  DATA_DIR: z.string().default('.data'),
  /** The bootstrap credential for editors; generated (and printed) in development when unset. */
  ADMIN_TOKEN: z.string().min(16, 'ADMIN_TOKEN must be at least 16 characters').optional(),
  /** Load the sample content into an empty database at start ("false" to skip). */
  SEED_SAMPLE_CONTENT: z.enum(['true', 'false']).default('true').transform((v) => v === 'true'),
  /** How often the scheduler looks for documents due to be published. */
  SCHEDULER_INTERVAL_MS: z.coerce.number().int().min(100).max(60_000).default(1000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Schema introspection and "Did you mean …" suggestions in errors; default: on, except in production. */
  ENABLE_INTROSPECTION: z.enum(['true', 'false']).optional(),
  /** Requests a minute per credential / per address without one (defaults in security/limits.ts). */
  RATE_LIMIT_PER_CREDENTIAL: z.coerce.number().int().min(1).optional(),
  RATE_LIMIT_PER_IP: z.coerce.number().int().min(1).optional(),
  /** Behind a reverse proxy: take the client address from X-Forwarded-For (for per-address limits). */
  TRUST_PROXY: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  /** The longest one SQL statement may run before PostgreSQL cancels it (0: no limit). */
  DB_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).default(DATABASE_LIMIT_DEFAULTS.statementTimeoutMs),
  /** The most connections the server opens to PostgreSQL. */
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(1000).default(DATABASE_LIMIT_DEFAULTS.poolSize),
  /** How long a query waits for a free connection (or a transaction to start) before failing. */
  DB_POOL_TIMEOUT_MS: z.coerce.number().int().min(1).default(DATABASE_LIMIT_DEFAULTS.poolTimeoutMs),
  /** The most memory the response cache's answers take, in MB (0: no response cache). */
  RESPONSE_CACHE_MAX_MB: z.coerce.number().min(0).max(4096).default(32),
});

export interface Config {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  adminToken: string | undefined;
  seedSampleContent: boolean;
  logLevel: string;
  schedulerIntervalMs: number;
  /** Whether clients may introspect the schema and get field suggestions in errors. */
  introspection: boolean;
  trustProxy: boolean;
  rateLimits: { requestsPerCredential?: number; requestsPerIp?: number };
  databaseLimits: DatabaseLimits;
  /** The response cache's size in bytes; 0 when it is off. */
  responseCacheMaxBytes: number;
}

/** Reads the configuration; throws with every problem listed when the environment is invalid. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(
    Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== '')),
  );
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  const e = parsed.data;
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(e.DATA_DIR),
    adminToken: e.ADMIN_TOKEN,
    seedSampleContent: e.SEED_SAMPLE_CONTENT,
    logLevel: e.LOG_LEVEL,
    schedulerIntervalMs: e.SCHEDULER_INTERVAL_MS,
    introspection: e.ENABLE_INTROSPECTION === undefined ? e.NODE_ENV !== 'production' : e.ENABLE_INTROSPECTION === 'true',
    trustProxy: e.TRUST_PROXY,
    rateLimits: {
      ...(e.RATE_LIMIT_PER_CREDENTIAL ? { requestsPerCredential: e.RATE_LIMIT_PER_CREDENTIAL } : {}),
      ...(e.RATE_LIMIT_PER_IP ? { requestsPerIp: e.RATE_LIMIT_PER_IP } : {}),
    },
    databaseLimits: { statementTimeoutMs: e.DB_STATEMENT_TIMEOUT_MS, poolSize: e.DB_POOL_SIZE, poolTimeoutMs: e.DB_POOL_TIMEOUT_MS },
    responseCacheMaxBytes: Math.floor(e.RESPONSE_CACHE_MAX_MB * 1024 * 1024),
  };
}
