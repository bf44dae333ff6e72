/**
 * The API as a test talks to it: the real server (Fastify + Apollo) over a fresh database,
 * driven through Fastify's HTTP injection, so every request takes the same path as in
 * production: HTTP parsing, CSRF checks, context, resolvers, SQL.
 */
import { pino } from 'pino';
import { afterAll, beforeAll } from 'vitest';
import { createApp, type App, type AppOptions } from '../../src/server.js';
import { createTestDatabase, type TestDatabase } from './db.js';

export const ADMIN_TOKEN = 'test-admin-token-0123456789abcdef';

/**
 * Rate limits no test file reaches: files send hundreds of requests (and log in many times)
 * within a minute. test/security/rate-limits.test.ts builds servers with the real and small ones.
 */
export const GENEROUS_RATE_LIMITS = { requestsPerCredential: 1_000_000, requestsPerIp: 1_000_000, loginAttemptsPerEmail: 1_000_000, loginAttemptsPerIp: 1_000_000 };

export interface GraphQLResponse<T = Record<string, any>> {
  status: number;
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions: { code: string; [key: string]: any } }[];
}

export interface TestApi {
  db: TestDatabase;
  app: App;
  /** Sends an operation as the public (no token). */
  query<T = Record<string, any>>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
  /** Sends an operation as an editor (the admin token). */
  asEditor<T = Record<string, any>>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
  /** Sends an operation with the given headers. */
  send<T = Record<string, any>>(query: string, variables: Record<string, unknown> | undefined, headers: Record<string, string>): Promise<GraphQLResponse<T>>;
}

export interface TestAppOptions {
  /** Turns the response cache on, with this many bytes (it listens on the test database). */
  responseCacheMaxBytes?: number;
  prisma?: AppOptions['prisma'];
  sql?: AppOptions['sql'];
  rateLimits?: AppOptions['rateLimits'];
}

/** Another server on `db` (the same database as a file's api, or a second server beside it). */
export function createTestApp(db: TestDatabase, options: TestAppOptions = {}): Promise<App> {
  return createApp({
    prisma: options.prisma ?? db.prisma,
    sql: options.sql ?? db.sql,
    adminToken: ADMIN_TOKEN,
    logger: pino({ level: 'silent' }),
    rateLimits: options.rateLimits ?? GENEROUS_RATE_LIMITS,
    responseCache: options.responseCacheMaxBytes ? { maxBytes: options.responseCacheMaxBytes, listen: db.listen } : undefined,
  });
}

/** Starts a server on a fresh database for the current test file, and stops it afterwards. */
export function useTestApi(options: TestAppOptions = {}): TestApi {
  const api = {} as TestApi;
  beforeAll(async () => {
    api.db = await createTestDatabase();
    api.app = await createTestApp(api.db, options);
    api.send = async (query, variables, headers) => {
      const response = await api.app.http.inject({
        method: 'POST',
        url: '/graphql',
        headers: { 'content-type': 'application/json', ...headers },
        payload: JSON.stringify({ query, variables }),
      });
      return { status: response.statusCode, ...response.json() };
    };
    api.query = (query, variables) => api.send(query, variables, {});
    api.asEditor = (query, variables) => api.send(query, variables, { authorization: `Bearer ${ADMIN_TOKEN}` });
  }, 120_000);
  afterAll(async () => {
    await api.app?.http.close();
    await api.db?.destroy();
  });
  return api;
}

/** The single error of a response, for assertions on its code and message. */
export function onlyError(response: GraphQLResponse) {
  if (response.errors?.length !== 1) throw new Error(`expected exactly one error, got ${JSON.stringify(response.errors ?? response.data)}`);
  return response.errors[0]!;
}
