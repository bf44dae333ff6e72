/**
 * Where the response cache meets HTTP. Cacheable means: a query, sent without a credential,
 * answered without errors as one JSON result. Every such answer is keyed by the query's
 * SHA-256 (the same hash automatic persisted queries use), the operation name and the
 * variables in canonical JSON.
 *
 * - Hits are answered by a Fastify hook in front of Apollo: measured on this machine, it serves
 *   two to four times the requests a second of answering them in Apollo's pipeline (from
 *   `responseForOperation`, which still parses, checks and serializes the answer). The
 *   hook answers only requests Apollo would answer the same way (see `cacheKeyOfHttpRequest`),
 *   charges the rate limit first, and sends the headers Apollo's path sends; anything else
 *   goes on to Apollo.
 * - The Apollo plugin does the rest: answers hits the hook left alone (another Accept header,
 *   say), stores cacheable answers, sets `x-cache` (HIT, MISS, or BYPASS for anything not
 *   cacheable), and holds each mutation's response until its invalidations are applied here.
 */
import { createHash } from 'node:crypto';
import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FormattedExecutionResult } from 'graphql';
import type { Context } from '../context.js';
import { PUBLIC_CACHE_CONTROL } from '../http/cache-control.js';
import { consumeRequest, type RateLimits } from '../security/rate-limits.js';
import { RequestDependencies, type ResponseCache } from './response-cache.js';

export type CacheOutcome = 'HIT' | 'MISS' | 'BYPASS';

/** The content type Apollo answers a single result with when the client has no preference. */
const APPLICATION_JSON = 'application/json; charset=utf-8';

/** The cache key of an operation: its query's SHA-256 (hex), its operation name and its variables. */
export function cacheKey(queryHash: string, operationName: string | undefined, variables: Record<string, unknown> | undefined): string {
  // An absent operation name and an empty one are different requests (the second fails).
  const name = operationName === undefined ? '' : `#${operationName}`;
  return createHash('sha256').update(`${queryHash}\n${name}\n${canonicalJson(variables ?? null)}`).digest('base64url');
}

/** JSON with object keys sorted, so `{a, b}` and `{b, a}` are one key. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    return `{${Object.keys(record)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** The body Apollo sends for a result (runHttpQuery: fields in this order, then a newline). */
function serializeResult(result: FormattedExecutionResult): string {
  return `${JSON.stringify({ errors: result.errors, data: result.data, extensions: result.extensions })}\n`;
}

// ---------------------------------------------------------------------------------------------
// In front of Apollo: hits

/**
 * Accept values for which Apollo answers `application/json; charset=utf-8`: any list of these
 * ranges, without parameters (no q-values), with at least one that matches JSON.
 */
const PLAIN_JSON_RANGES = new Set(['application/json', 'application/*', '*/*', 'text/plain']);

function answeredAsPlainJson(accept: string | undefined): boolean {
  if (accept === undefined) return true;
  let json = false;
  for (const range of accept.split(',')) {
    const mediaType = range.trim().toLowerCase();
    if (!PLAIN_JSON_RANGES.has(mediaType)) return false;
    if (mediaType !== 'text/plain') json = true;
  }
  return json;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !Buffer.isBuffer(value);
}

/** A search parameter given at most once, JSON-decoded when `json`; `false` when Apollo would refuse it. */
function searchParam(params: URLSearchParams, name: string, json: boolean): unknown {
  const values = params.getAll(name);
  if (values.length === 0) return undefined;
  if (values.length > 1) return false;
  if (!json) return values[0];
  try {
    const parsed: unknown = JSON.parse(values[0]!);
    return isRecord(parsed) ? parsed : false;
  } catch {
    return false;
  }
}

/**
 * The cache key of an HTTP request that Apollo would answer, if cached, exactly as the hook
 * does; null for anything else (then Apollo takes it). Apollo's own checks, mirrored:
 * - no credential (and Apollo would then see the public);
 * - an Accept header that gets `application/json` (others get another content type);
 * - POST with a JSON body (which passes CSRF prevention), or GET with a preflight header and
 *   no content type (CSRF prevention refuses a GET without one);
 * - fields of the right types; a persisted-query hash (version 1) that matches the query, or
 *   stands for it when the query is left out.
 */
