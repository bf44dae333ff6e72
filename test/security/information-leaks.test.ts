/**
 * What errors tell a client. In production: no schema (introspection off, no "Did you mean"
 * suggestions), no limit details, and internal errors masked but traceable by request id (the
 * whole error is logged on the server). In development: limit errors say which limit and by
 * how much.
 */
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createApp, type App, type AppOptions } from '../../src/server.js';
import { ADMIN_TOKEN, onlyError, useTestApi, type GraphQLResponse } from '../setup/server.js';

const DEPTH_9 = `{ articles(first: 1) { edges { node { related { article { related { article { category { id } } } } } } } } }`;
const COSTLY = `{ treatments(first: 100) { edges { node { articles(first: 100) { id } } } } }`;
const TOO_MANY_TOKENS = `{ categories { ${'id '.repeat(1996)}} }`;
const LIMIT_EXCEEDED = 'The query exceeds a server limit.';

describe('information leaks', () => {
  const api = useTestApi();
  /** The log lines the production server wrote. */
  const logged: Record<string, any>[] = [];
  const apps: App[] = [];

  /** Another server on this file's database, e.g. in production mode. */
  async function startApp(options: Partial<AppOptions>): Promise<App> {
    const logStream = new Writable({
      write(chunk, _encoding, done) {
        logged.push(JSON.parse(String(chunk)));
        done();
      },
    });
    const app = await createApp({ prisma: api.db.prisma, sql: api.db.sql, adminToken: ADMIN_TOKEN, logger: pino({ level: 'error' }, logStream), ...options });
    apps.push(app);
    return app;
  }

  async function send(app: App, query: string): Promise<GraphQLResponse> {
    const response = await app.http.inject({ method: 'POST', url: '/graphql', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ query }) });
    return { status: response.statusCode, ...response.json() };
  }

  let production: App;
  beforeAll(async () => {
    production = await startApp({ env: 'production' });
  });
  afterAll(async () => {
    for (const app of apps) await app.http.close();
  });
  beforeEach(() => api.db.resetQueryLog());

  describe('in production', () => {
    it('refuses introspection with __schema', async () => {
      const response = await send(production, '{ __schema { queryType { name } types { name } } }');
      expect(response.status).toBe(400);
      expect(onlyError(response)).toMatchObject({
        message: expect.stringMatching(/^GraphQL introspection is not allowed/),
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
      });
      expect(api.db.queries).toEqual([]);
    });

    it('refuses introspection with __type', async () => {
      const response = await send(production, '{ __type(name: "Article") { fields { name } } }');
      expect(response.status).toBe(400);
      expect(onlyError(response).extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(JSON.stringify(response)).not.toContain('"data"');
    });

    it('still answers __typename', async () => {
      expect(await send(production, '{ __typename }')).toEqual({ status: 200, data: { __typename: 'Query' } });
    });

    it('suggests no field names for a misspelled field', async () => {
      const response = await send(production, '{ categorie { id } }');
      expect(response.status).toBe(400);
      expect(onlyError(response)).toEqual({
        message: 'Cannot query field "categorie" on type "Query".',
        locations: [{ line: 1, column: 3 }],
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
      });
    });

    it('suggests no field names for a misspelled input field in the variables', async () => {
      const response = await production.http.inject({
        method: 'POST',
        url: '/graphql',
        headers: { 'content-type': 'application/json' },
        payload: JSON.stringify({ query: 'query($w: ArticleWhereInput) { articles(where: $w) { totalCount } }', variables: { w: { categorySlg: 'x' } } }),
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().errors).toEqual([
        {
          message: 'Variable "$w" got invalid value { categorySlg: "x" }; Field "categorySlg" is not defined by type "ArticleWhereInput".',
          locations: [{ line: 1, column: 7 }],
          extensions: { code: 'BAD_USER_INPUT' },
        },
      ]);
      expect(api.db.queries).toEqual([]);
    });

    it('masks an internal error as INTERNAL_SERVER_ERROR with the request id, and logs it whole with that id', async () => {
      await api.db.prisma.$executeRawUnsafe('ALTER TABLE "Category" RENAME TO "CategoryGone"');
      let response: GraphQLResponse;
      try {
        response = await send(production, '{ categories { id slug } }');
      } finally {
        await api.db.prisma.$executeRawUnsafe('ALTER TABLE "CategoryGone" RENAME TO "Category"');
      }
      expect(response.status).toBe(200);
      const error = onlyError(response);
      expect(error).toEqual({
        message: 'Internal server error',
        locations: [{ line: 1, column: 3 }],
        path: ['categories'],
        extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: expect.any(String) },
      });
      expect(JSON.stringify(response)).not.toMatch(/CategoryGone|"Category"|SELECT|prisma|stack|\bat /i);

      const entry = logged.find((line) => line.msg === 'internal error' && line.requestId === error.extensions.requestId);
      expect(entry).toBeDefined();
      expect(entry!.path).toEqual(['categories']);
      expect(entry!.err.stack).toEqual(expect.any(String));
      expect(JSON.stringify(entry!.err)).toMatch(/Category/);
    });

    it('does not name the limit a too-deep query exceeds', async () => {
      const response = await send(production, DEPTH_9);
      expect(response.status).toBe(400);
      expect(onlyError(response)).toEqual({ message: LIMIT_EXCEEDED, locations: [{ line: 1, column: 1 }], extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
      expect(api.db.queries).toEqual([]);
    });

    it('does not name the limit a too-costly query exceeds', async () => {
      const response = await send(production, COSTLY);
      expect(response.status).toBe(400);
      expect(onlyError(response)).toEqual({ message: LIMIT_EXCEEDED, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
      expect(api.db.queries).toEqual([]);
    });

    it('does not name the limit a document of too many tokens exceeds', async () => {
      const response = await send(production, TOO_MANY_TOKENS);
      expect(response.status).toBe(400);
      const error = onlyError(response);
      expect(error.message).toBe(LIMIT_EXCEEDED);
      expect(error.extensions).toEqual({ code: 'GRAPHQL_PARSE_FAILED' });
      expect(api.db.queries).toEqual([]);
    });

    it('allows introspection and suggestions when the configuration enables them', async () => {
      const open = await startApp({ env: 'production', introspection: true });
      expect(await send(open, '{ __schema { queryType { name } } }')).toEqual({ status: 200, data: { __schema: { queryType: { name: 'Query' } } } });
      expect(onlyError(await send(open, '{ categorie { id } }')).message).toMatch(/Did you mean "categories"/);
    });
  });

  describe('in development', () => {
    it('suggests field names for a misspelled field', async () => {
      const response = await api.query('{ categorie { id } }');
      expect(onlyError(response).message).toMatch(/^Cannot query field "categorie" on type "Query"\. Did you mean "categories"/);
    });

    it('names the limit and the numbers', async () => {
      const depth = onlyError(await api.query(DEPTH_9));
      expect(depth).toMatchObject({ message: 'Query depth 9 exceeds the limit of 8.', extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit: 'depth' } });
      const cost = onlyError(await api.query(COSTLY));
      expect(cost).toMatchObject({ message: 'Query estimated cost 10202 exceeds the limit of 5000.', extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit: 'cost' } });
      const tokens = onlyError(await api.query(TOO_MANY_TOKENS));
      expect(tokens).toMatchObject({ message: 'Query token count exceeds the limit of 2000.', extensions: { code: 'GRAPHQL_PARSE_FAILED', limit: 'tokens' } });
      expect(api.db.queries).toEqual([]);
    });
  });

  describe('configuration', () => {
    it('turns introspection off in production unless ENABLE_INTROSPECTION says otherwise', () => {
      expect(loadConfig({ NODE_ENV: 'production' }).introspection).toBe(false);
      expect(loadConfig({ NODE_ENV: 'production', ENABLE_INTROSPECTION: 'true' }).introspection).toBe(true);
      expect(loadConfig({ NODE_ENV: 'development' }).introspection).toBe(true);
      expect(loadConfig({ NODE_ENV: 'development', ENABLE_INTROSPECTION: 'false' }).introspection).toBe(false);
      expect(() => loadConfig({ ENABLE_INTROSPECTION: 'yes' })).toThrow(/ENABLE_INTROSPECTION/);
    });
  });
});
