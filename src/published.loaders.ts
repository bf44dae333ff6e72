/**
 * Loaders of what public pages show: published documents (articles, treatments, comparisons)
 * and the live taxonomy (categories, people, tags), all one family fetched with one statement per
 * batch (see shared/kind-loader.ts). An article row brings its category along, so the cards of
 * related articles need no second round. This is what keeps a published page at a couple of
 * statements whatever it links to.
 *
 * Articles are read without their body and treatments without their description (the bulk of
 * their snapshots): cards, lists, links and comparison columns never show them. `Article.body`
 * and `Treatment.description` ask for them by themselves (ARTICLE_BODY, TREATMENT_DESCRIPTION)
 * when a query wants them; a page's root, read by slug, has them already.
 */
import { publishedArticleView } from './articles/articles.snapshot.js';
import { idTag, type CacheDependencies, type CacheKind } from './cache/tags.js';
import { publishedComparisonView } from './comparisons/comparisons.snapshot.js';
import { sql, type SqlReader } from './db/sql.js';
import type { Category, Person, Tag } from './__generated__/prisma/client.js';
import { storedBody, type BodyBlock } from './content/body.js';
import { isUuid } from './shared/ids.js';
import { kindLoader } from './shared/kind-loader.js';
import { publishedTreatmentView } from './treatments/treatments.snapshot.js';

type Kind = 'ARTICLE' | 'ARTICLE_BODY' | 'TREATMENT' | 'TREATMENT_DESCRIPTION' | 'COMPARISON' | 'CATEGORY' | 'PERSON' | 'TAG';
const KINDS: readonly Kind[] = ['ARTICLE', 'ARTICLE_BODY', 'TREATMENT', 'TREATMENT_DESCRIPTION', 'COMPARISON', 'CATEGORY', 'PERSON', 'TAG'];

/** The long part of a document, read only when asked for, depends on its document. */
const PART_OF: Partial<Record<Kind, CacheKind>> = { ARTICLE_BODY: 'ARTICLE', TREATMENT_DESCRIPTION: 'TREATMENT' };

/** One row of any kind: documents fill version/dates/data (the snapshot); taxonomy rows only data. */
interface PublishedRow {
  kind: Kind;
  id: string;
  version: number;
  updatedAt: Date;
  createdAt: Date | null;
  data: unknown;
  /** An article's category row, or null. */
  category: Record<string, unknown> | null;
}

/**
 * Ids compared as uuid (text comparisons could not use the primary keys: a sequential scan per
 * batch); a key that cannot be a uuid names nothing, so it is left out rather than failing the cast.
 */
const uuids = (ids: string[]): string[] => ids.filter(isUuid);

/**
 * Records every id a batch asks for, found or not, as a dependency of the answer: an answer
 * that lacks one (a link to an unpublished article) changes when it is published.
 */
function dependingOnIds<K extends Kind, R>(cache: CacheDependencies, fetch: (ids: Record<K, string[]>) => Promise<R>) {
  return (ids: Record<K, string[]>): Promise<R> => {
    for (const [kind, list] of Object.entries(ids) as [K, string[]][]) {
      const tagKind = PART_OF[kind] ?? (kind as CacheKind);
      cache.depend(...list.map((id) => idTag(tagKind, id)));
    }
    return fetch(ids);
  };
}

