import type { Resolvers } from '../__generated__/graphql.js';
import * as categories from './categories.service.js';

export const categoryResolvers: Resolvers = {
  Query: {
    categories: (_parent, _args, ctx) => categories.listAll(ctx),
    category: (_parent, { slug }, ctx) => categories.findBySlug(ctx, slug),
  },
  Mutation: {
    createCategory: (_parent, { input }, ctx) => categories.create(ctx, input),
    updateCategory: (_parent, { id, input }, ctx) => categories.update(ctx, id, input),
    deleteCategory: (_parent, { id }, ctx) => categories.remove(ctx, id),
  },
};
