/**
 * PostgreSQL text cannot hold the NUL character (U+0000): a string carrying one fails in the
 * database, which a client would see as an internal error. So every string a client sends is
 * checked before anything runs, and one with a NUL is refused as the client's mistake, saying
 * where it is: in the query's own literals by a validation rule (Apollo caches its verdict per
 * document), in the variables by a plugin, for each request.
 */
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { GraphQLError, type ValidationRule } from 'graphql';
import { badUserInput } from '../errors.js';

const MESSAGE = 'must not contain the NUL character (U+0000)';
/** Enough to show the client what is wrong, without an answer as long as the request. */
const MAX_REPORTED = 10;

export const noNulCharactersRule: ValidationRule = (context) => ({
  StringValue(node) {
    if (node.value.includes('\0')) context.reportError(new GraphQLError(`A string in the query ${MESSAGE}.`, { nodes: [node] }));
  },
});

export function nulCharactersPlugin(): ApolloServerPlugin<BaseContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request }) {
          const paths = nulPaths(request.variables, 'variables', []);
          if (paths.length === 0) return;
          const error = badUserInput(paths.map((path) => ({ path, message: MESSAGE })));
          throw new GraphQLError(error.message, { extensions: { ...error.extensions, http: { status: 400 } } });
        },
      };
    },
  };
}

/** The paths (`variables.input.name`) of strings in `value` holding a NUL, up to MAX_REPORTED. */
function nulPaths(value: unknown, path: string, found: string[]): string[] {
  if (found.length >= MAX_REPORTED) return found;
  if (typeof value === 'string') {
    if (value.includes('\0')) found.push(path);
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => nulPaths(item, `${path}.${index}`, found));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) nulPaths(item, `${path}.${key}`, found);
  }
  return found;
}