export function createPublishedLoaders(db: SqlReader, cache: CacheDependencies) {
  const family = kindLoader<Kind, PublishedRow>(dependingOnIds(cache, async (ids) => {
    const rows = await db.query<PublishedRow>(sql`
      SELECT 'ARTICLE' AS kind, p."articleId"::text AS id, p.version, p."updatedAt", NULL::timestamptz AS "createdAt", p.snapshot - 'body' AS data, to_jsonb(c) AS category
        FROM "PublishedArticle" p LEFT JOIN "Category" c ON c.id = p."categoryId"
       WHERE p."articleId" = ANY(${uuids(ids.ARTICLE)}::uuid[])
      UNION ALL
      SELECT 'ARTICLE_BODY', "articleId"::text, version, "updatedAt", NULL, snapshot -> 'body', NULL
        FROM "PublishedArticle" WHERE "articleId" = ANY(${uuids(ids.ARTICLE_BODY)}::uuid[])
      UNION ALL
      SELECT 'TREATMENT', "treatmentId"::text, version, "updatedAt", "createdAt", snapshot - 'description', NULL
        FROM "PublishedTreatment" WHERE "treatmentId" = ANY(${uuids(ids.TREATMENT)}::uuid[])
      UNION ALL
      SELECT 'TREATMENT_DESCRIPTION', "treatmentId"::text, version, "updatedAt", "createdAt", snapshot -> 'description', NULL
        FROM "PublishedTreatment" WHERE "treatmentId" = ANY(${uuids(ids.TREATMENT_DESCRIPTION)}::uuid[])
      UNION ALL
      SELECT 'COMPARISON', "comparisonId"::text, version, "updatedAt", "createdAt", snapshot, NULL
        FROM "PublishedComparison" WHERE "comparisonId" = ANY(${uuids(ids.COMPARISON)}::uuid[])
      UNION ALL
      SELECT 'CATEGORY', id::text, NULL, NULL, NULL, to_jsonb(c), NULL FROM "Category" c WHERE id = ANY(${uuids(ids.CATEGORY)}::uuid[])
      UNION ALL
      SELECT 'PERSON', id::text, NULL, NULL, NULL, to_jsonb(p), NULL FROM "Person" p WHERE id = ANY(${uuids(ids.PERSON)}::uuid[])
      UNION ALL
      SELECT 'TAG', id::text, NULL, NULL, NULL, to_jsonb(t), NULL FROM "Tag" t WHERE id = ANY(${uuids(ids.TAG)}::uuid[])`);
    return rows.flatMap((row) => {
      const own = { kind: row.kind, id: row.id, row };
      if (!row.category) return [own];
      // The category comes along as a row of its own kind (primed, not fetched again), and the
      // answer depends on it as if it had been asked for.
      const categoryId = String(row.category.id);
      cache.depend(idTag('CATEGORY', categoryId));
      return [own, { kind: 'CATEGORY' as const, id: categoryId, row: { ...row, kind: 'CATEGORY' as const, data: row.category, category: null } }];
    });
  }), KINDS);

  const withDates = <T>(row: PublishedRow): T => {
    const data = row.data as Record<string, unknown>;
    return { ...data, createdAt: new Date(data.createdAt as string), updatedAt: new Date(data.updatedAt as string) } as T;
  };

  return {
    /** Published articles without their body (see publishedArticleBodyById). */
    publishedArticleById: family.of('ARTICLE', (r) => publishedArticleView({ articleId: r.id, version: r.version, updatedAt: r.updatedAt, snapshot: r.data })),
    /** The body of a published article, for `Article.body` on an article read without it. */
    publishedArticleBodyById: family.of('ARTICLE_BODY', (r): BodyBlock[] => storedBody(r.data)),
    /** Published treatments without their description (see publishedTreatmentDescriptionById). */
    publishedTreatmentById: family.of('TREATMENT', (r) =>
      publishedTreatmentView({ treatmentId: r.id, version: r.version, updatedAt: r.updatedAt, createdAt: r.createdAt!, snapshot: r.data }),
    ),
    /** The description of a published treatment, for `Treatment.description` on one read without it. */
    publishedTreatmentDescriptionById: family.of('TREATMENT_DESCRIPTION', (r): BodyBlock[] => storedBody(r.data)),
    publishedComparisonById: family.of('COMPARISON', (r) =>
      publishedComparisonView({ comparisonId: r.id, version: r.version, updatedAt: r.updatedAt, createdAt: r.createdAt!, snapshot: r.data }),
    ),
    categoryById: family.of('CATEGORY', (row) => withDates<Category>(row)),
    personById: family.of('PERSON', (row) => withDates<Person>(row)),
    tagById: family.of('TAG', (row) => withDates<Tag>(row)),
  };
}
