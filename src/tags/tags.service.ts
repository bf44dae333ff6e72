/**
 * Tags: labels articles carry, across categories. Like categories they are live records (no
 * drafts or versions); unlike categories, a tag in use may be deleted: it is a label, not a
 * place an article lives, so removing it leaves nothing dangling (see deleteTag in schema.graphql).
 */
import type { CreateTagInput, UpdateTagInput } from '../__generated__/graphql.js';
import type { Tag } from '../__generated__/prisma/client.js';
import { authorize } from '../auth/policy.js';
import type { ServiceContext } from '../context.js';
import { fromPrismaError } from '../errors.js';
import { existingId } from '../shared/ids.js';
import { parseInput } from '../shared/validation.js';
import { createTagInput, updateTagInput } from './tags.validation.js';

type Ctx = ServiceContext;

export function findBySlug(ctx: Ctx, slug: string): Promise<Tag | null> {
  return ctx.prisma.tag.findUnique({ where: { slug } });
}

/** Every tag, by name (ids break ties, though names are unique). */
export function listAll(ctx: Ctx): Promise<Tag[]> {
  return ctx.prisma.tag.findMany({ orderBy: [{ name: 'asc' }, { id: 'asc' }] });
}

/** Creates a tag; a taken slug or name is CONFLICT. */
export async function create(ctx: Ctx, input: CreateTagInput): Promise<Tag> {
  authorize(ctx.viewer, 'taxonomy:write');
  const data = parseInput(createTagInput, input);
  try {
    return await ctx.prisma.tag.create({ data });
  } catch (error) {
    throw fromPrismaError(error, 'tag');
  }
}

/** Changes the fields given; a taken slug or name is CONFLICT, an unknown id NOT_FOUND. */
export async function update(ctx: Ctx, id: string, input: UpdateTagInput): Promise<Tag> {
  authorize(ctx.viewer, 'taxonomy:write');
  const tagId = existingId('tag', id);
  const data = parseInput(updateTagInput, input);
  try {
    return await ctx.prisma.tag.update({ where: { id: tagId }, data });
  } catch (error) {
    throw fromPrismaError(error, 'tag', id);
  }
}

/**
 * Deletes a tag, used or not: the database drops it from every draft with it (ArticleTag
 * cascades). Published versions keep its id in their snapshot, and their pages leave it out
 * because it no longer loads. NOT_FOUND for an unknown id.
 */
export async function remove(ctx: Ctx, id: string): Promise<string> {
  authorize(ctx.viewer, 'taxonomy:write');
  const tagId = existingId('tag', id);
  try {
    await ctx.prisma.tag.delete({ where: { id: tagId } });
    return tagId;
  } catch (error) {
    throw fromPrismaError(error, 'tag', id);
  }
}
