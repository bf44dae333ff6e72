/**
 * Rate limits: every request is charged to its credential (or, without one, to its address)
 * before anything runs, and every login attempt is charged to its email and address, aliases
 * in one request included. Each test builds its own server over this file's database, with the
 * real limits or small ones, and talks to it from its own address so tests do not share counters.
 */
import { pino } from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { RATE_LIMITS } from '../../src/security/limits.js';
import { consumeLoginAttempt, createRateLimits, type RateLimitConfig } from '../../src/security/rate-limits.js';
import { createApp, type App } from '../../src/server.js';
import { contentCounts } from '../factories.js';
import { ADMIN_TOKEN, onlyError, useTestApi, type GraphQLResponse } from '../setup/server.js';

const CREATE_CATEGORY = 'mutation($input: CreateCategoryInput!) { createCategory(input: $input) { id } }';
const CREATE_USER = 'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }';
const LOGIN = 'mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token } }';
const PASSWORD = 'correct horse battery staple';
const EDITOR = { authorization: `Bearer ${ADMIN_TOKEN}` };

interface Reply extends GraphQLResponse {
  headers: Record<string, unknown>;
}

describe('rate limits', () => {
  const api = useTestApi();
  const apps: App[] = [];
  afterAll(async () => {
    for (const app of apps) await app.http.close();
  });

  /** A server over this file's database with the given limits (the real ones when none are given). */
  async function server(rateLimits?: Partial<RateLimitConfig>): Promise<App> {
    const app = await createApp({ prisma: api.db.prisma, sql: api.db.sql, adminToken: ADMIN_TOKEN, logger: pino({ level: 'silent' }), ...(rateLimits ? { rateLimits } : {}) });
    apps.push(app);
    return app;
  }

  let addresses = 0;
  /** A client address no other test uses (from the benchmarking range, 198.18.0.0/15). */
  function newAddress(): string {
    addresses += 1;
    return `198.18.${Math.floor(addresses / 250)}.${(addresses % 250) + 1}`;
  }

  async function send(app: App, ip: string, query: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}): Promise<Reply> {
    const response = await app.http.inject({
      method: 'POST',
      url: '/graphql',
      remoteAddress: ip,
      headers: { 'content-type': 'application/json', ...headers },
      payload: JSON.stringify({ query, variables }),
    });
    return { status: response.statusCode, headers: response.headers, ...response.json() };
  }

  /** Asserts a request-level refusal: 429, RATE_LIMITED with the wait, and Retry-After saying the same. */
  function expectRefused(response: Reply, windowSeconds: number) {
    expect(response.status).toBe(429);
    expect(response.data).toBeUndefined();
    const error = onlyError(response);
    expect(error.extensions.code).toBe('RATE_LIMITED');
    const wait = error.extensions.retryAfterSeconds as number;
    expect(Number.isInteger(wait) && wait >= 1 && wait <= windowSeconds).toBe(true);
    // (Under vitest, Apollo prefixes "Context creation failed: ": its graphql and ours are two module copies there.)
    expect(error.message).toMatch(/Too many requests; try again in \d+ seconds?\.$/);
    expect(response.headers['retry-after']).toBe(String(wait));
  }

  let users = 0;
  async function makeUser(): Promise<string> {
    users += 1;
    const email = `reader${users}@example.org`;
    const { errors } = await api.asEditor(CREATE_USER, { input: { email, name: `Reader ${users}`, role: 'EDITOR', password: PASSWORD } });
    if (errors) throw new Error(JSON.stringify(errors));
    return email;
  }

  describe('per request', () => {
    it('are 300 a minute per credential and 600 per address by default', async () => {
      expect(createRateLimits().config).toEqual({
        requestsPerCredential: 300,
        requestsPerIp: 600,
        requestWindowSeconds: 60,
        loginAttemptsPerEmail: 5,
        loginAttemptsPerIp: 20,
        loginWindowSeconds: 900,
      });
      expect(createRateLimits().config).toEqual(RATE_LIMITS);
      // And a server built without limits applies them.
      const app = await server();
      const ip = newAddress();
      for (let i = 0; i < 600; i += 1) {
        const response = await send(app, ip, '{ __typename }');
        if (response.status !== 200) throw new Error(`anonymous request ${i + 1} was refused: ${JSON.stringify(response)}`);
      }
      expectRefused(await send(app, ip, '{ __typename }'), 60);
      const editorIp = newAddress();
      for (let i = 0; i < 300; i += 1) {
        const response = await send(app, editorIp, '{ __typename }', undefined, EDITOR);
        if (response.status !== 200) throw new Error(`editor request ${i + 1} was refused: ${JSON.stringify(response)}`);
      }
      expectRefused(await send(app, editorIp, '{ __typename }', undefined, EDITOR), 60);
    });

    it('refuse anonymous requests over the per-address limit with RATE_LIMITED, 429 and Retry-After, running no SQL', async () => {
      const app = await server({ requestsPerIp: 3 });
      const ip = newAddress();
      for (let i = 0; i < 3; i += 1) expect(await send(app, ip, '{ categories { id } }')).toMatchObject({ status: 200, data: { categories: expect.any(Array) } });
      const before = await contentCounts(api);
      api.db.resetQueryLog();
      expectRefused(await send(app, ip, '{ categories { id } }'), 60);
      // Writes are charged the same way; refused before authentication, so even the lookup is skipped.
      expectRefused(await send(app, ip, CREATE_CATEGORY, { input: { slug: 'anonymous-write', name: 'Anonymous write' } }), 60);
      expect(api.db.queries).toEqual([]);
      expect(await contentCounts(api)).toEqual(before);
      // Another address has its own allowance.
      expect((await send(app, newAddress(), '{ categories { id } }')).status).toBe(200);
    });

    it('refuse a credential over its limit, writes included, without touching the address allowance', async () => {
      const app = await server({ requestsPerCredential: 2, requestsPerIp: 100 });
      const ip = newAddress();
      for (const slug of ['limited-one', 'limited-two']) {
        const { data } = await send(app, ip, CREATE_CATEGORY, { input: { slug, name: slug } }, EDITOR);
        expect(data?.createCategory.id).toEqual(expect.any(String));
      }
      const before = await contentCounts(api);
      api.db.resetQueryLog();
      const refused = await send(app, ip, CREATE_CATEGORY, { input: { slug: 'limited-three', name: 'limited-three' } }, EDITOR);
      expectRefused(refused, 60);
      expect(api.db.queries).toEqual([]);
      expect(await contentCounts(api)).toEqual(before);
      // The credential is limited wherever it comes from; the address still serves the public.
      expectRefused(await send(app, newAddress(), '{ __typename }', undefined, EDITOR), 60);
      expect(await send(app, ip, '{ __typename }')).toMatchObject({ status: 200, data: { __typename: 'Query' } });
    });

    it('charge made-up credentials to the address, so new tokens buy no new allowance', async () => {
      const app = await server({ requestsPerIp: 3, requestsPerCredential: 100 });
      const ip = newAddress();
      for (let i = 0; i < 3; i += 1) {
        const response = await send(app, ip, '{ __typename }', undefined, { authorization: `Bearer made-up-token-${i}` });
        expect(response.status).toBe(401);
        expect(onlyError(response).extensions.code).toBe('UNAUTHENTICATED');
      }
      expectRefused(await send(app, ip, '{ __typename }', undefined, { authorization: 'Bearer made-up-token-3' }), 60);
      expectRefused(await send(app, ip, '{ __typename }'), 60);
    });
  });

  describe('login attempts', () => {
    it('are charged one by one: over the per-email limit, consumeLoginAttempt throws RATE_LIMITED with the wait', async () => {
      const limits = createRateLimits({ loginAttemptsPerEmail: 2, loginAttemptsPerIp: 100, loginWindowSeconds: 600 });
      await consumeLoginAttempt(limits, '198.51.100.1', 'someone@example.org');
      await consumeLoginAttempt(limits, '198.51.100.2', ' SOMEONE@example.org ');
      const error = await consumeLoginAttempt(limits, '198.51.100.3', 'someone@example.org').then(
        () => undefined,
        (e: unknown) => e as { message: string; extensions: Record<string, unknown> },
      );
      expect(error?.extensions).toEqual({ code: 'RATE_LIMITED', retryAfterSeconds: expect.any(Number) });
      expect(error!.extensions.retryAfterSeconds).toBeGreaterThan(540);
      expect(error!.extensions.retryAfterSeconds).toBeLessThanOrEqual(600);
      expect(error!.message).toBe('Too many sign-in attempts; try again in 10 minutes.');
      // Another email is not affected.
      await expect(consumeLoginAttempt(limits, '198.51.100.1', 'someone-else@example.org')).resolves.toBeUndefined();
    });

    it('are charged per address across emails', async () => {
      const limits = createRateLimits({ loginAttemptsPerEmail: 100, loginAttemptsPerIp: 3 });
      for (let i = 0; i < 3; i += 1) await consumeLoginAttempt(limits, '198.51.100.9', `user${i}@example.org`);
      await expect(consumeLoginAttempt(limits, '198.51.100.9', 'fresh@example.org')).rejects.toMatchObject({ extensions: { code: 'RATE_LIMITED' } });
      await expect(consumeLoginAttempt(limits, '198.51.100.10', 'fresh@example.org')).resolves.toBeUndefined();
    });

    it('count each aliased login in one request: the 6th for one email is RATE_LIMITED and signs nobody in', async () => {
      const app = await server();
      const email = await makeUser();
      const sessions = await api.db.prisma.session.count();
      const before = await contentCounts(api);
      // Mutations run in order; every one is an attempt, right password or not.
      const aliases = [1, 2, 3, 4, 5, 6].map((n) => `a${n}: login(email: $email, password: $password) { token }`).join(' ');
      const response = await send(app, newAddress(), `mutation($email: String!, $password: String!) { ${aliases} }`, { email, password: PASSWORD });
      expect(response.status).toBe(200);
      const error = onlyError(response);
      expect(error.path).toEqual(['a6']);
      expect(error.extensions.code).toBe('RATE_LIMITED');
      expect(error.extensions.retryAfterSeconds).toBeGreaterThan(0);
      expect(error.extensions.retryAfterSeconds).toBeLessThanOrEqual(900);
      // The five allowed attempts signed in; the sixth wrote nothing.
      expect(await api.db.prisma.session.count()).toBe(sessions + 5);
      expect(await contentCounts(api)).toEqual(before);
      // The email stays limited from anywhere, even with the right password.
      const again = await send(app, newAddress(), LOGIN, { email: email.toUpperCase(), password: PASSWORD });
      expect(onlyError(again).extensions.code).toBe('RATE_LIMITED');
      expect(await api.db.prisma.session.count()).toBe(sessions + 5);
    });

    it('count attempts per address across emails through the API', async () => {
      const app = await server({ loginAttemptsPerIp: 3 });
      const ip = newAddress();
      const emails = [await makeUser(), await makeUser(), await makeUser(), await makeUser()];
      for (const email of emails.slice(0, 3)) {
        expect(onlyError(await send(app, ip, LOGIN, { email, password: 'wrong password here' })).extensions.code).toBe('UNAUTHENTICATED');
      }
      const sessions = await api.db.prisma.session.count();
      const refused = await send(app, ip, LOGIN, { email: emails[3], password: PASSWORD });
      expect(onlyError(refused).extensions.code).toBe('RATE_LIMITED');
      expect(await api.db.prisma.session.count()).toBe(sessions);
      // The same user signs in from another address.
      expect((await send(app, newAddress(), LOGIN, { email: emails[3], password: PASSWORD })).data?.login.token).toEqual(expect.any(String));
    });
  });
});
