/**
 * Related links: an article's ordered list of related articles, trending topics and external
 * references. Each points at an article of ours or at a checked external URL. They are part of
 * the article's draft (articles.service setRelatedLinks); this module checks and stores them.
 */
import type { Db } from '../context.js';
import type { Issue } from '../errors.js';
import { missingReferences, type Reference } from '../shared/references.js';
import { assertNoIssues } from '../shared/validation.js';
import type { RelatedLinkData } from './links.validation.js';

/** The path frontends route an article of ours under. */
export function articlePath(slug: string): string {
  return `/articles/${slug}`;
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
