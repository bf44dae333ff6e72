import type { Resolvers } from '../__generated__/graphql.js';
import { articlePath, setRelatedLinks } from './links.service.js';

export const linkResolvers: Resolvers = {
  Mutation: {
    setArticleRelatedLinks: (_parent, { articleId, links }, ctx) => setRelatedLinks(ctx, articleId, links),
  },
  RelatedLink: {
    article: (link, _args, ctx) => (link.targetArticleId ? ctx.loaders.articleById.load(link.targetArticleId) : null),
    label: async (link, _args, ctx) => link.label ?? (link.targetArticleId ? (await ctx.loaders.articleById.load(link.targetArticleId))?.title : null) ?? '',
    url: async (link, _args, ctx) =>
      link.url ?? (link.targetArticleId ? articlePath((await ctx.loaders.articleById.load(link.targetArticleId))?.slug ?? '') : ''),
  },
};
