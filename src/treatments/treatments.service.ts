/**
 * Treatments: what articles are about and comparisons compare. Drafted and published like
 * articles (see articles.service.ts).
 */
import type { CreateTreatmentInput, TreatmentWhereInput, UpdateTreatmentInput } from '../__generated__/graphql.js';
import type { Prisma } from '../__generated__/prisma/client.js';
import type { BodyBlock } from '../content/body.js';
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
import { publishedTreatmentView, type TreatmentView } from './treatments.snapshot.js';
import { createTreatmentInput, updateTreatmentInput } from './treatments.validation.js';
import { treatmentAdapter } from './treatments.workflow.js';
import { checkTreatmentContent, writeTreatmentContent } from './treatments.writes.js';

const newestDraftFirst: KeysetOrder = { field: 'createdAt', direction: 'desc' };
const newestPublishedFirst: KeysetOrder = { field: 'createdAt', direction: 'desc', idField: 'treatmentId' };

export function findBySlug(ctx: Context, slug: string, preview?: boolean | null): Promise<TreatmentView | null> {
  return findDocumentBySlug<TreatmentView>(
    ctx,
    {
      type: 'TREATMENT',
      byId: ctx.loaders.treatmentById,
      draftIdBySlug: async (s) => (await ctx.prisma.treatment.findFirst({ where: { slug: s, deletedAt: null }, select: { id: true } }))?.id ?? null,
      publishedBySlug: async (s) => {
        const [row] = await ctx.sql.query<Parameters<typeof publishedTreatmentView>[0]>(sql`
          SELECT "treatmentId"::text AS "treatmentId", version, "updatedAt", "createdAt", snapshot FROM "PublishedTreatment" WHERE slug = ${s}`);
        return row ? publishedTreatmentView(row) : null;
      },
    },
    slug,
    preview,
  );
}

/** The description. A published treatment read for a card or a column comes without it: it is fetched then. */
export async function description(ctx: Context, treatment: TreatmentView): Promise<BodyBlock[]> {
  return treatment.description ?? (await ctx.loaders.publishedTreatmentDescriptionById.load(treatment.id)) ?? [];
}

export async function list(ctx: Context, args: PageArgs & { where?: TreatmentWhereInput | null; preview?: boolean | null }): Promise<ConnectionMapper<TreatmentView>> {
  if (stageFor(ctx, args.preview) === 'DRAFT') {
    const filter = draftFilter(args.where);
    const query = pageQuery(args, newestDraftFirst);
    const rows = await ctx.prisma.treatment.findMany({ where: query.after ? { AND: [filter, query.after] } : filter, orderBy: query.orderBy, take: query.take });
    return toConnection(rows, query, newestDraftFirst, Boolean(args.after), () => ctx.prisma.treatment.count({ where: filter }), (page) =>
      loadPresent(ctx.loaders.treatmentById.DRAFT, page.map((r) => r.id)),
    );
  }
  ctx.cache.depend(kindTag('TREATMENT'));
  const filter = await publishedFilter(ctx, args.where);
  const query = pageQuery(args, newestPublishedFirst);
  const rows = filter
    ? await ctx.prisma.publishedTreatment.findMany({ where: query.after ? { AND: [filter, query.after] } : filter, orderBy: query.orderBy, take: query.take })
    : [];
  return toConnection(rows, query, newestPublishedFirst, Boolean(args.after), async () => (filter ? ctx.prisma.publishedTreatment.count({ where: filter }) : 0), (page) =>
    page.map(publishedTreatmentView),
  );
}

function draftFilter(where: TreatmentWhereInput | null | undefined): Prisma.TreatmentWhereInput {
  const filters: Prisma.TreatmentWhereInput[] = [{ deletedAt: null }];
  if (where?.categorySlug) filters.push({ articles: { some: { article: { deletedAt: null, category: { slug: where.categorySlug } } } } });
  if (where?.comparedWithSlug) {
    filters.push({
      comparisons: { some: { comparison: { deletedAt: null, treatments: { some: { treatment: { slug: where.comparedWithSlug } } } } } },
      NOT: { slug: where.comparedWithSlug },
    });
  }
  return { AND: filters };
}

