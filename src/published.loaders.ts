/**
 * Loaders of what public pages show: published documents (articles, treatments, comparisons)
 * and the live taxonomy (categories, people, tags), all one family fetched with one statement per
 * batch (see shared/kind-loader.ts). An article row brings its category along, so the cards of
 * related articles need no second round. An article's page goes further: the statement that
 * finds it by slug reads the family's rows its page shows along with it (publishedArticlePageSql),
 * so a whole page is one statement whatever it links to.
 *
 * Articles are read without their body and treatments without their description (the bulk of
 * their snapshots): cards, lists, links and comparison columns never show them. `Article.body`
 * and `Treatment.description` ask for them by themselves (ARTICLE_BODY, TREATMENT_DESCRIPTION)
 * when a query wants them; a page's root, read by slug, has them already.
 */
import { publishedArticleView } from './articles/articles.snapshot.js';
import { idTag, type CacheDependencies, type CacheKind } from './cache/tags.js';
import { publishedComparisonView } from './comparisons/comparisons.snapshot.js';
import { sql, type Sql, type SqlReader } from './db/sql.js';
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
export interface PublishedRow {
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

/**
 * The family's rows for the ids each kind names: `ids[kind]` is a uuid[] expression, bound ids
 * for a batch or ids read in the same statement for a page (publishedArticlePageSql).
 */
function familyRowsSql(ids: Record<Kind, Sql>): Sql {
  return sql`
      SELECT 'ARTICLE' AS kind, p."articleId"::text AS id, p.version, p."updatedAt", NULL::timestamptz AS "createdAt", p.snapshot - 'body' AS data, to_jsonb(c) AS category
        FROM "PublishedArticle" p LEFT JOIN "Category" c ON c.id = p."categoryId"
       WHERE p."articleId" = ANY(${ids.ARTICLE})
      UNION ALL
      SELECT 'ARTICLE_BODY', "articleId"::text, version, "updatedAt", NULL, snapshot -> 'body', NULL
        FROM "PublishedArticle" WHERE "articleId" = ANY(${ids.ARTICLE_BODY})
      UNION ALL
      SELECT 'TREATMENT', "treatmentId"::text, version, "updatedAt", "createdAt", snapshot - 'description', NULL
        FROM "PublishedTreatment" WHERE "treatmentId" = ANY(${ids.TREATMENT})
      UNION ALL
      SELECT 'TREATMENT_DESCRIPTION', "treatmentId"::text, version, "updatedAt", "createdAt", snapshot -> 'description', NULL
        FROM "PublishedTreatment" WHERE "treatmentId" = ANY(${ids.TREATMENT_DESCRIPTION})
      UNION ALL
      SELECT 'COMPARISON', "comparisonId"::text, version, "updatedAt", "createdAt", snapshot, NULL
        FROM "PublishedComparison" WHERE "comparisonId" = ANY(${ids.COMPARISON})
      UNION ALL
      SELECT 'CATEGORY', id::text, NULL, NULL, NULL, to_jsonb(c), NULL FROM "Category" c WHERE id = ANY(${ids.CATEGORY})
      UNION ALL
      SELECT 'PERSON', id::text, NULL, NULL, NULL, to_jsonb(p), NULL FROM "Person" p WHERE id = ANY(${ids.PERSON})
      UNION ALL
      SELECT 'TAG', id::text, NULL, NULL, NULL, to_jsonb(t), NULL FROM "Tag" t WHERE id = ANY(${ids.TAG})`;
}

/** The kinds a published article's page shows besides the article: what its page statement reads along. */
type PageKind = Exclude<Kind, 'ARTICLE_BODY' | 'TREATMENT_DESCRIPTION'>;

/**
 * A published article by slug together with everything its page shows, in one statement: its
 * category, experts and quoted people, tags, treatments, comparisons and their treatments, and
 * the articles it links to (with their categories). Rows: kind 'ROOT' (the article, whole),
 * kind 'ASKED' (`data`: the ids read from it, by kind, found or not), then the family's rows.
 * The ids are read from the snapshot in SQL, so the page needs no second round.
 */
export function publishedArticlePageSql(slug: string): Sql {
  const asked = (kind: PageKind) => sql.raw(`(SELECT "${kind}" FROM asked)::uuid[]`);
  return sql`
    WITH root AS MATERIALIZED (
      SELECT "articleId", version, "updatedAt", snapshot FROM "PublishedArticle" WHERE slug = ${slug}
    ),
    comparisons AS MATERIALIZED (
      SELECT ARRAY(SELECT jsonb_array_elements_text(r.snapshot -> 'comparisonIds')::uuid FROM root r) AS ids
    ),
    asked AS MATERIALIZED (
      SELECT
        ARRAY(SELECT (l ->> 'articleId')::uuid FROM root r, jsonb_array_elements(r.snapshot -> 'related') l WHERE l ->> 'articleId' IS NOT NULL) AS "ARTICLE",
        ARRAY(SELECT jsonb_array_elements_text(r.snapshot -> 'treatmentIds')::uuid FROM root r
              UNION
              SELECT jsonb_array_elements_text(c.snapshot -> 'treatmentIds')::uuid
                FROM "PublishedComparison" c, comparisons WHERE c."comparisonId" = ANY(comparisons.ids)) AS "TREATMENT",
        (SELECT ids FROM comparisons) AS "COMPARISON",
        ARRAY(SELECT (r.snapshot ->> 'categoryId')::uuid FROM root r WHERE r.snapshot ->> 'categoryId' IS NOT NULL) AS "CATEGORY",
        ARRAY(SELECT (e ->> 'personId')::uuid FROM root r, jsonb_array_elements(r.snapshot -> 'experts') e
              UNION
              SELECT (b ->> 'personId')::uuid FROM root r, jsonb_array_elements(r.snapshot -> 'body') b
               WHERE b ->> 'type' = 'quote' AND b ->> 'personId' IS NOT NULL) AS "PERSON",
        ARRAY(SELECT jsonb_array_elements_text(coalesce(r.snapshot -> 'tagIds', '[]'))::uuid FROM root r) AS "TAG"
    )
    SELECT 'ROOT' AS kind, "articleId"::text AS id, version, "updatedAt", NULL::timestamptz AS "createdAt", snapshot AS data, NULL::jsonb AS category FROM root
    UNION ALL
    SELECT 'ASKED', '', NULL, NULL, NULL, to_jsonb(asked), NULL FROM asked
    UNION ALL
    ${familyRowsSql({
      ARTICLE: asked('ARTICLE'),
      ARTICLE_BODY: sql`'{}'::uuid[]`,
      TREATMENT: asked('TREATMENT'),
      TREATMENT_DESCRIPTION: sql`'{}'::uuid[]`,
      COMPARISON: asked('COMPARISON'),
      CATEGORY: asked('CATEGORY'),
      PERSON: asked('PERSON'),
      TAG: asked('TAG'),
    })}`;
}

/** A row of publishedArticlePageSql. */
export type PageRow = Omit<PublishedRow, 'kind'> & { kind: Kind | 'ROOT' | 'ASKED' };

export function createPublishedLoaders(db: SqlReader, cache: CacheDependencies) {
  /** A family row, and its article's category as a row of its own when it has one. */
  const withCategory = (row: PublishedRow): { kind: Kind; id: string; row: PublishedRow }[] => {
    const own = { kind: row.kind, id: row.id, row };
    if (!row.category) return [own];
    // The category comes along as a row of its own kind (primed, not fetched again), and the
    // answer depends on it as if it had been asked for.
    const categoryId = String(row.category.id);
    cache.depend(idTag('CATEGORY', categoryId));
    return [own, { kind: 'CATEGORY' as const, id: categoryId, row: { ...row, kind: 'CATEGORY' as const, data: row.category, category: null } }];
  };

  const family = kindLoader<Kind, PublishedRow>(dependingOnIds(cache, async (ids) => {
    const bound = Object.fromEntries(KINDS.map((kind) => [kind, sql`${uuids(ids[kind])}::uuid[]`])) as Record<Kind, Sql>;
    const rows = await db.query<PublishedRow>(familyRowsSql(bound));
    return rows.flatMap(withCategory);
  }), KINDS);

  const withDates = <T>(row: PublishedRow): T => {
    const data = row.data as Record<string, unknown>;
    return { ...data, createdAt: new Date(data.createdAt as string), updatedAt: new Date(data.updatedAt as string) } as T;
  };

  return {
    /**
     * Keeps family rows another statement read (a search hit's article, with its category) as if
     * fetched; the answer depends on a category read along, as in a batch.
     */
    primeRows(rows: readonly PublishedRow[]): void {
      family.prime(rows.flatMap(withCategory), []);
    },
    /**
     * Takes the rows of publishedArticlePageSql: keeps the family's rows as if fetched, makes the
     * answer depend on every id read (found or not, as a batch does), and answers the root row,
     * or null when no published article has the slug.
     */
    primeArticlePage(rows: readonly PageRow[]): PageRow | null {
      const root = rows.find((row) => row.kind === 'ROOT') ?? null;
      const asked = rows.find((row) => row.kind === 'ASKED')?.data as Record<PageKind, string[]> | undefined;
      if (!root || !asked) return root;
      const keys = (Object.entries(asked) as [PageKind, string[]][]).flatMap(([kind, ids]) => ids.map((id) => ({ kind, id })));
      for (const { kind, id } of keys) cache.depend(idTag(kind, id));
      const found = rows.filter((row): row is PublishedRow => row.kind !== 'ROOT' && row.kind !== 'ASKED');
      family.prime(found.flatMap(withCategory), keys);
      return root;
    },
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
