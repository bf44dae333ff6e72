/**
 * Treatments: what articles are about and comparisons compare.
 */
import type { CreateTreatmentInput, TreatmentWhereInput, UpdateTreatmentInput } from '../__generated__/graphql.js';
import type { Prisma, Treatment } from '../__generated__/prisma/client.js';
import { authorize } from '../auth/policy.js';
import { inTransaction, type ServiceContext } from '../context.js';
import { bodyJson, quotedPeople } from '../content/body.js';
import { conflict, fromPrismaError, notFound } from '../errors.js';
import { existingId } from '../shared/ids.js';
import { pageQuery, toConnection, type ConnectionMapper, type KeysetOrder, type PageArgs } from '../shared/pagination.js';
import { missingReferences } from '../shared/references.js';
import { assertNoIssues, parseInput } from '../shared/validation.js';
import { createTreatmentInput, updateTreatmentInput } from './treatments.validation.js';

type Ctx = ServiceContext;

const newestFirst: KeysetOrder = { field: 'createdAt', direction: 'desc' };

export function findBySlug(ctx: Ctx, slug: string): Promise<Treatment | null> {
  return ctx.prisma.treatment.findUnique({ where: { slug } });
}

export async function list(ctx: Ctx, args: PageArgs & { where?: TreatmentWhereInput | null }): Promise<ConnectionMapper<Treatment>> {
  const filter = treatmentFilter(args.where);
  const query = pageQuery(args, newestFirst);
  const rows = await ctx.prisma.treatment.findMany({
    where: query.after ? { AND: [filter, query.after] } : filter,
    orderBy: query.orderBy,
    take: query.take,
  });
  return toConnection(rows, query, newestFirst, Boolean(args.after), () => ctx.prisma.treatment.count({ where: filter }));
}

function treatmentFilter(where: TreatmentWhereInput | null | undefined): Prisma.TreatmentWhereInput {
  const filters: Prisma.TreatmentWhereInput[] = [];
  if (where?.categorySlug) filters.push({ articles: { some: { article: { category: { slug: where.categorySlug } } } } });
  if (where?.comparedWithSlug) {
    filters.push({
      comparisons: { some: { comparison: { treatments: { some: { treatment: { slug: where.comparedWithSlug } } } } } },
      NOT: { slug: where.comparedWithSlug },
    });
  }
  return { AND: filters };
}

export async function create(ctx: Ctx, input: CreateTreatmentInput): Promise<Treatment> {
  authorize(ctx.viewer, 'content:write');
  const data = parseInput(createTreatmentInput, input);
  try {
    return await inTransaction(ctx, async (tx) => {
      assertNoIssues(await missingReferences(tx, quotedPeople(data.description ?? [], 'input.description').map((q) => ({ model: 'person', id: q.personId, path: q.path }))));
      return tx.treatment.create({ data: { ...data, description: bodyJson(data.description ?? []) } });
    });
  } catch (error) {
    throw fromPrismaError(error, 'treatment');
  }
}

export async function update(ctx: Ctx, id: string, input: UpdateTreatmentInput): Promise<Treatment> {
  authorize(ctx.viewer, 'content:write');
  const treatmentId = existingId('treatment', id);
  const data = parseInput(updateTreatmentInput, input);
  try {
    return await inTransaction(ctx, async (tx) => {
      assertNoIssues(await missingReferences(tx, quotedPeople(data.description ?? [], 'input.description').map((q) => ({ model: 'person', id: q.personId, path: q.path }))));
      return tx.treatment.update({ where: { id: treatmentId }, data: { ...data, description: data.description && bodyJson(data.description) } });
    });
  } catch (error) {
    throw fromPrismaError(error, 'treatment', id);
  }
}

/** Deletes a treatment nothing uses; refused with CONFLICT naming the comparisons and articles that do. */
export async function remove(ctx: Ctx, id: string): Promise<string> {
  authorize(ctx.viewer, 'content:write');
  const treatmentId = existingId('treatment', id);
  return inTransaction(ctx, async (tx) => {
    const treatment = await tx.treatment.findUnique({
      where: { id: treatmentId },
      include: {
        comparisons: { select: { comparison: { select: { slug: true } } } },
        articles: { select: { article: { select: { slug: true } } } },
      },
    });
    if (!treatment) throw notFound('treatment', id);
    const comparisons = treatment.comparisons.map((c) => c.comparison.slug);
    const articles = treatment.articles.map((a) => a.article.slug);
    if (comparisons.length > 0 || articles.length > 0) {
      const uses = [
        comparisons.length ? `comparison(s) ${comparisons.map((s) => `"${s}"`).join(', ')}` : '',
        articles.length ? `article(s) ${articles.map((s) => `"${s}"`).join(', ')}` : '',
      ].filter(Boolean);
      throw conflict(`Treatment "${treatment.name}" is used by ${uses.join(' and ')}; remove it from them first.`, {
        usedBy: { comparisons, articles },
      });
    }
    await tx.treatment.delete({ where: { id: treatmentId } });
    return treatmentId;
  });
}
