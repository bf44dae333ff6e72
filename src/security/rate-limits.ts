/**
 * Rate limits against hostile request volumes: every GraphQL request is charged before it
 * runs anything, and every login attempt is charged on its own (so aliased `login` fields in
 * one request count one by one). Counters live in this process's memory
 * (rate-limiter-flexible's RateLimiterMemory): one set per server, made by `createRateLimits`.
 * The numbers are in limits.ts.
 *
 * - A request with an Authorization header is charged to that credential; one without is
 *   charged to the client address. Both happen before authentication, so a refused request
 *   runs no SQL. A credential that then fails to authenticate is charged to the address as
 *   well, and an address over its limit is refused whatever credential it sends, so made-up
 *   tokens do not buy a fresh allowance each.
 * - Over the request limit: RATE_LIMITED with HTTP 429 and Retry-After.
 * - Over a login limit: that `login` field fails with RATE_LIMITED (the response stays 200,
 *   as other fields of the request may have succeeded).
 */
import { createHash } from 'node:crypto';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { Authenticate, Viewer } from '../auth/viewer.js';
import { ErrorCode, rateLimited } from '../errors.js';
import { RATE_LIMITS } from './limits.js';

export interface RateLimitConfig {
  requestsPerCredential: number;
  requestsPerIp: number;
  requestWindowSeconds: number;
  loginAttemptsPerEmail: number;
  loginAttemptsPerIp: number;
  loginWindowSeconds: number;
}

/** One server's counters. */
export interface RateLimits {
  readonly config: Readonly<RateLimitConfig>;
  readonly requestsPerCredential: RateLimiterMemory;
  readonly requestsPerIp: RateLimiterMemory;
  readonly loginAttemptsPerEmail: RateLimiterMemory;
  readonly loginAttemptsPerIp: RateLimiterMemory;
}

/** Fresh counters with the limits in limits.ts, or with the ones given instead. */
export function createRateLimits(overrides: Partial<RateLimitConfig> = {}): RateLimits {
  const config: RateLimitConfig = { ...RATE_LIMITS, ...overrides };
  for (const [name, value] of Object.entries(config)) {
    if (!Number.isInteger(value) || value < 1) throw new Error(`Rate limit ${name} must be a positive integer, not ${value}.`);
  }
  const limiter = (keyPrefix: string, points: number, duration: number) => new RateLimiterMemory({ keyPrefix, points, duration });
  return {
    config,
    requestsPerCredential: limiter('request:credential', config.requestsPerCredential, config.requestWindowSeconds),
    requestsPerIp: limiter('request:ip', config.requestsPerIp, config.requestWindowSeconds),
    loginAttemptsPerEmail: limiter('login:email', config.loginAttemptsPerEmail, config.loginWindowSeconds),
    loginAttemptsPerIp: limiter('login:ip', config.loginAttemptsPerIp, config.loginWindowSeconds),
  };
}

/** Whole seconds until the limiter lets the key through again (at least 1). */
function secondsUntilNext(res: RateLimiterRes): number {
  return Math.max(1, Math.ceil(res.msBeforeNext / 1000));
}

function describeWait(seconds: number): string {
  if (seconds < 120) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  return `${Math.ceil(seconds / 60)} minutes`;
}

/** Charges one point; answers the wait in seconds when over the limit, else undefined. */
async function charge(limiter: RateLimiterMemory, key: string): Promise<number | undefined> {
  try {
    await limiter.consume(key);
    return undefined;
  } catch (rejection) {
    // The memory store rejects with the counter's state when over the limit; anything else is a bug.
    if (rejection instanceof RateLimiterRes) return secondsUntilNext(rejection);
    throw rejection;
  }
}

function tooManyRequests(seconds: number) {
  return rateLimited(`Too many requests; try again in ${describeWait(seconds)}.`, seconds, { http: true });
}

/** A stable key for a credential that does not keep the secret itself in memory. */
function credentialKey(authorization: string): string {
  return createHash('sha256').update(authorization.trim()).digest('base64url');
}

/**
 * Charges one request, before anything else is done for it. Throws RATE_LIMITED (HTTP 429,
 * Retry-After) when the credential, or the address, is over its limit.
 */
export async function consumeRequest(limits: RateLimits, ip: string, authorization: string | undefined): Promise<void> {
  if (authorization === undefined || authorization.trim() === '') {
    const wait = await charge(limits.requestsPerIp, ip);
    if (wait !== undefined) throw tooManyRequests(wait);
    return;
  }
  // An address that has used up its allowance (anonymous requests and failed credentials) is refused whatever it sends.
  const address = await limits.requestsPerIp.get(ip);
  if (address && address.consumedPoints >= limits.config.requestsPerIp && address.msBeforeNext > 0) throw tooManyRequests(secondsUntilNext(address));
  const wait = await charge(limits.requestsPerCredential, credentialKey(authorization));
  if (wait !== undefined) throw tooManyRequests(wait);
}

/**
 * Wraps the authenticator so that every request is charged first (see `consumeRequest`), and a
 * credential that does not check out is charged to the address as well.
 */
export function rateLimitedAuthenticator(limits: RateLimits, authenticate: Authenticate) {
  return async (authorization: string | undefined, ip: string): Promise<Viewer | null> => {
    await consumeRequest(limits, ip, authorization);
    try {
      return await authenticate(authorization);
    } catch (error) {
      if ((error as { extensions?: { code?: unknown } }).extensions?.code === ErrorCode.UNAUTHENTICATED) {
        await limits.requestsPerIp.penalty(ip);
      }
      throw error;
    }
  };
}

/**
 * Charges one login attempt to the address and to the email (case and surrounding spaces
 * ignored). The login service calls this for each attempt, before checking the password.
 * Throws RATE_LIMITED (with `retryAfterSeconds`) when either is over its limit.
 */
export async function consumeLoginAttempt(limits: RateLimits, ip: string, email: string): Promise<void> {
  // The address first: an address over its limit does not also use up the email's attempts.
  const wait = (await charge(limits.loginAttemptsPerIp, ip)) ?? (await charge(limits.loginAttemptsPerEmail, email.trim().toLowerCase()));
  if (wait !== undefined) {
    throw rateLimited(`Too many sign-in attempts; try again in ${describeWait(wait)}.`, wait);
  }
}

let shared: RateLimits | undefined;

/** The counters for contexts built outside a server (scripts, the scheduler, tests of services). */
export function defaultRateLimits(): RateLimits {
  shared ??= createRateLimits();
  return shared;
}
