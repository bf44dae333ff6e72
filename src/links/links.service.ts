/**
 * Related links: an article's ordered list of related articles, trending topics and external
 * references. Each points at an article of ours or at a checked external URL.
 */
import type { RelatedLinkInput } from '../__generated__/graphql.js';
import type { Article } from '../__generated__/prisma/client.js';
import { authorize } from '../auth/policy.js';
import { inTransaction, type Db, type ServiceContext } from '../context.js';
import { fromPrismaError, notFound, type Issue } from '../errors.js';
import { existingId } from '../shared/ids.js';
import { missingReferences, type Reference } from '../shared/references.js';
import { assertNoIssues, parseInput } from '../shared/validation.js';
import { relatedLinks, type RelatedLinkData } from './links.validation.js';

type Ctx = ServiceContext;

/** The path frontends route an article of ours under. */
export function articlePath(slug: string): string {
  return `/articles/${slug}`;
}

/** Replaces the article's related links, in one transaction; answers the article. */
export async function setRelatedLinks(ctx: Ctx, articleId: string, links: RelatedLinkInput[]): Promise<Article> {
  authorize(ctx.viewer, 'content:write');
  const id = existingId('article', articleId);
  const data = parseInput(relatedLinks, links, 'links');
  try {
    return await inTransaction(ctx, async (tx) => {
      const article = await tx.article.findUnique({ where: { id } });
      if (!article) throw notFound('article', articleId);
      await checkLinks(tx, id, data, 'links');
      await replaceLinks(tx, id, data);
      return tx.article.update({ where: { id }, data: { updatedAt: new Date() } });
    });
  } catch (error) {
    throw fromPrismaError(error, 'article', articleId);
  }
}

/** Issues for links that point at the article itself or at an article that does not exist. */
export async function checkLinks(tx: Db, articleId: string | null, links: RelatedLinkData[], root: string): Promise<void> {
  const issues: Issue[] = [];
  const references: Reference[] = [];
  links.forEach((link, index) => {
    if (!link.articleId) return;
    const path = `${root}.${index}.articleId`;
    if (link.articleId === articleId) issues.push({ path, message: 'must not link an article to itself' });
    else references.push({ model: 'article', id: link.articleId, path });
  });
  assertNoIssues([...issues, ...(await missingReferences(tx, references))]);
}

/** Writes `links` as the article's related links, replacing any it had. */
export async function replaceLinks(tx: Db, articleId: string, links: RelatedLinkData[]): Promise<void> {
  await tx.relatedLink.deleteMany({ where: { articleId } });
  if (links.length === 0) return;
  await tx.relatedLink.createMany({
    data: links.map((link, position) => ({
      articleId,
      position,
      kind: link.kind,
      label: link.label ?? null,
      targetArticleId: link.articleId ?? null,
      url: link.url ?? null,
    })),
  });
}
