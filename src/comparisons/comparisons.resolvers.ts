import type { Resolvers } from '../__generated__/graphql.js';
import * as comparisons from './comparisons.service.js';

export const comparisonResolvers: Resolvers = {
  Query: {
    comparison: (_parent, { slug }, ctx) => comparisons.findBySlug(ctx, slug),
    comparisons: (_parent, args, ctx) => comparisons.list(ctx, args),
  },
  Mutation: {
    createComparison: (_parent, { input }, ctx) => comparisons.create(ctx, input),
    updateComparison: (_parent, { id, input }, ctx) => comparisons.update(ctx, id, input),
    deleteComparison: (_parent, { id }, ctx) => comparisons.remove(ctx, id),
  },
  Comparison: {
    treatments: async (comparison, _args, ctx) => (await ctx.loaders.treatmentsByComparisonId.load(comparison.id)).map((c) => c.treatment),
    rows: (comparison, _args, ctx) => ctx.loaders.rowsByComparisonId.load(comparison.id),
    articles: async (comparison, _args, ctx) => (await ctx.loaders.articlesByComparisonId.load(comparison.id)).map((a) => a.article),
  },
  ComparisonRow: {
    // One cell per compared treatment, in column order, so frontends can render a table as is.
    cells: async (row, _args, ctx) => {
      const columns = await ctx.loaders.treatmentsByComparisonId.load(row.comparisonId);
      const textByTreatment = new Map(row.cells.map((cell) => [cell.treatmentId, cell.text]));
      return columns.map((column) => ({ treatment: column.treatment, text: textByTreatment.get(column.treatmentId) ?? null }));
    },
  },
};
