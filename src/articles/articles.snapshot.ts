/**
 * An article as one value: its content with every relation as ids, in order. Drafts are read
 * into this shape from the relational tables; the published version is stored in it; revisions
 * keep it; GraphQL resolves fields from it whichever stage it shows.
 */
import type { ExpertRole, RelatedLinkKind } from '../__generated__/prisma/client.js';
import type { BodyBlock } from '../content/body.js';
import { storedBody } from '../content/body.js';
import type { Db } from '../context.js';
import { draftMeta, publishedMeta, type DocumentMeta } from '../workflow/documents.js';

export interface ImageData {
  url: string;
  alt: string;
  credit: string | null;
  width: number | null;
  height: number | null;
}

export interface RelatedLinkData {
  kind: RelatedLinkKind;
  label: string | null;
  articleId: string | null;
  url: string | null;
}

export interface ArticleSnapshot {
  slug: string;
  title: string;
  dek: string | null;
  summary: string | null;
  categoryId: string | null;
  heroImage: ImageData | null;
  body: BodyBlock[];
  experts: { personId: string; role: ExpertRole }[];
  treatmentIds: string[];
  comparisonIds: string[];
  /** In order. Snapshots stored before tags existed lack it: see storedArticleSnapshot. */
  tagIds: string[];
  related: RelatedLinkData[];
  /** The date the article shows, as an ISO string. */
  publishedAt: string | null;
}

/** An article as read from its draft (or from a revision): always whole. */
export type WholeArticleView = ArticleSnapshot & DocumentMeta;

/**
 * An article as GraphQL resolves it. Published articles read for cards, lists and links come
 * without their body (see published.loaders.ts); `Article.body` fetches it when asked for.
 */
export type ArticleView = Omit<WholeArticleView, 'body'> & { body?: BodyBlock[] };

/** Reads the drafts of `ids` (trashed ones too), in no particular order. */
export async function readArticleDrafts(db: Db, ids: string[]): Promise<WholeArticleView[]> {
  const rows = await db.article.findMany({
    where: { id: { in: ids } },
    include: {
      heroImage: true,
      experts: { orderBy: { position: 'asc' } },
      treatments: { orderBy: { position: 'asc' } },
      comparisons: { orderBy: { position: 'asc' } },
      tags: { orderBy: { position: 'asc' } },
      links: { orderBy: { position: 'asc' } },
    },
  });
  return rows.map((row) => ({
    ...draftMeta('ARTICLE', row),
    slug: row.slug,
    title: row.title,
    dek: row.dek,
    summary: row.summary,
    categoryId: row.categoryId,
    heroImage: row.heroImage
      ? { url: row.heroImage.url, alt: row.heroImage.alt, credit: row.heroImage.credit, width: row.heroImage.width, height: row.heroImage.height }
      : null,
    body: storedBody(row.body),
    experts: row.experts.map((e) => ({ personId: e.personId, role: e.role })),
    treatmentIds: row.treatments.map((t) => t.treatmentId),
    comparisonIds: row.comparisons.map((c) => c.comparisonId),
    tagIds: row.tags.map((t) => t.tagId),
    related: row.links.map((l) => ({ kind: l.kind, label: l.label, articleId: l.targetArticleId, url: l.url })),
    publishedAt: row.publishedAt?.toISOString() ?? null,
  }));
}

/** The content part of a view: what a revision and the published version store. */
export function articleSnapshot(view: WholeArticleView): ArticleSnapshot {
  const { slug, title, dek, summary, categoryId, heroImage, body, experts, treatmentIds, comparisonIds, tagIds, related, publishedAt } = view;
  return { slug, title, dek, summary, categoryId, heroImage, body, experts, treatmentIds, comparisonIds, tagIds, related, publishedAt };
}

/**
 * A snapshot as stored (in a revision or a published version), with the fields added since it
 * was written filled in: one stored before tags existed has no `tagIds`, meaning none.
 */
export function storedArticleSnapshot<T extends object>(stored: T): T & Pick<ArticleSnapshot, 'tagIds'> {
  const { tagIds } = stored as Partial<ArticleSnapshot>;
  return { ...stored, tagIds: Array.isArray(tagIds) ? tagIds : [] };
}

export interface PublishedArticleRow {
  articleId: string;
  version: number;
  updatedAt: Date;
  snapshot: unknown;
}

export function publishedArticleView(row: PublishedArticleRow): ArticleView {
  const stored = storedArticleSnapshot(row.snapshot as ArticleSnapshot & { createdAt: string });
  return { ...stored, ...publishedMeta('ARTICLE', row, row.articleId, new Date(stored.createdAt)) };
}
