/**
 * Finding a document by slug, for the public (published version) or for an editor's preview
 * (the draft), following old slugs of published documents so links out in the world keep working.
 */
import { authorize } from '../auth/policy.js';
import { idTag, slugTag } from '../cache/tags.js';
import type { Context } from '../context.js';
import type { DocumentType, DocumentView, Stage } from './documents.js';

export interface SlugLookup<V extends DocumentView> {
  type: DocumentType;
  /** The id of the live draft with this slug. */
  draftIdBySlug(slug: string): Promise<string | null>;
  /** The published version with this slug, read whole (one statement for the page's root). */
  publishedBySlug(slug: string): Promise<V | null>;
  byId: Record<Stage, { load(id: string): Promise<V | null> }> & { PUBLISHED: { prime(id: string, value: V): unknown } };
}

/** Checks that a preview is asked for by an editor; answers the stage to read. */
export function stageFor(ctx: Pick<Context, 'viewer'>, preview: boolean | null | undefined): Stage {
  if (!preview) return 'PUBLISHED';
  authorize(ctx.viewer, 'drafts:read');
  return 'DRAFT';
}

export async function findBySlug<V extends DocumentView>(ctx: Context, lookup: SlugLookup<V>, slug: string, preview: boolean | null | undefined): Promise<V | null> {
  const stage = stageFor(ctx, preview);
  // Whatever is found here, a redirect or nothing: publishing at this slug changes the answer.
  ctx.cache.depend(slugTag(lookup.type, slug));
  let id = stage === 'DRAFT' ? await lookup.draftIdBySlug(slug) : null;
  if (!id) {
    const published = await lookup.publishedBySlug(slug);
    if (published) {
      ctx.cache.depend(idTag(lookup.type, published.id));
      lookup.byId.PUBLISHED.prime(published.id, published);
      if (stage === 'PUBLISHED') return published;
      id = published.id;
    }
  }
  id ??= (await ctx.prisma.slugRedirect.findUnique({ where: { documentType_slug: { documentType: lookup.type, slug } } }))?.documentId ?? null;
  if (!id) return null;
  const view = await lookup.byId[stage].load(id);
  return view && view.slug !== slug ? { ...view, requestedSlug: slug } : view;
}
