import type { Resolvers } from '../__generated__/graphql.js';
import * as workflow from './workflow.service.js';

const typeNames = { ARTICLE: 'Article', TREATMENT: 'Treatment', COMPARISON: 'Comparison' } as const;

export const workflowResolvers: Resolvers = {
  Query: {
    revision: (_parent, { documentId, version }, ctx) => workflow.getRevision(ctx, documentId, version),
    compareRevisions: (_parent, { documentId, from, to }, ctx) => workflow.compareRevisions(ctx, documentId, from, to),
    trash: (_parent, args, ctx) => workflow.listTrash(ctx, args),
  },
  Mutation: {
    schedulePublish: (_parent, { id, at }, ctx) => workflow.schedulePublish(ctx, id, at),
    cancelScheduledPublish: (_parent, { id }, ctx) => workflow.cancelScheduledPublish(ctx, id),
  },
  Document: {
    __resolveType: (document) => typeNames[document.type],
  },
  Revision: {
    snapshot: (revision) => workflow.revisionSnapshot(revision),
  },
};
