/**
 * The HTTP server: Fastify with Apollo Server mounted at /graphql, plus a health check. No
 * business logic lives here.
 */
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import fastifyApollo, { fastifyApolloDrainPlugin } from '@as-integrations/fastify';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { GraphQLFormattedError } from 'graphql';
import { createAuthenticator } from './auth/viewer.js';
import { ResponseCache } from './cache/response-cache.js';
import { responseCachePlugin, serveCachedAnswers } from './cache/response-cache.http.js';
import { IGNORE_DEPENDENCIES } from './cache/tags.js';
import { createContext, type Context } from './context.js';
import { cacheControlPlugin } from './http/cache-control.js';
import type { Listen, PrismaClient } from './db/client.js';
import type { SqlReader } from './db/sql.js';
import { DATABASE_BUSY_MESSAGE, ErrorCode, isDatabaseBusy } from './errors.js';
import { resolvers, typeDefs } from './schema.js';
import { MAX_BODY_BYTES, MAX_TOKENS } from './security/limits.js';
import { noNulCharactersRule, nulCharactersPlugin } from './security/nul-characters.js';
import { formatTokenLimitError, queryCostLimitPlugin, queryLimitRules } from './security/query-limits.js';
import { createRateLimits, rateLimitedAuthenticator, type RateLimitConfig } from './security/rate-limits.js';

export interface AppOptions {
  prisma: PrismaClient;
  /** The same database's plain-SQL reader (db/sql.ts), for the public read path. */
  sql: SqlReader;
  adminToken: string;
  logger: FastifyBaseLogger;
  /**
   * 'production' hides what clients need not see: which limit a query exceeded, introspection
   * and field suggestions (unless `introspection` says otherwise); internal errors carry the
   * request id. Defaults to 'development'.
   */
  env?: 'development' | 'production' | 'test';
  /** Introspection (and field suggestions in errors) for tools like GraphiQL; default: on, except in production. */
  introspection?: boolean;
  /** Take the client address from X-Forwarded-For (only behind a proxy you run). */
  trustProxy?: boolean;
  /** Rate limits in place of those in security/limits.ts (tests use small or generous ones). */
  rateLimits?: Partial<RateLimitConfig>;
  /**
   * Keeps answers to public queries in memory (see cache/response-cache.ts), up to `maxBytes`,
   * invalidated through `listen` (the database's LISTEN). Off when absent.
   */
  responseCache?: { maxBytes: number; ttlMs?: number; listen: Listen } | undefined;
}

export interface App {
  http: FastifyInstance;
  apollo: ApolloServer<Context>;
  /** The response cache, when it is on. */
  responseCache: ResponseCache | null;
}

const GRAPHQL_PATH = '/graphql';