/** The public list's filter, from published articles and comparisons only; null matches nothing. */
async function publishedFilter(ctx: Context, where: TreatmentWhereInput | null | undefined): Promise<Prisma.PublishedTreatmentWhereInput | null> {
  const filters: Prisma.PublishedTreatmentWhereInput[] = [];
  if (where?.categorySlug) {
    // Which treatments published articles in the category are about.
    ctx.cache.depend(slugTag('CATEGORY', where.categorySlug), kindTag('ARTICLE'));
    const category = await ctx.prisma.category.findUnique({ where: { slug: where.categorySlug }, select: { id: true } });
    if (!category) return null;
    const articles = await ctx.prisma.publishedArticle.findMany({ where: { categoryId: category.id }, select: { treatmentIds: true } });
    filters.push({ treatmentId: { in: [...new Set(articles.flatMap((a) => a.treatmentIds))] } });
  }
  if (where?.comparedWithSlug) {
    ctx.cache.depend(kindTag('COMPARISON'));
    const other = await ctx.prisma.publishedTreatment.findUnique({ where: { slug: where.comparedWithSlug }, select: { treatmentId: true } });
    if (!other) return null;
    const comparisons = await ctx.prisma.publishedComparison.findMany({ where: { treatmentIds: { has: other.treatmentId } }, select: { treatmentIds: true } });
    filters.push({ treatmentId: { in: [...new Set(comparisons.flatMap((c) => c.treatmentIds))].filter((id) => id !== other.treatmentId) } });
  }
  return { AND: filters };
}

export async function create(ctx: ServiceContext, input: CreateTreatmentInput, changeSummary?: string | null): Promise<TreatmentView> {
  authorize(ctx.viewer, 'content:create');
  const viewer = ctx.viewer;
  const { slug, name, ...rest } = parseInput(createTreatmentInput, input);
  try {
    return await inTransaction(ctx, async (tx) => {
      await checkTreatmentContent(tx, rest);
      const treatment = await tx.treatment.create({ data: { slug, name, createdBy: viewer.id, updatedBy: viewer.id }, select: { id: true } });
      await writeTreatmentContent(tx, treatment.id, rest);
      return recordRevision(tx, treatmentAdapter, treatment.id, viewer, 'CREATE', changeSummary);
    });
  } catch (error) {
    throw fromPrismaError(error, 'treatment');
  }
}

export async function update(ctx: ServiceContext, id: string, input: UpdateTreatmentInput, expectedVersion: number, changeSummary?: string | null): Promise<TreatmentView> {
  authorize(ctx.viewer, 'content:write');
  const viewer = ctx.viewer;
  const treatmentId = existingId('treatment', id);
  const data = parseInput(updateTreatmentInput, input);
  try {
    return await inTransaction(ctx, async (tx) => {
      const row = await claimVersion(tx, treatmentAdapter, treatmentId, viewer, { action: 'content:write', expectedVersion });
      await checkTreatmentContent(tx, data);
      await writeTreatmentContent(tx, treatmentId, data);
      await afterEdit(tx, treatmentAdapter, row);
      return recordRevision(tx, treatmentAdapter, treatmentId, viewer, 'UPDATE', changeSummary);
    });
  } catch (error) {
    throw fromPrismaError(error, 'treatment', id);
  }
}

/** Articles about the treatment that the reader can see, newest first, at most `first` (1 to 100). */
export async function articles(ctx: Context, treatment: TreatmentView, first: number | null | undefined) {
  const limit = Math.max(1, Math.min(first ?? 10, 100));
  return ctx.loaders.articlesByTreatmentId[treatment.stage].load(treatment.id, limit);
}
