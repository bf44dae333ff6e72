/**
 * Articles: the pages. Editors change the draft; the public reads the published version.
 * Every write happens in one transaction, claims the next version, and records a revision.
 */
import type { ArticleOrderBy, ArticleWhereInput, CreateArticleInput, RelatedLinkInput, UpdateArticleInput } from '../__generated__/graphql.js';
import type { ExpertRole, Prisma, RelatedLinkKind } from '../__generated__/prisma/client.js';
import type { BodyBlock } from '../content/body.js';
import { authorize } from '../auth/policy.js';
import { kindTag, slugTag } from '../cache/tags.js';
import { inTransaction, type Context, type ServiceContext } from '../context.js';
import { sql, type Sql } from '../db/sql.js';
import { fromPrismaError } from '../errors.js';
import type { RelatedLinkMapper } from '../links/links.mappers.js';
import { articlePath } from '../links/links.service.js';
import { relatedLinks as relatedLinksInput } from '../links/links.validation.js';
import { existingId } from '../shared/ids.js';
import { pageQuery, sqlPageQuery, toConnection, type ConnectionMapper, type KeysetOrder, type PageArgs } from '../shared/pagination.js';
import { loadPresent } from '../shared/batch.js';
import { parseInput } from '../shared/validation.js';
import { findBySlug as findDocumentBySlug, stageFor } from '../workflow/lookup.js';
import { publishedArticlePageSql, type PageRow } from '../published.loaders.js';
import { claimVersion, recordRevision } from '../workflow/versioning.js';
import { afterEdit } from '../workflow/workflow.service.js';
import { publishedArticleView, type ArticleView, type PublishedArticleRow } from './articles.snapshot.js';
import { createArticleInput, updateArticleInput, type ArticleInputData } from './articles.validation.js';
import { articleAdapter } from './articles.workflow.js';
import { checkArticleReferences, writeArticleContent } from './articles.writes.js';

const draftOrders: Record<ArticleOrderBy, KeysetOrder> = {
  PUBLISHED_AT_DESC: { field: 'publishedAt', direction: 'desc', nullable: true },
  UPDATED_AT_DESC: { field: 'updatedAt', direction: 'desc' },
  TITLE_ASC: { field: 'title', direction: 'asc' },
};
const publishedOrders = {
  PUBLISHED_AT_DESC: { field: 'publishedAt', direction: 'desc', idField: 'articleId', type: 'date' },
  UPDATED_AT_DESC: { field: 'updatedAt', direction: 'desc', idField: 'articleId', type: 'date' },
  TITLE_ASC: { field: 'title', direction: 'asc', idField: 'articleId', type: 'text' },
} satisfies Record<ArticleOrderBy, KeysetOrder & { type: 'date' | 'text' }>;

/** Article fields whose values a published page's statement reads along with the article. */
export const PAGE_RELATIONS: ReadonlySet<string> = new Set(['category', 'experts', 'treatments', 'comparisons', 'tags', 'related', 'body']);

/**
 * The article with this slug. `withRelations` (the query asks for some of PAGE_RELATIONS): the
 * published article comes with what its page shows in the same statement (see
 * publishedArticlePageSql), so a whole page costs one statement.
 */
export function findBySlug(ctx: Context, slug: string, preview?: boolean | null, options: { withRelations?: boolean } = {}): Promise<ArticleView | null> {
  return findDocumentBySlug<ArticleView>(
    ctx,
    {
      type: 'ARTICLE',
      byId: ctx.loaders.articleById,
      draftIdBySlug: async (s) => (await ctx.prisma.article.findFirst({ where: { slug: s, deletedAt: null }, select: { id: true } }))?.id ?? null,
      publishedBySlug: async (s) => {
        // A preview reads the draft's relations: the published ones would go unused.
        if (options.withRelations && !preview) {
          const root = ctx.loaders.primePublishedArticlePage(await ctx.sql.query<PageRow>(publishedArticlePageSql(s)));
          return root ? publishedArticleView({ articleId: root.id, version: root.version!, updatedAt: root.updatedAt!, snapshot: root.data }) : null;
        }
        // Whole, body included: the page's root shows it.
        const [row] = await ctx.sql.query<PublishedArticleRow>(sql`
          SELECT "articleId"::text AS "articleId", version, "updatedAt", snapshot FROM "PublishedArticle" WHERE slug = ${s}`);
        return row ? publishedArticleView(row) : null;
      },
    },
    slug,
    preview,
  );
}

export interface ArticleListArgs extends PageArgs {
  where?: ArticleWhereInput | null;
  orderBy?: ArticleOrderBy | null;
  preview?: boolean | null;
}

