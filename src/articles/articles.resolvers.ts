import type { Resolvers } from '../__generated__/graphql.js';
import { storedBody } from '../content/body.js';
import * as articles from './articles.service.js';

export const articleResolvers: Resolvers = {
  Query: {
    article: (_parent, { slug }, ctx) => articles.findBySlug(ctx, slug),
    articles: (_parent, args, ctx) => articles.list(ctx, args),
  },
  Mutation: {
    createArticle: (_parent, { input }, ctx) => articles.create(ctx, input),
    updateArticle: (_parent, { id, input }, ctx) => articles.update(ctx, id, input),
    deleteArticle: (_parent, { id }, ctx) => articles.remove(ctx, id),
  },
  Article: {
    category: (article, _args, ctx) => (article.categoryId ? ctx.loaders.categoryById.load(article.categoryId) : null),
    heroImage: (article, _args, ctx) => (article.heroImageId ? ctx.loaders.imageById.load(article.heroImageId) : null),
    body: (article) => storedBody(article.body),
    experts: async (article, { role }, ctx) => (await ctx.loaders.expertsByArticleId.load(article.id)).filter((e) => !role || e.role === role),
    treatments: async (article, _args, ctx) => (await ctx.loaders.treatmentsByArticleId.load(article.id)).map((t) => t.treatment),
    comparisons: async (article, _args, ctx) => (await ctx.loaders.comparisonsByArticleId.load(article.id)).map((c) => c.comparison),
    related: async (article, { kind }, ctx) => (await ctx.loaders.linksByArticleId.load(article.id)).filter((l) => !kind || l.kind === kind),
  },
  ArticleExpert: {
    person: async (expert, _args, ctx) => (await ctx.loaders.personById.load(expert.personId))!,
  },
};
