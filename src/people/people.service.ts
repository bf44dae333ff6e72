/**
 * People: the experts quoted in, writing or reviewing content.
 */
import type { CreatePersonInput, UpdatePersonInput } from '../__generated__/graphql.js';
import type { Person } from '../__generated__/prisma/client.js';
import { authorize } from '../auth/policy.js';
import { kindTag, slugTag } from '../cache/tags.js';
import { inTransaction, type Context, type ServiceContext } from '../context.js';
import { conflict, fromPrismaError, notFound } from '../errors.js';
import { existingId } from '../shared/ids.js';
import { pageQuery, toConnection, type ConnectionMapper, type KeysetOrder, type PageArgs } from '../shared/pagination.js';
import { parseInput } from '../shared/validation.js';
import { createPersonInput, updatePersonInput } from './people.validation.js';

type Ctx = ServiceContext;
type ReadCtx = Pick<Context, 'prisma' | 'cache'>;

const byName: KeysetOrder = { field: 'name', direction: 'asc' };

export function findBySlug(ctx: ReadCtx, slug: string): Promise<Person | null> {
  ctx.cache.depend(slugTag('PERSON', slug));
  return ctx.prisma.person.findUnique({ where: { slug } });
}

export async function list(ctx: ReadCtx, args: PageArgs): Promise<ConnectionMapper<Person>> {
  ctx.cache.depend(kindTag('PERSON'));
  const query = pageQuery(args, byName);
  const rows = await ctx.prisma.person.findMany({ where: query.after ?? {}, orderBy: query.orderBy, take: query.take });
  return toConnection(rows, query, byName, Boolean(args.after), () => ctx.prisma.person.count());
}

export async function create(ctx: Ctx, input: CreatePersonInput): Promise<Person> {
  authorize(ctx.viewer, 'taxonomy:write');
  const data = parseInput(createPersonInput, input);
  try {
    return await ctx.prisma.person.create({ data });
  } catch (error) {
    throw fromPrismaError(error, 'person');
  }
}

export async function update(ctx: Ctx, id: string, input: UpdatePersonInput): Promise<Person> {
  authorize(ctx.viewer, 'taxonomy:write');
  const personId = existingId('person', id);
  const data = parseInput(updatePersonInput, input);
  try {
    return await ctx.prisma.person.update({ where: { id: personId }, data });
  } catch (error) {
    throw fromPrismaError(error, 'person', id);
  }
}

/** Deletes a person no article names as an expert; refused with CONFLICT otherwise. */
export async function remove(ctx: Ctx, id: string): Promise<string> {
  authorize(ctx.viewer, 'taxonomy:write');
  const personId = existingId('person', id);
  return inTransaction(ctx, async (tx) => {
    const person = await tx.person.findUnique({ where: { id: personId } });
    if (!person) throw notFound('person', id);
    // Drafts name experts in rows (one per role), published versions in their snapshot.
    const [drafts, published] = await Promise.all([
      tx.articleExpert.findMany({ where: { personId }, select: { articleId: true } }),
      tx.publishedArticle.findMany({ where: { snapshot: { path: ['experts'], array_contains: [{ personId }] } }, select: { articleId: true } }),
    ]);
    const articles = new Set([...drafts.map((e) => e.articleId), ...published.map((a) => a.articleId)]).size;
    if (articles > 0) {
      throw conflict(`${person.name} is an expert on ${articles} article(s); remove them from those articles first.`, { usedBy: { articles } });
    }
    await tx.person.delete({ where: { id: personId } });
    return personId;
  });
}
