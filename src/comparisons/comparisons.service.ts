/**
 * Comparisons: two or more treatments compared aspect by aspect, one cell per treatment a row.
 */
import type { ComparisonWhereInput, CreateComparisonInput, UpdateComparisonInput } from '../__generated__/graphql.js';
import type { Comparison, Prisma } from '../__generated__/prisma/client.js';
import { authorize } from '../auth/policy.js';
import { inTransaction, type Db, type ServiceContext } from '../context.js';
import { conflict, fromPrismaError, notFound } from '../errors.js';
import { existingId } from '../shared/ids.js';
import { pageQuery, toConnection, type ConnectionMapper, type KeysetOrder, type PageArgs } from '../shared/pagination.js';
import { missingReferences } from '../shared/references.js';
import { assertNoIssues, parseInput } from '../shared/validation.js';
import { cellIssues, createComparisonInput, updateComparisonInput, type ComparisonRowInput } from './comparisons.validation.js';

type Ctx = ServiceContext;

const newestFirst: KeysetOrder = { field: 'createdAt', direction: 'desc' };

export function findBySlug(ctx: Ctx, slug: string): Promise<Comparison | null> {
  return ctx.prisma.comparison.findUnique({ where: { slug } });
}

export async function list(ctx: Ctx, args: PageArgs & { where?: ComparisonWhereInput | null }): Promise<ConnectionMapper<Comparison>> {
  const filter: Prisma.ComparisonWhereInput = args.where?.treatmentSlug
    ? { treatments: { some: { treatment: { slug: args.where.treatmentSlug } } } }
    : {};
  const query = pageQuery(args, newestFirst);
  const rows = await ctx.prisma.comparison.findMany({
    where: query.after ? { AND: [filter, query.after] } : filter,
    orderBy: query.orderBy,
    take: query.take,
  });
  return toConnection(rows, query, newestFirst, Boolean(args.after), () => ctx.prisma.comparison.count({ where: filter }));
}

export async function create(ctx: Ctx, input: CreateComparisonInput): Promise<Comparison> {
  authorize(ctx.viewer, 'content:write');
  const { treatmentIds = [], rows, ...fields } = parseInput(createComparisonInput, input);
  assertNoIssues(cellIssues(rows ?? [], treatmentIds));
  try {
    return await inTransaction(ctx, async (tx) => {
      assertNoIssues(await missingReferences(tx, treatmentReferences(treatmentIds)));
      const comparison = await tx.comparison.create({
        data: { ...fields, treatments: { create: treatmentIds.map((treatmentId, position) => ({ treatmentId, position })) } },
      });
      if (rows) await replaceRows(tx, comparison.id, rows);
      return comparison;
    });
  } catch (error) {
    throw fromPrismaError(error, 'comparison');
  }
}

export async function update(ctx: Ctx, id: string, input: UpdateComparisonInput): Promise<Comparison> {
  authorize(ctx.viewer, 'content:write');
  const comparisonId = existingId('comparison', id);
  const { treatmentIds, rows, ...fields } = parseInput(updateComparisonInput, input);
  try {
    return await inTransaction(ctx, async (tx) => {
      const existing = await tx.comparison.findUnique({
        where: { id: comparisonId },
        include: { treatments: { orderBy: { position: 'asc' }, select: { treatmentId: true } } },
      });
      if (!existing) throw notFound('comparison', id);
      const compared = treatmentIds ?? existing.treatments.map((t) => t.treatmentId);
      assertNoIssues([...(rows ? cellIssues(rows, compared) : []), ...(await missingReferences(tx, treatmentReferences(treatmentIds ?? [])))]);

      if (treatmentIds) await replaceTreatments(tx, comparisonId, treatmentIds);
      if (rows) await replaceRows(tx, comparisonId, rows);
      // Always written, so updatedAt moves even when only rows or treatments changed.
      return tx.comparison.update({ where: { id: comparisonId }, data: { ...fields, updatedAt: new Date() } });
    });
  } catch (error) {
    throw fromPrismaError(error, 'comparison', id);
  }
}

/** Deletes a comparison no article holds; refused with CONFLICT naming the articles that do. */
export async function remove(ctx: Ctx, id: string): Promise<string> {
  authorize(ctx.viewer, 'content:write');
  const comparisonId = existingId('comparison', id);
  return inTransaction(ctx, async (tx) => {
    const comparison = await tx.comparison.findUnique({
      where: { id: comparisonId },
      include: { articles: { select: { article: { select: { slug: true } } } } },
    });
    if (!comparison) throw notFound('comparison', id);
    const articles = comparison.articles.map((a) => a.article.slug);
    if (articles.length > 0) {
      throw conflict(`Comparison "${comparison.title}" is held by article(s) ${articles.map((s) => `"${s}"`).join(', ')}; remove it from them first.`, {
        usedBy: { articles },
      });
    }
    await tx.comparison.delete({ where: { id: comparisonId } });
    return comparisonId;
  });
}

function treatmentReferences(ids: string[]) {
  return ids.map((id, index) => ({ model: 'treatment' as const, id, path: `input.treatmentIds.${index}` }));
}

/**
 * Sets the compared treatments and their order. Cells of a treatment that leaves the
 * comparison go with it (the cell's foreign key cascades); cells of those that stay are kept.
 */
async function replaceTreatments(tx: Db, comparisonId: string, treatmentIds: string[]): Promise<void> {
  await tx.comparisonTreatment.deleteMany({ where: { comparisonId, treatmentId: { notIn: treatmentIds } } });
  for (const [position, treatmentId] of treatmentIds.entries()) {
    await tx.comparisonTreatment.upsert({
      where: { comparisonId_treatmentId: { comparisonId, treatmentId } },
      create: { comparisonId, treatmentId, position },
      update: { position },
    });
  }
}

/** Replaces every row and cell of the comparison with `rows`, in order. */
async function replaceRows(tx: Db, comparisonId: string, rows: ComparisonRowInput[]): Promise<void> {
  await tx.comparisonRow.deleteMany({ where: { comparisonId } });
  if (rows.length === 0) return;
  const created = await tx.comparisonRow.createManyAndReturn({
    data: rows.map((row, position) => ({ comparisonId, position, aspect: row.aspect })),
    select: { id: true, position: true },
  });
  const rowIdAt = new Map(created.map((row) => [row.position, row.id]));
  const cells = rows.flatMap((row, position) =>
    row.cells.map((cell) => ({ rowId: rowIdAt.get(position)!, comparisonId, treatmentId: cell.treatmentId, text: cell.text })),
  );
  if (cells.length > 0) await tx.comparisonCell.createMany({ data: cells });
}
