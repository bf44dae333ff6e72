/**
 * Articles: the pages. An article has a body of typed blocks, a category, a hero image, experts,
 * the treatments it is about, the comparisons it holds and its related links; every write of
 * those happens in one transaction.
 */
import type { ArticleOrderBy, ArticleWhereInput, CreateArticleInput, UpdateArticleInput } from '../__generated__/graphql.js';
import type { Article, Prisma } from '../__generated__/prisma/client.js';
import { authorize } from '../auth/policy.js';
import { inTransaction, type Db, type ServiceContext } from '../context.js';
import { bodyJson, quotedPeople } from '../content/body.js';
import { fromPrismaError, notFound } from '../errors.js';
import { checkLinks, replaceLinks } from '../links/links.service.js';
import { existingId } from '../shared/ids.js';
import { pageQuery, toConnection, type ConnectionMapper, type KeysetOrder, type PageArgs } from '../shared/pagination.js';
import { missingReferences, type Reference } from '../shared/references.js';
import { assertNoIssues, parseInput } from '../shared/validation.js';
import { createArticleInput, updateArticleInput, type ArticleInputData } from './articles.validation.js';

type Ctx = ServiceContext;

const orders: Record<ArticleOrderBy, KeysetOrder> = {
  PUBLISHED_AT_DESC: { field: 'publishedAt', direction: 'desc', nullable: true },
  UPDATED_AT_DESC: { field: 'updatedAt', direction: 'desc' },
  TITLE_ASC: { field: 'title', direction: 'asc' },
};

export function findBySlug(ctx: Ctx, slug: string): Promise<Article | null> {
  return ctx.prisma.article.findUnique({ where: { slug } });
}

export interface ArticleListArgs extends PageArgs {
  where?: ArticleWhereInput | null;
  orderBy?: ArticleOrderBy | null;
}

export async function list(ctx: Ctx, args: ArticleListArgs): Promise<ConnectionMapper<Article>> {
  const order = orders[args.orderBy ?? 'PUBLISHED_AT_DESC'];
  const filter = articleFilter(args.where);
  const query = pageQuery(args, order);
  const rows = await ctx.prisma.article.findMany({
    where: query.after ? { AND: [filter, query.after] } : filter,
    orderBy: query.orderBy,
    take: query.take,
  });
  return toConnection(rows, query, order, Boolean(args.after), () => ctx.prisma.article.count({ where: filter }));
}

function articleFilter(where: ArticleWhereInput | null | undefined): Prisma.ArticleWhereInput {
  const filters: Prisma.ArticleWhereInput[] = [];
  if (where?.categorySlug) filters.push({ category: { slug: where.categorySlug } });
  if (where?.treatmentSlug) filters.push({ treatments: { some: { treatment: { slug: where.treatmentSlug } } } });
  return { AND: filters };
}

export async function create(ctx: Ctx, input: CreateArticleInput): Promise<Article> {
  authorize(ctx.viewer, 'content:write');
  const data = parseInput(createArticleInput, input);
  try {
    return await inTransaction(ctx, async (tx) => {
      await checkReferences(tx, null, data);
      const article = await tx.article.create({
        data: {
          slug: data.slug,
          title: data.title,
          dek: data.dek ?? null,
          summary: data.summary ?? null,
          category: data.categoryId ? { connect: { id: data.categoryId } } : undefined,
          publishedAt: data.publishedAt ?? null,
          body: bodyJson(data.body ?? []),
          heroImage: data.heroImage ? { create: data.heroImage } : undefined,
        },
      });
      await writeRelations(tx, article.id, data);
      return article;
    });
  } catch (error) {
    throw fromPrismaError(error, 'article');
  }
}