export function cacheKeyOfHttpRequest(request: FastifyRequest): string | null {
  const headers = request.headers;
  if (headers.authorization !== undefined || !answeredAsPlainJson(headers.accept)) return null;

  let query: unknown;
  let operationName: unknown;
  let variables: unknown;
  let extensions: unknown;
  if (request.method === 'POST') {
    if (headers['content-type']?.split(';')[0]!.trim().toLowerCase() !== 'application/json' || !isRecord(request.body)) return null;
    ({ query, operationName, variables, extensions } = request.body);
  } else if (request.method === 'GET') {
    if (headers['content-type'] !== undefined || !(headers['apollo-require-preflight'] || headers['x-apollo-operation-name'])) return null;
    const start = request.url.indexOf('?');
    const params = new URLSearchParams(start < 0 ? '' : request.url.slice(start + 1));
    query = searchParam(params, 'query', false);
    operationName = searchParam(params, 'operationName', false);
    variables = searchParam(params, 'variables', true);
    extensions = searchParam(params, 'extensions', true);
  } else {
    return null;
  }

  if (query !== undefined && query !== null && (typeof query !== 'string' || query === '')) return null;
  if (operationName !== undefined && operationName !== null && typeof operationName !== 'string') return null;
  if (variables !== undefined && variables !== null && !isRecord(variables)) return null;
  if (extensions !== undefined && extensions !== null && !isRecord(extensions)) return null;

  let queryHash = typeof query === 'string' ? createHash('sha256').update(query).digest('hex') : undefined;
  const persisted = isRecord(extensions) ? extensions.persistedQuery : undefined;
  if (persisted) {
    if (!isRecord(persisted) || persisted.version !== 1 || typeof persisted.sha256Hash !== 'string') return null;
    if (queryHash !== undefined && queryHash !== persisted.sha256Hash) return null;
    queryHash = persisted.sha256Hash;
  }
  if (queryHash === undefined) return null;
  return cacheKey(queryHash, typeof operationName === 'string' ? operationName : undefined, isRecord(variables) ? variables : undefined);
}

/**
 * A Fastify preHandler for the GraphQL route that answers cached answers before Apollo runs.
 * The request is charged to the rate limit like any other; over the limit, Apollo refuses it.
 */
export function serveCachedAnswers(cache: ResponseCache, rateLimits: RateLimits, path: string) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> => {
    if (!cache.available || request.routeOptions.url !== path) return undefined;
    const key = cacheKeyOfHttpRequest(request);
    const answer = key === null ? undefined : cache.get(key);
    if (!answer) return undefined;
    try {
      await consumeRequest(rateLimits, request.ip, undefined);
    } catch {
      return undefined;
    }
    return reply
      .code(200)
      .header('content-type', APPLICATION_JSON)
      .header('cache-control', PUBLIC_CACHE_CONTROL)
      .header('vary', 'authorization')
      .header('x-cache', 'HIT' satisfies CacheOutcome)
      .send(answer.body);
  };
}

// ---------------------------------------------------------------------------------------------
// Inside Apollo: misses, stores, the rest of the hits, and read-your-writes

/**
 * The Apollo side of the response cache: looks up public queries the hook did not answer,
 * stores what is cacheable, sets `x-cache`, and makes each mutation's response wait for
 * `cache.sync()`.
 */
export function responseCachePlugin(cache: ResponseCache): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      let outcome: CacheOutcome = 'BYPASS';
      let key: string | undefined;
      return {
        async responseForOperation({ operation, contextValue, queryHash, request }) {
          // The context collects dependencies only for requests without a credential.
          if (operation.operation !== 'query' || contextValue.viewer !== null || !(contextValue.cache instanceof RequestDependencies) || !cache.available || !queryHash) return null;
          key = cacheKey(queryHash, request.operationName, request.variables);
          const answer = cache.get(key);
          outcome = answer ? 'HIT' : 'MISS';
          if (!answer) return null;
          return { http: { status: undefined, headers: new HeaderMap() }, body: { kind: 'single', singleResult: JSON.parse(answer.body.toString('utf8')) as FormattedExecutionResult } };
        },
        async willSendResponse({ response, contextValue, operation }) {
          // The mutation has committed: answer once its invalidations have reached this process.
          if (operation?.operation === 'mutation') await cache.sync();
          const dependencies = contextValue.cache;
          if (
            outcome === 'MISS' &&
            key !== undefined &&
            dependencies instanceof RequestDependencies &&
            response.body.kind === 'single' &&
            !response.body.singleResult.errors?.length &&
            (response.http.status ?? 200) === 200
          ) {
            cache.store(dependencies, key, Buffer.from(serializeResult(response.body.singleResult)));
          }
          response.http.headers.set('x-cache', outcome);
        },
      };
    },
  };
}
