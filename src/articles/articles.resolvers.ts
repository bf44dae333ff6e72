import type { Resolvers } from '../__generated__/graphql.js';
import { selectsAnyOf } from '../shared/selection.js';
import * as workflow from '../workflow/workflow.service.js';
import * as articles from './articles.service.js';
import { articleAdapter } from './articles.workflow.js';

export const articleResolvers: Resolvers = {
  Query: {
    article: (_parent, { slug, preview }, ctx, info) =>
      articles.findBySlug(ctx, slug, preview, { withRelations: selectsAnyOf(info, articles.PAGE_RELATIONS) }),
    articles: (_parent, args, ctx) => articles.list(ctx, args),
    articleRevisions: (_parent, { id, first, after }, ctx) => workflow.listRevisions(ctx, articleAdapter, id, { first, after }),
  },
  Mutation: {
    createArticle: (_parent, { input, changeSummary }, ctx) => articles.create(ctx, input, changeSummary),
    updateArticle: (_parent, { id, input, expectedVersion, changeSummary }, ctx) => articles.update(ctx, id, input, expectedVersion, changeSummary),
    setArticleRelatedLinks: (_parent, { articleId, links, expectedVersion, changeSummary }, ctx) =>
      articles.setRelatedLinks(ctx, articleId, links, expectedVersion, changeSummary),
    publishArticle: (_parent, { id, expectedVersion, changeSummary }, ctx) => workflow.publish(ctx, articleAdapter, id, expectedVersion, changeSummary),
    unpublishArticle: (_parent, { id }, ctx) => workflow.unpublish(ctx, articleAdapter, id),
    restoreArticleRevision: (_parent, { id, revision, expectedVersion }, ctx) => workflow.restoreRevision(ctx, articleAdapter, id, revision, expectedVersion),
    deleteArticle: (_parent, { id }, ctx) => workflow.trash(ctx, articleAdapter, id),
    restoreArticle: (_parent, { id }, ctx) => workflow.restoreFromTrash(ctx, articleAdapter, id),
    purgeArticle: (_parent, { id }, ctx) => workflow.purge(ctx, articleAdapter, id),
  },
  Article: {
    body: (article, _args, ctx) => articles.body(ctx, article),
    category: (article, _args, ctx) => (article.categoryId ? ctx.loaders.categoryById.load(article.categoryId) : null),
    experts: (article, { role }, ctx) => articles.experts(ctx, article, role),
    treatments: (article, _args, ctx) => articles.treatments(ctx, article),
    comparisons: (article, _args, ctx) => articles.comparisons(ctx, article),
    tags: (article, _args, ctx) => articles.tags(ctx, article),
    related: (article, { kind }, ctx) => articles.relatedLinks(ctx, article, kind),
    publishedAt: (article) => (article.publishedAt ? new Date(article.publishedAt) : null),
    updatedBy: (article) => (article.stage === 'DRAFT' ? article.updatedBy : null),
    redirectTo: (article) => (article.requestedSlug ? article.slug : null),
  },
};
