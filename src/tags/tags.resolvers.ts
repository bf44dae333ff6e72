import type { Resolvers } from '../__generated__/graphql.js';
import * as tags from './tags.service.js';

export const tagResolvers: Resolvers = {
  Query: {
    tags: (_parent, _args, ctx) => tags.listAll(ctx),
    tag: (_parent, { slug }, ctx) => tags.findBySlug(ctx, slug),
  },
  Mutation: {
    createTag: (_parent, { input }, ctx) => tags.create(ctx, input),
    updateTag: (_parent, { id, input }, ctx) => tags.update(ctx, id, input),
    deleteTag: (_parent, { id }, ctx) => tags.remove(ctx, id),
  },
};
