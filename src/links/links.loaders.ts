import type { PrismaClient } from '../db/client.js';
import { loaderOfLists } from '../shared/batch.js';

export function createLinkLoaders(prisma: PrismaClient) {
  return {
    /** An article's related links, in order. */
    linksByArticleId: loaderOfLists(
      (articleIds: string[]) =>
        prisma.relatedLink.findMany({ where: { articleId: { in: articleIds } }, orderBy: [{ articleId: 'asc' }, { position: 'asc' }] }),
      (link) => link.articleId,
    ),
  };
}
