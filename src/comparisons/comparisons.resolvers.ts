import type { Resolvers } from '../__generated__/graphql.js';
import * as workflow from '../workflow/workflow.service.js';
import * as comparisons from './comparisons.service.js';
import { comparisonAdapter } from './comparisons.workflow.js';

export const comparisonResolvers: Resolvers = {
  Query: {
    comparison: (_parent, { slug, preview }, ctx) => comparisons.findBySlug(ctx, slug, preview),
    comparisons: (_parent, args, ctx) => comparisons.list(ctx, args),
    comparisonRevisions: (_parent, { id, first, after }, ctx) => workflow.listRevisions(ctx, comparisonAdapter, id, { first, after }),
  },
  Mutation: {
    createComparison: (_parent, { input, changeSummary }, ctx) => comparisons.create(ctx, input, changeSummary),
    updateComparison: (_parent, { id, input, expectedVersion, changeSummary }, ctx) => comparisons.update(ctx, id, input, expectedVersion, changeSummary),
    publishComparison: (_parent, { id, expectedVersion, changeSummary }, ctx) => workflow.publish(ctx, comparisonAdapter, id, expectedVersion, changeSummary),
    unpublishComparison: (_parent, { id }, ctx) => workflow.unpublish(ctx, comparisonAdapter, id),
    restoreComparisonRevision: (_parent, { id, revision, expectedVersion }, ctx) => workflow.restoreRevision(ctx, comparisonAdapter, id, revision, expectedVersion),
    deleteComparison: (_parent, { id }, ctx) => workflow.trash(ctx, comparisonAdapter, id),
    restoreComparison: (_parent, { id }, ctx) => workflow.restoreFromTrash(ctx, comparisonAdapter, id),
    purgeComparison: (_parent, { id }, ctx) => workflow.purge(ctx, comparisonAdapter, id),
  },
  Comparison: {
    treatments: (comparison, _args, ctx) => comparisons.columns(ctx, comparison),
    rows: (comparison) => comparison.rows.map((row) => ({ ...row, comparison })),
    articles: (comparison, { first }, ctx) => comparisons.articles(ctx, comparison, first),
    updatedBy: (comparison) => (comparison.stage === 'DRAFT' ? comparison.updatedBy : null),
    redirectTo: (comparison) => (comparison.requestedSlug ? comparison.slug : null),
  },
  ComparisonRow: {
    cells: (row, _args, ctx) => comparisons.cells(ctx, row),
  },
};
