import type { Resolvers } from '../__generated__/graphql.js';
import * as apiTokens from './api-tokens.service.js';

export const apiTokenResolvers: Resolvers = {
  Query: {
    apiTokens: (_parent, args, ctx) => apiTokens.list(ctx, args),
  },
  Mutation: {
    createApiToken: (_parent, { input }, ctx) => apiTokens.create(ctx, input),
    revokeApiToken: (_parent, { id }, ctx) => apiTokens.revoke(ctx, id),
  },
};