/** Builds the server, ready to `listen` (or to `inject` requests in tests). */
export async function createApp(options: AppOptions): Promise<App> {
  // A larger body is refused with 413 before it reaches Apollo.
  const http = Fastify({ loggerInstance: options.logger, bodyLimit: MAX_BODY_BYTES, trustProxy: options.trustProxy ?? false });
  // One set of counters per server; every request is charged before authentication (no SQL when refused).
  const rateLimits = createRateLimits(options.rateLimits);
  const authenticate = rateLimitedAuthenticator(rateLimits, createAuthenticator(options.prisma, options.adminToken));

  const production = options.env === 'production';
  const introspection = options.introspection ?? !production;
  const responseCache = options.responseCache
    ? await ResponseCache.start({
        ...options.responseCache,
        logger: options.logger,
        notify: async (channel, payload) => void (await options.prisma.$executeRaw`SELECT pg_notify(${channel}, ${payload})`),
      })
    : null;
  const apollo = new ApolloServer<Context>({
    typeDefs,
    resolvers,
    introspection,
    hideSchemaDetailsFromClientErrors: !introspection,
    includeStacktraceInErrorResponses: false,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    // Hostile shapes are refused before execution (src/security): tokens here, the rest in validation.
    parseOptions: { maxLexicalTokens: MAX_TOKENS },
    validationRules: [...queryLimitRules({ production }), noNulCharactersRule],
    formatError: (formatted, error) => maskInternalErrors(formatTokenLimitError(introspection ? formatted : withoutSuggestions(formatted), { production }), error),
    plugins: [
      fastifyApolloDrainPlugin(http),
      logInternalErrors(options.logger, production),
      queryCostLimitPlugin({ production }),
      nulCharactersPlugin(),
      // Our own Cache-Control (public published reads vs private) instead of Apollo's per-field hints.
      ApolloServerPluginCacheControlDisabled(),
      cacheControlPlugin(),
      ...(responseCache ? [responseCachePlugin(responseCache)] : []),
    ],
  });
  await apollo.start();

  if (responseCache) {
    // Before the route is registered, so that hits are answered ahead of Apollo.
    http.addHook('preHandler', serveCachedAnswers(responseCache, rateLimits, GRAPHQL_PATH));
    http.addHook('onClose', () => responseCache.close());
  }
  await http.register(fastifyApollo(apollo), {
    path: GRAPHQL_PATH,
    context: async (request) => {
      const viewer = await authenticate(request.headers.authorization, request.ip);
      // Only answers to the public are cached, so only their dependencies are recorded.
      const dependencies = viewer === null && responseCache ? responseCache.begin() : IGNORE_DEPENDENCIES;
      return createContext(options.prisma, options.sql, viewer, { id: String(request.id), ip: request.ip }, rateLimits, dependencies);
    },
  });

  http.get('/healthz', async (_request, reply) => {
    try {
      await options.prisma.$queryRaw`SELECT 1`;
      return { status: 'ok' };
    } catch {
      return reply.code(503).send({ status: 'unavailable', reason: 'database unreachable' });
    }
  });

  return { http, apollo, responseCache };
}

/**
 * Drops "Did you mean …?" from a message. hideSchemaDetailsFromClientErrors drops it from
 * validation errors only; a misspelled input field in the variables would still be suggested.
 */
function withoutSuggestions(formatted: GraphQLFormattedError): GraphQLFormattedError {
  return { ...formatted, message: formatted.message.replace(/ ?Did you mean(.+?)\?$/, '') };
}

/**
 * Whatever a client did not cause (a bug, a lost database connection) reaches it only as
 * "Internal server error": no stack, no SQL, no Prisma message. The original is logged.
 */
function maskInternalErrors(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  if (code === undefined || code === ErrorCode.INTERNAL_SERVER_ERROR) {
    // An overloaded database (statement or pool timeout) is said so: the client may retry.
    if (isDatabaseBusy(error)) {
      return { message: DATABASE_BUSY_MESSAGE, locations: formatted.locations, path: formatted.path, extensions: { code: ErrorCode.SERVICE_UNAVAILABLE } };
    }
    return { message: 'Internal server error', locations: formatted.locations, path: formatted.path, extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };
  }
  return formatted;
}

/** Logs internal errors whole, with the request id; in production the client gets that id too. */
function logInternalErrors(logger: FastifyBaseLogger, production: boolean): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, operationName, contextValue }) {
          for (const error of errors) {
            const code = error.extensions?.code;
            if (code === undefined || code === ErrorCode.INTERNAL_SERVER_ERROR) {
              logger.error({ err: unwrapResolverError(error), path: error.path, operationName, requestId: contextValue.request.id }, 'internal error');
            }
          }
        },
        async willSendResponse({ response, contextValue }) {
          if (!production || response.body.kind !== 'single' || !response.body.singleResult.errors) return;
          const requestId = contextValue.request.id;
          response.body.singleResult.errors = response.body.singleResult.errors.map((error) =>
            error.extensions?.code === ErrorCode.INTERNAL_SERVER_ERROR ? { ...error, extensions: { ...error.extensions, requestId } } : error,
          );
        },
      };
    },
  };
}
