/**
 * Categories: simple records that articles belong to.
 */
import type { CreateCategoryInput, UpdateCategoryInput } from '../__generated__/graphql.js';
import type { Category } from '../__generated__/prisma/client.js';
import { authorize } from '../auth/policy.js';
import { kindTag, slugTag } from '../cache/tags.js';
import { inTransaction, type Context, type ServiceContext } from '../context.js';
import { conflict, fromPrismaError, notFound } from '../errors.js';
import { existingId } from '../shared/ids.js';
import { parseInput } from '../shared/validation.js';
import { createCategoryInput, updateCategoryInput } from './categories.validation.js';

type Ctx = ServiceContext;
type ReadCtx = Pick<Context, 'prisma' | 'cache'>;

export function findBySlug(ctx: ReadCtx, slug: string): Promise<Category | null> {
  ctx.cache.depend(slugTag('CATEGORY', slug));
  return ctx.prisma.category.findUnique({ where: { slug } });
}

export function listAll(ctx: ReadCtx): Promise<Category[]> {
  ctx.cache.depend(kindTag('CATEGORY'));
  return ctx.prisma.category.findMany({ orderBy: [{ name: 'asc' }, { id: 'asc' }] });
}

export async function create(ctx: Ctx, input: CreateCategoryInput): Promise<Category> {
  authorize(ctx.viewer, 'taxonomy:write');
  const data = parseInput(createCategoryInput, input);
  try {
    return await ctx.prisma.category.create({ data });
  } catch (error) {
    throw fromPrismaError(error, 'category');
  }
}

export async function update(ctx: Ctx, id: string, input: UpdateCategoryInput): Promise<Category> {
  authorize(ctx.viewer, 'taxonomy:write');
  const categoryId = existingId('category', id);
  const data = parseInput(updateCategoryInput, input);
  try {
    return await ctx.prisma.category.update({ where: { id: categoryId }, data });
  } catch (error) {
    throw fromPrismaError(error, 'category', id);
  }
}

/** Deletes an empty category; refused with CONFLICT while articles are in it. */
export async function remove(ctx: Ctx, id: string): Promise<string> {
  authorize(ctx.viewer, 'taxonomy:write');
  const categoryId = existingId('category', id);
  return inTransaction(ctx, async (tx) => {
    const category = await tx.category.findUnique({ where: { id: categoryId } });
    if (!category) throw notFound('category', id);
    // Drafts (trashed ones too: they may come back) and published versions both count.
    const [drafts, published] = await Promise.all([
      tx.article.findMany({ where: { categoryId }, select: { id: true } }),
      tx.publishedArticle.findMany({ where: { categoryId }, select: { articleId: true } }),
    ]);
    const articles = new Set([...drafts.map((a) => a.id), ...published.map((a) => a.articleId)]).size;
    if (articles > 0) {
      throw conflict(`Category "${category.name}" still has ${articles} article(s); move them to another category first.`, { usedBy: { articles } });
    }
    await tx.category.delete({ where: { id: categoryId } });
    return categoryId;
  });
}