export async function list(ctx: Context, args: ArticleListArgs): Promise<ConnectionMapper<ArticleView>> {
  const orderBy = args.orderBy ?? 'PUBLISHED_AT_DESC';
  if (stageFor(ctx, args.preview) === 'DRAFT') {
    const order = draftOrders[orderBy];
    const filter = draftFilter(args.where);
    const query = pageQuery(args, order);
    const rows = await ctx.prisma.article.findMany({ where: query.after ? { AND: [filter, query.after] } : filter, orderBy: query.orderBy, take: query.take });
    return toConnection(rows, query, order, Boolean(args.after), () => ctx.prisma.article.count({ where: filter }), (page) =>
      loadPresent(ctx.loaders.articleById.DRAFT, page.map((r) => r.id)),
    );
  }
  const order = publishedOrders[orderBy];
  ctx.cache.depend(kindTag('ARTICLE'));
  const page = sqlPageQuery(args, order);
  const conditions = publishedConditions(ctx, args.where);
  const where = (extra: Sql[]) => sql.join([...(conditions ?? []), ...extra], ' AND ');
  // Read without the body: a list shows cards (Article.body fetches it if asked for).
  const rows = conditions
    ? await ctx.sql.query<PublishedArticleRow & { publishedAt: Date; title: string }>(sql`
        SELECT "articleId"::text AS "articleId", version, "updatedAt", "publishedAt", title, snapshot - 'body' AS snapshot
          FROM "PublishedArticle" WHERE ${where(page.after ? [page.after] : [sql`true`])}
         ORDER BY ${page.orderBy} LIMIT ${page.take}`)
    : [];
  const count = async () => (conditions ? (await ctx.sql.query<{ n: number }>(sql`SELECT count(*)::int AS n FROM "PublishedArticle" WHERE ${where([sql`true`])}`))[0]!.n : 0);
  return toConnection(rows, page, order, Boolean(args.after), count, (found) =>
    found.map((row) => {
      const view = publishedArticleView(row);
      ctx.loaders.articleById.PUBLISHED.prime(view.id, view);
      return view;
    }),
  );
}

function draftFilter(where: ArticleWhereInput | null | undefined): Prisma.ArticleWhereInput {
  const filters: Prisma.ArticleWhereInput[] = [{ deletedAt: null }];
  if (where?.categorySlug) filters.push({ category: { slug: where.categorySlug } });
  if (where?.treatmentSlug) filters.push({ treatments: { some: { treatment: { slug: where.treatmentSlug, deletedAt: null } } } });
  if (where?.expertSlug) filters.push({ experts: { some: { person: { slug: where.expertSlug } } } });
  if (where?.tagSlug) filters.push({ tags: { some: { tag: { slug: where.tagSlug } } } });
  if (where?.status) filters.push({ status: where.status });
  filters.push(...dateRange(where));
  return { AND: filters };
}

/** `publishedAfter` (inclusive) and `publishedBefore` (exclusive) on the article's date. */
function dateRange(where: ArticleWhereInput | null | undefined): { publishedAt: { gte?: Date; lt?: Date } }[] {
  if (!where?.publishedAfter && !where?.publishedBefore) return [];
  return [{ publishedAt: { ...(where.publishedAfter ? { gte: where.publishedAfter } : {}), ...(where.publishedBefore ? { lt: where.publishedBefore } : {}) } }];
}

/**
 * The public list's filter as SQL conditions, or null when it can match nothing. A category,
 * treatment, person or tag is named by slug and found in the same statement: one that does not
 * exist matches no article.
 */
function publishedConditions(ctx: Context, where: ArticleWhereInput | null | undefined): Sql[] | null {
  if (where?.status && where.status !== 'PUBLISHED') return null;
  const conditions: Sql[] = [];
  if (where?.categorySlug) {
    ctx.cache.depend(slugTag('CATEGORY', where.categorySlug));
    conditions.push(sql`"categoryId" = (SELECT id FROM "Category" WHERE slug = ${where.categorySlug})`);
  }
  if (where?.treatmentSlug) {
    ctx.cache.depend(slugTag('TREATMENT', where.treatmentSlug));
    conditions.push(sql`"treatmentIds" @> ARRAY[(SELECT "treatmentId" FROM "PublishedTreatment" WHERE slug = ${where.treatmentSlug})]`);
  }
  if (where?.expertSlug) {
    ctx.cache.depend(slugTag('PERSON', where.expertSlug));
    conditions.push(sql`"expertIds" @> ARRAY[(SELECT id FROM "Person" WHERE slug = ${where.expertSlug})]`);
  }
  if (where?.tagSlug) {
    ctx.cache.depend(slugTag('TAG', where.tagSlug));
    conditions.push(sql`"tagIds" @> ARRAY[(SELECT id FROM "Tag" WHERE slug = ${where.tagSlug})]`);
  }
  if (where?.publishedAfter) conditions.push(sql`"publishedAt" >= ${where.publishedAfter}`);
  if (where?.publishedBefore) conditions.push(sql`"publishedAt" < ${where.publishedBefore}`);
  return conditions;
}

