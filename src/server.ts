/**
 * The HTTP server: Fastify with Apollo Server mounted at /graphql, plus a health check. No
 * business logic lives here.
 */
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import fastifyApollo, { fastifyApolloDrainPlugin } from '@as-integrations/fastify';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { GraphQLFormattedError } from 'graphql';
import { createAuthenticator } from './auth/viewer.js';
import { createContext, type Context } from './context.js';
import type { PrismaClient } from './db/client.js';
import { ErrorCode } from './errors.js';
import { resolvers, typeDefs } from './schema.js';

export interface AppOptions {
  prisma: PrismaClient;
  adminToken: string;
  logger: FastifyBaseLogger;
  /** Introspection for tools like GraphiQL; on unless turned off. */
  introspection?: boolean;
}

export interface App {
  http: FastifyInstance;
  apollo: ApolloServer<Context>;
}

/** Builds the server, ready to `listen` (or to `inject` requests in tests). */
export async function createApp(options: AppOptions): Promise<App> {
  const http = Fastify({ loggerInstance: options.logger });
  const authenticate = createAuthenticator(options.prisma, options.adminToken);

  const apollo = new ApolloServer<Context>({
    typeDefs,
    resolvers,
    introspection: options.introspection ?? true,
    includeStacktraceInErrorResponses: false,
    formatError: maskInternalErrors,
    plugins: [fastifyApolloDrainPlugin(http), logInternalErrors(options.logger)],
  });
  await apollo.start();

  await http.register(fastifyApollo(apollo), {
    path: '/graphql',
    context: async (request) =>
      createContext(options.prisma, await authenticate(request.headers.authorization), { id: String(request.id), ip: request.ip }),
  });

  http.get('/healthz', async (_request, reply) => {
    try {
      await options.prisma.$queryRaw`SELECT 1`;
      return { status: 'ok' };
    } catch {
      return reply.code(503).send({ status: 'unavailable', reason: 'database unreachable' });
    }
  });

  return { http, apollo };
}

/**
 * Whatever a client did not cause (a bug, a lost database connection) reaches it only as
 * "Internal server error": no stack, no SQL, no Prisma message. The original is logged.
 */
function maskInternalErrors(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  if (code === undefined || code === ErrorCode.INTERNAL_SERVER_ERROR) {
    return { message: 'Internal server error', locations: formatted.locations, path: formatted.path, extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };
  }
  return formatted;
}

function logInternalErrors(logger: FastifyBaseLogger): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, operationName }) {
          for (const error of errors) {
            const code = error.extensions?.code;
            if (code === undefined || code === ErrorCode.INTERNAL_SERVER_ERROR) {
              logger.error({ err: unwrapResolverError(error), path: error.path, operationName }, 'internal error');
            }
          }
        },
      };
    },
  };
}
