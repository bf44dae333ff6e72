import type { Resolvers } from '../__generated__/graphql.js';
import * as workflow from '../workflow/workflow.service.js';
import * as treatments from './treatments.service.js';
import { treatmentAdapter } from './treatments.workflow.js';

export const treatmentResolvers: Resolvers = {
  Query: {
    treatment: (_parent, { slug, preview }, ctx) => treatments.findBySlug(ctx, slug, preview),
    treatments: (_parent, args, ctx) => treatments.list(ctx, args),
    treatmentRevisions: (_parent, { id, first, after }, ctx) => workflow.listRevisions(ctx, treatmentAdapter, id, { first, after }),
  },
  Mutation: {
    createTreatment: (_parent, { input, changeSummary }, ctx) => treatments.create(ctx, input, changeSummary),
    updateTreatment: (_parent, { id, input, expectedVersion, changeSummary }, ctx) => treatments.update(ctx, id, input, expectedVersion, changeSummary),
    publishTreatment: (_parent, { id, expectedVersion, changeSummary }, ctx) => workflow.publish(ctx, treatmentAdapter, id, expectedVersion, changeSummary),
    unpublishTreatment: (_parent, { id }, ctx) => workflow.unpublish(ctx, treatmentAdapter, id),
    restoreTreatmentRevision: (_parent, { id, revision, expectedVersion }, ctx) => workflow.restoreRevision(ctx, treatmentAdapter, id, revision, expectedVersion),
    deleteTreatment: (_parent, { id }, ctx) => workflow.trash(ctx, treatmentAdapter, id),
    restoreTreatment: (_parent, { id }, ctx) => workflow.restoreFromTrash(ctx, treatmentAdapter, id),
    purgeTreatment: (_parent, { id }, ctx) => workflow.purge(ctx, treatmentAdapter, id),
  },
  Treatment: {
    description: (treatment, _args, ctx) => treatments.description(ctx, treatment),
    articles: (treatment, { first }, ctx) => treatments.articles(ctx, treatment, first),
    comparisons: (treatment, _args, ctx) => ctx.loaders.comparisonsByTreatmentId[treatment.stage].load(treatment.id),
    updatedBy: (treatment) => (treatment.stage === 'DRAFT' ? treatment.updatedBy : null),
    redirectTo: (treatment) => (treatment.requestedSlug ? treatment.slug : null),
  },
};
