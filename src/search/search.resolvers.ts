import type { Resolvers } from '../__generated__/graphql.js';
import * as search from './search.service.js';

const typeNames = { ARTICLE: 'Article', TREATMENT: 'Treatment', COMPARISON: 'Comparison' } as const;

export const searchResolvers: Resolvers = {
  Query: {
    search: (_parent, args, ctx) => search.search(ctx, args),
  },
  SearchResult: {
    __resolveType: (document) => typeNames[document.type],
  },
};
