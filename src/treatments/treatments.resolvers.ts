import type { Resolvers } from '../__generated__/graphql.js';
import { storedBody } from '../content/body.js';
import * as treatments from './treatments.service.js';

export const treatmentResolvers: Resolvers = {
  Query: {
    treatment: (_parent, { slug }, ctx) => treatments.findBySlug(ctx, slug),
    treatments: (_parent, args, ctx) => treatments.list(ctx, args),
  },
  Mutation: {
    createTreatment: (_parent, { input }, ctx) => treatments.create(ctx, input),
    updateTreatment: (_parent, { id, input }, ctx) => treatments.update(ctx, id, input),
    deleteTreatment: (_parent, { id }, ctx) => treatments.remove(ctx, id),
  },
  Treatment: {
    description: (treatment) => storedBody(treatment.description),
    articles: async (treatment, { first }, ctx) =>
      (await ctx.loaders.articlesByTreatmentId.load(treatment.id)).slice(0, Math.max(0, Math.min(first ?? 10, 100))).map((a) => a.article),
    comparisons: async (treatment, _args, ctx) => (await ctx.loaders.comparisonsByTreatmentId.load(treatment.id)).map((c) => c.comparison),
  },
};
