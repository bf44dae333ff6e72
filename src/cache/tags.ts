/**
 * What a cached answer depends on, as tags: the one vocabulary shared by the code that records
 * dependencies while a public request runs and by the database triggers that announce changes
 * (prisma/migrations/*_response_cache_invalidation builds the same strings in SQL; keep both in
 * step).
 *
 * - `KIND:<id>`: one row, e.g. `ARTICLE:0193…`. An answer that loaded it (found or not: a
 *   related link to an unpublished article must appear once it is published) depends on it.
 * - `KIND:slug:<slug>`: whatever is found at a slug, a redirect included, or nothing.
 * - `KIND`: the whole published set of a kind. Lists, counts and filters depend on it, since
 *   any change may add, drop or reorder their rows.
 *
 * Images have no tags: published documents carry copies of their images in the snapshot, so no
 * public answer reads the Image table.
 */

/** The kinds of rows public answers read live. */
export type CacheKind = 'ARTICLE' | 'TREATMENT' | 'COMPARISON' | 'CATEGORY' | 'PERSON' | 'TAG';

export const DOCUMENT_KINDS = ['ARTICLE', 'TREATMENT', 'COMPARISON'] as const satisfies readonly CacheKind[];

/** Tells the cache to drop everything (a payload too large for one notification). */
export const EVERYTHING = '*';

/** Any list, count or filter over the published rows of `kind`. */
export function kindTag(kind: CacheKind): string {
  return kind;
}

/** One row of `kind`, found or not. */
export function idTag(kind: CacheKind, id: string): string {
  // Ids reach SQL as uuid::text, which is lower case.
  return `${kind}:${id.toLowerCase()}`;
}

/** Whatever of `kind` is found at `slug`: a row, a redirect, or nothing. */
export function slugTag(kind: CacheKind, slug: string): string {
  return `${kind}:slug:${slug}`;
}

/** What a search over published documents depends on: every published document of every kind. */
export const SEARCH_TAGS: readonly string[] = DOCUMENT_KINDS.map(kindTag);

/**
 * Where a request records what its answer depends on. For requests whose answer is never
 * cached (anything with a credential) it is `IGNORE_DEPENDENCIES`, which does nothing.
 */
export interface CacheDependencies {
  depend(...tags: string[]): void;
}

export const IGNORE_DEPENDENCIES: CacheDependencies = { depend() {} };
