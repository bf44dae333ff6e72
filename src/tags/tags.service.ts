/**
 * Tags: labels articles carry, across categories. Like categories they are live records (no
 * drafts or versions); unlike categories, a tag in use may be deleted: it is a label, not a
 * place an article lives, so removing it leaves nothing dangling (see deleteTag in schema.graphql).
 */
import type { CreateTagInput, UpdateTagInput } from '../__generated__/graphql.js';
import type { Tag } from '../__generated__/prisma/client.js';
import { authorize } from '../auth/policy.js';
import { kindTag, slugTag } from '../cache/tags.js';
import { inTransaction, type Context, type ServiceContext } from '../context.js';
import { fromPrismaError } from '../errors.js';
import { existingId } from '../shared/ids.js';
import { parseInput } from '../shared/validation.js';
import { createTagInput, updateTagInput } from './tags.validation.js';

type Ctx = ServiceContext;
type ReadCtx = Pick<Context, 'prisma' | 'cache'>;

export function findBySlug(ctx: ReadCtx, slug: string): Promise<Tag | null> {
  ctx.cache.depend(slugTag('TAG', slug));
  return ctx.prisma.tag.findUnique({ where: { slug } });
}

/** Every tag, by name (ids break ties, though names are unique). */
export function listAll(ctx: ReadCtx): Promise<Tag[]> {
  ctx.cache.depend(kindTag('TAG'));
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
 * Deletes a tag, used or not, without new versions or revisions of the articles using it: the
 * database drops it from every draft (ArticleTag cascades), and it is taken out of published
 * versions too, which stop showing it (their pages would anyway: it no longer loads). Revisions
 * keep naming it. NOT_FOUND for an unknown id.
 */
export async function remove(ctx: Ctx, id: string): Promise<string> {
  authorize(ctx.viewer, 'taxonomy:write');
  const tagId = existingId('tag', id);
  try {
    return await inTransaction(ctx, async (tx) => {
      await tx.tag.delete({ where: { id: tagId } });
      // The published copy must lose it like the draft did, or a published article would look
      // changed (draft and published version compared) though nobody edited it.
      await tx.$executeRaw`
        UPDATE "PublishedArticle"
           SET "tagIds" = array_remove("tagIds", ${tagId}::uuid),
               snapshot = jsonb_set(snapshot, '{tagIds}', (snapshot -> 'tagIds') - ${tagId}::text)
         WHERE "tagIds" @> ARRAY[${tagId}::uuid]`;
      return tagId;
    });
  } catch (error) {
    throw fromPrismaError(error, 'tag', id);
  }
}