export async function create(ctx: ServiceContext, input: CreateArticleInput, changeSummary?: string | null): Promise<ArticleView> {
  authorize(ctx.viewer, 'content:create');
  const viewer = ctx.viewer;
  const { slug, title, ...rest } = parseInput(createArticleInput, input);
  try {
    return await inTransaction(ctx, async (tx) => {
      await checkArticleReferences(tx, null, rest);
      const article = await tx.article.create({ data: { slug, title, createdBy: viewer.id, updatedBy: viewer.id }, select: { id: true } });
      await writeArticleContent(tx, article.id, rest);
      return recordRevision(tx, articleAdapter, article.id, viewer, 'CREATE', changeSummary);
    });
  } catch (error) {
    throw fromPrismaError(error, 'article');
  }
}

export async function update(ctx: ServiceContext, id: string, input: UpdateArticleInput, expectedVersion: number, changeSummary?: string | null): Promise<ArticleView> {
  authorize(ctx.viewer, 'content:write');
  return edit(ctx, id, parseInput(updateArticleInput, input), expectedVersion, changeSummary, 'input.related');
}

/** Replaces the draft's related links: an edit like any other. */
export async function setRelatedLinks(ctx: ServiceContext, id: string, links: RelatedLinkInput[], expectedVersion: number, changeSummary?: string | null): Promise<ArticleView> {
  authorize(ctx.viewer, 'content:write');
  return edit(ctx, id, { related: parseInput(relatedLinksInput, links, 'links') }, expectedVersion, changeSummary, 'links');
}

async function edit(
  ctx: ServiceContext,
  id: string,
  data: Partial<ArticleInputData>,
  expectedVersion: number,
  changeSummary: string | null | undefined,
  linksPath: string,
): Promise<ArticleView> {
  authorize(ctx.viewer, 'content:write');
  const viewer = ctx.viewer;
  const articleId = existingId('article', id);
  try {
    return await inTransaction(ctx, async (tx) => {
      const row = await claimVersion(tx, articleAdapter, articleId, viewer, { action: 'content:write', expectedVersion });
      await checkArticleReferences(tx, articleId, data, linksPath);
      await writeArticleContent(tx, articleId, data);
      await afterEdit(tx, articleAdapter, row);
      return recordRevision(tx, articleAdapter, articleId, viewer, 'UPDATE', changeSummary);
    });
  } catch (error) {
    throw fromPrismaError(error, 'article', id);
  }
}

// --- Relations of a view, resolved for the stage it shows: a published page sees only
// --- published documents, a preview sees live drafts.

export async function experts(ctx: Context, article: ArticleView, role: ExpertRole | null | undefined) {
  const wanted = article.experts.filter((e) => !role || e.role === role);
  const people = await loadPresent(ctx.loaders.personById, wanted.map((e) => e.personId));
  const byId = new Map(people.map((p) => [p.id, p]));
  return wanted.flatMap((e) => {
    const person = byId.get(e.personId);
    return person ? [{ role: e.role, person }] : [];
  });
}

/** The body. A published article read for a card or a list comes without it: it is fetched then. */
export async function body(ctx: Context, article: ArticleView): Promise<BodyBlock[]> {
  return article.body ?? (await ctx.loaders.publishedArticleBodyById.load(article.id)) ?? [];
}

export function treatments(ctx: Context, article: ArticleView) {
  return loadPresent(ctx.loaders.treatmentById[article.stage], article.treatmentIds);
}

export function comparisons(ctx: Context, article: ArticleView) {
  return loadPresent(ctx.loaders.comparisonById[article.stage], article.comparisonIds);
}

/** The article's tags in order; tags are not drafted, so both stages read the live ones (a deleted one is left out). */
export function tags(ctx: Context, article: ArticleView) {
  return loadPresent(ctx.loaders.tagById, article.tagIds);
}

/** The article's links; links to articles the reader cannot see are left out. */
export async function relatedLinks(ctx: Context, article: ArticleView, kind: RelatedLinkKind | null | undefined): Promise<RelatedLinkMapper[]> {
  const links = article.related.filter((link) => !kind || link.kind === kind);
  const targets = await ctx.loaders.articleById[article.stage].loadMany(links.flatMap((l) => (l.articleId ? [l.articleId] : [])));
  const byId = new Map(targets.flatMap((t) => (t && !(t instanceof Error) ? [[t.id, t] as const] : [])));
  return links.flatMap((link): RelatedLinkMapper[] => {
    if (!link.articleId) return link.url ? [{ kind: link.kind, label: link.label ?? link.url, url: link.url, article: null }] : [];
    const target = byId.get(link.articleId);
    return target ? [{ kind: link.kind, label: link.label ?? target.title, url: articlePath(target.slug), article: target }] : [];
  });
}
