/**
 * Comparisons: two or more treatments compared aspect by aspect, one cell per treatment a row.
 * Drafted and published like articles (see articles.service.ts).
 */
import type { ComparisonWhereInput, CreateComparisonInput, UpdateComparisonInput } from '../__generated__/graphql.js';
import type { Prisma } from '../__generated__/prisma/client.js';
import { authorize } from '../auth/policy.js';
import { kindTag, slugTag } from '../cache/tags.js';
import { inTransaction, type Context, type ServiceContext } from '../context.js';
import { sql } from '../db/sql.js';
import { fromPrismaError } from '../errors.js';
import { loadPresent } from '../shared/batch.js';
import { existingId } from '../shared/ids.js';
import { pageQuery, toConnection, type ConnectionMapper, type KeysetOrder, type PageArgs } from '../shared/pagination.js';
import { parseInput } from '../shared/validation.js';
import { findBySlug as findDocumentBySlug, stageFor } from '../workflow/lookup.js';
import { claimVersion, recordRevision } from '../workflow/versioning.js';
import { afterEdit } from '../workflow/workflow.service.js';
import type { ComparisonRowMapper } from './comparisons.mappers.js';
import { publishedComparisonView, type ComparisonView } from './comparisons.snapshot.js';
import { createComparisonInput, updateComparisonInput } from './comparisons.validation.js';
import { comparisonAdapter } from './comparisons.workflow.js';
import { checkComparisonContent, writeComparisonContent } from './comparisons.writes.js';

const newestDraftFirst: KeysetOrder = { field: 'createdAt', direction: 'desc' };
const newestPublishedFirst: KeysetOrder = { field: 'createdAt', direction: 'desc', idField: 'comparisonId' };

export function findBySlug(ctx: Context, slug: string, preview?: boolean | null): Promise<ComparisonView | null> {
  return findDocumentBySlug<ComparisonView>(
    ctx,
    {
      type: 'COMPARISON',
      byId: ctx.loaders.comparisonById,
      draftIdBySlug: async (s) => (await ctx.prisma.comparison.findFirst({ where: { slug: s, deletedAt: null }, select: { id: true } }))?.id ?? null,
      publishedBySlug: async (s) => {
        const [row] = await ctx.sql.query<Parameters<typeof publishedComparisonView>[0]>(sql`
          SELECT "comparisonId"::text AS "comparisonId", version, "updatedAt", "createdAt", snapshot FROM "PublishedComparison" WHERE slug = ${s}`);
        return row ? publishedComparisonView(row) : null;
      },
    },
    slug,
    preview,
  );
}

export async function list(ctx: Context, args: PageArgs & { where?: ComparisonWhereInput | null; preview?: boolean | null }): Promise<ConnectionMapper<ComparisonView>> {
  if (stageFor(ctx, args.preview) === 'DRAFT') {
    const filter: Prisma.ComparisonWhereInput = {
      deletedAt: null,
      ...(args.where?.treatmentSlug ? { treatments: { some: { treatment: { slug: args.where.treatmentSlug } } } } : {}),
    };
    const query = pageQuery(args, newestDraftFirst);
    const rows = await ctx.prisma.comparison.findMany({ where: query.after ? { AND: [filter, query.after] } : filter, orderBy: query.orderBy, take: query.take });
    return toConnection(rows, query, newestDraftFirst, Boolean(args.after), () => ctx.prisma.comparison.count({ where: filter }), (page) =>
      loadPresent(ctx.loaders.comparisonById.DRAFT, page.map((r) => r.id)),
    );
  }
  ctx.cache.depend(kindTag('COMPARISON'));
  let filter: Prisma.PublishedComparisonWhereInput | null = {};
  if (args.where?.treatmentSlug) {
    ctx.cache.depend(slugTag('TREATMENT', args.where.treatmentSlug));
    const treatment = await ctx.prisma.publishedTreatment.findUnique({ where: { slug: args.where.treatmentSlug }, select: { treatmentId: true } });
    filter = treatment ? { treatmentIds: { has: treatment.treatmentId } } : null;
  }
  const query = pageQuery(args, newestPublishedFirst);
  const where = filter;
  const rows = where
    ? await ctx.prisma.publishedComparison.findMany({ where: query.after ? { AND: [where, query.after] } : where, orderBy: query.orderBy, take: query.take })
    : [];
  return toConnection(rows, query, newestPublishedFirst, Boolean(args.after), async () => (where ? ctx.prisma.publishedComparison.count({ where }) : 0), (page) =>
    page.map(publishedComparisonView),
  );
}

export async function create(ctx: ServiceContext, input: CreateComparisonInput, changeSummary?: string | null): Promise<ComparisonView> {
  authorize(ctx.viewer, 'content:create');
  const viewer = ctx.viewer;
  const { slug, title, ...rest } = parseInput(createComparisonInput, input);
  try {
    return await inTransaction(ctx, async (tx) => {
      await checkComparisonContent(tx, null, rest);
      const comparison = await tx.comparison.create({ data: { slug, title, createdBy: viewer.id, updatedBy: viewer.id }, select: { id: true } });
      await writeComparisonContent(tx, comparison.id, rest);
      return recordRevision(tx, comparisonAdapter, comparison.id, viewer, 'CREATE', changeSummary);
    });
  } catch (error) {
    throw fromPrismaError(error, 'comparison');
  }
}

export async function update(ctx: ServiceContext, id: string, input: UpdateComparisonInput, expectedVersion: number, changeSummary?: string | null): Promise<ComparisonView> {
  authorize(ctx.viewer, 'content:write');
  const viewer = ctx.viewer;
  const comparisonId = existingId('comparison', id);
  const data = parseInput(updateComparisonInput, input);
  try {
    return await inTransaction(ctx, async (tx) => {
      const row = await claimVersion(tx, comparisonAdapter, comparisonId, viewer, { action: 'content:write', expectedVersion });
      await checkComparisonContent(tx, comparisonId, data);
      await writeComparisonContent(tx, comparisonId, data);
      await afterEdit(tx, comparisonAdapter, row);
      return recordRevision(tx, comparisonAdapter, comparisonId, viewer, 'UPDATE', changeSummary);
    });
  } catch (error) {
    throw fromPrismaError(error, 'comparison', id);
  }
}

/** The compared treatments the reader can see, in column order. */
/** Articles that hold the comparison and the reader can see, newest first, at most `first` (1 to 100). */
export function articles(ctx: Context, comparison: ComparisonView, first: number | null | undefined) {
  const limit = Math.max(1, Math.min(first ?? 10, 100));
  return ctx.loaders.articlesByComparisonId[comparison.stage].load(comparison.id, limit);
}

export function columns(ctx: Context, comparison: ComparisonView) {
  return loadPresent(ctx.loaders.treatmentById[comparison.stage], comparison.treatmentIds);
}

/** One cell per visible column, in column order, so frontends can render a table as is. */
export async function cells(ctx: Context, row: ComparisonRowMapper) {
  const textByTreatment = new Map(row.cells.map((cell) => [cell.treatmentId, cell.text]));
  return (await columns(ctx, row.comparison)).map((treatment) => ({ treatment, text: textByTreatment.get(treatment.id) ?? null }));
}
