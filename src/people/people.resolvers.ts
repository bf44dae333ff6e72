import type { Resolvers } from '../__generated__/graphql.js';
import * as people from './people.service.js';

export const personResolvers: Resolvers = {
  Query: {
    person: (_parent, { slug }, ctx) => people.findBySlug(ctx, slug),
    people: (_parent, args, ctx) => people.list(ctx, args),
  },
  Mutation: {
    createPerson: (_parent, { input }, ctx) => people.create(ctx, input),
    updatePerson: (_parent, { id, input }, ctx) => people.update(ctx, id, input),
    deletePerson: (_parent, { id }, ctx) => people.remove(ctx, id),
  },
};