export async function update(ctx: Ctx, id: string, input: UpdateArticleInput): Promise<Article> {
  authorize(ctx.viewer, 'content:write');
  const articleId = existingId('article', id);
  const data = parseInput(updateArticleInput, input);
  try {
    return await inTransaction(ctx, async (tx) => {
      const existing = await tx.article.findUnique({ where: { id: articleId } });
      if (!existing) throw notFound('article', id);
      await checkReferences(tx, articleId, data);
      await writeRelations(tx, articleId, data);
      return tx.article.update({
        where: { id: articleId },
        data: {
          slug: data.slug,
          title: data.title,
          dek: data.dek,
          summary: data.summary,
          category: categoryChange(data.categoryId),
          publishedAt: data.publishedAt,
          body: data.body && bodyJson(data.body),
          heroImage: heroImageChange(existing.heroImageId, data.heroImage),
          // Always written, so updatedAt moves even when only related rows changed.
          updatedAt: new Date(),
        },
      });
    });
  } catch (error) {
    throw fromPrismaError(error, 'article', id);
  }
}

/** Deletes the article and everything that belongs only to it; answers its id. */
export async function remove(ctx: Ctx, id: string): Promise<string> {
  authorize(ctx.viewer, 'content:write');
  const articleId = existingId('article', id);
  return inTransaction(ctx, async (tx) => {
    const article = await tx.article.findUnique({ where: { id: articleId }, select: { heroImageId: true } });
    if (!article) throw notFound('article', id);
    await tx.article.delete({ where: { id: articleId } });
    if (article.heroImageId) await tx.image.deleteMany({ where: { id: article.heroImageId, heroOf: { none: {} } } });
    return articleId;
  });
}

/** Every id the input refers to must exist; each that does not is an issue naming its field. */
async function checkReferences(tx: Db, articleId: string | null, data: Partial<ArticleInputData>): Promise<void> {
  const references: Reference[] = [
    ...(data.categoryId ? [{ model: 'category' as const, id: data.categoryId, path: 'input.categoryId' }] : []),
    ...(data.experts ?? []).map((e, i) => ({ model: 'person' as const, id: e.personId, path: `input.experts.${i}.personId` })),
    ...quotedPeople(data.body ?? [], 'input.body').map((q) => ({ model: 'person' as const, id: q.personId, path: q.path })),
    ...(data.treatmentIds ?? []).map((t, i) => ({ model: 'treatment' as const, id: t, path: `input.treatmentIds.${i}` })),
    ...(data.comparisonIds ?? []).map((c, i) => ({ model: 'comparison' as const, id: c, path: `input.comparisonIds.${i}` })),
  ];
  assertNoIssues(await missingReferences(tx, references));
  if (data.related) await checkLinks(tx, articleId, data.related, 'input.related');
}

/** Replaces each relation list the input gives; lists it leaves out stay as they are. */
async function writeRelations(tx: Db, articleId: string, data: Partial<ArticleInputData>): Promise<void> {
  if (data.experts) {
    await tx.articleExpert.deleteMany({ where: { articleId } });
    await tx.articleExpert.createMany({ data: data.experts.map((e, position) => ({ articleId, personId: e.personId, role: e.role, position })) });
  }
  if (data.treatmentIds) {
    await tx.articleTreatment.deleteMany({ where: { articleId } });
    await tx.articleTreatment.createMany({ data: data.treatmentIds.map((treatmentId, position) => ({ articleId, treatmentId, position })) });
  }
  if (data.comparisonIds) {
    await tx.articleComparison.deleteMany({ where: { articleId } });
    await tx.articleComparison.createMany({ data: data.comparisonIds.map((comparisonId, position) => ({ articleId, comparisonId, position })) });
  }
  if (data.related) await replaceLinks(tx, articleId, data.related);
}

function categoryChange(categoryId: string | null | undefined): Prisma.ArticleUpdateInput['category'] {
  if (categoryId === undefined) return undefined;
  return categoryId === null ? { disconnect: true } : { connect: { id: categoryId } };
}

function heroImageChange(
  currentId: string | null,
  image: ArticleInputData['heroImage'],
): Prisma.ArticleUpdateInput['heroImage'] {
  if (image === undefined) return undefined;
  if (image === null) return currentId ? { disconnect: true } : undefined;
  return currentId ? { update: image } : { create: image };
}
