/**
 * Full-text search over published documents: one SQL statement per page, over the
 * SearchDocument index (search.index.ts), that ranks the matches, keeps one page, and only for
 * that page computes the highlights and reads the published versions whole.
 *
 * Ranking is ts_rank with PostgreSQL's default weights (title A 1.0, summary B 0.4) over
 * `headVector`, the title and summary alone: a title match outranks a summary match, which
 * outranks a match in the body only. The body decides whether a document is a hit, not how high
 * it ranks: hits found only there score 0 and come newest first. That keeps ranking cheap however
 * many documents match (each match's row is narrow and holds a few hundred bytes to rank; see the
 * search_head_ranking migration), where ranking every body word read kilobytes per match.
 * Ties go to the newer publication date, then to the document id, which makes the order total.
 *
 * Paging is keyset on (rank, publishedAt, documentId): the cursor holds the last hit's exact
 * rank (a float4, which survives the trip through a JS number and back unchanged), and the next
 * page is what ranks strictly below it. No OFFSET, so a deep page costs what the first does: every
 * match is ranked and the best few kept (a top-N sort), whichever page is asked for.
 */
import { z } from 'zod';
import type { DocumentType } from '../__generated__/graphql.js';
import { SEARCH_TAGS } from '../cache/tags.js';
import { publishedArticleView } from '../articles/articles.snapshot.js';
import { publishedComparisonView } from '../comparisons/comparisons.snapshot.js';
import type { Context } from '../context.js';
import { sql } from '../db/sql.js';
import { badUserInput } from '../errors.js';
import { MAX_PAGE_SIZE, pageSize, type ConnectionMapper } from '../shared/pagination.js';
import { parseInput } from '../shared/validation.js';
import { publishedTreatmentView } from '../treatments/treatments.snapshot.js';
import type { SearchHitMapper } from './search.mappers.js';
import { parseSearchQuery } from './query.js';
import { parseHeadline, SNIPPET_OPTIONS, SNIPPET_TEXT_SQL, TITLE_OPTIONS } from './snippet.js';

export interface SearchArgs {
  query: string;
  first?: number | null;
  after?: string | null;
  types?: DocumentType[] | null;
}

const types = z.array(z.enum(['ARTICLE', 'TREATMENT', 'COMPARISON'])).min(1, 'must name at least one type (or be left out for all)');

interface Cursor {
  rank: number;
  publishedAt: string;
  id: string;
}

const cursorShape = z.tuple([z.number().finite(), z.iso.datetime(), z.uuid()]);

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.rank, cursor.publishedAt, cursor.id])).toString('base64url');
}

function decodeCursor(value: string): Cursor {
  try {
    const [rank, publishedAt, id] = cursorShape.parse(JSON.parse(Buffer.from(value, 'base64url').toString('utf8')));
    return { rank, publishedAt, id };
  } catch {
    throw badUserInput([{ path: 'after', message: 'is not a cursor this search gave out' }]);
  }
}

interface HitRow {
  searchable: boolean;
  /** Null on the one row answered when nothing matches. */
  type: DocumentType | null;
  id: string;
  rank: number;
  publishedAt: Date;
  titleHeadline: string;
  snippetHeadline: string;
  version: number;
  updatedAt: Date;
  createdAt: Date | null;
  snapshot: unknown;
  /** An article's category row, or null. */
  category: Record<string, unknown> | null;
}

const STOP_WORDS_ONLY =
  'has only very common words ("the", "and", "with", ...), which are not searched: add a more specific word';

/**
 * One page of hits for `args.query`. Throws BAD_USER_INPUT for a query the language refuses
 * (query.ts), for one that holds only stop words (known once PostgreSQL has normalized it),
 * for `first` out of range, an empty `types` or a cursor it did not give out.
 */
export async function search(ctx: Context, args: SearchArgs): Promise<ConnectionMapper<SearchHitMapper>> {
  // 1. Validate: nothing reaches the database unless the whole request is well formed.
  const { tsquery, anyTerm, looseTsquery } = parseSearchQuery(args.query);
  const size = pageSize(args.first);
  const kinds = args.types == null ? null : parseInput(types, args.types, 'types');
  const after = args.after ? decodeCursor(args.after) : null;
  // Any publish, unpublish or edit of a published document may change the hits.
  ctx.cache.depend(...SEARCH_TAGS);

  // 2. One statement. `q` is evaluated once (its tsquery is used per row by the rank and the
  //    highlights); `searchable` is false when normalizing left no positive term (stop words
  //    only), which also keeps the index from being scanned for nothing. The LEFT JOIN answers
  //    one row even when nothing matches, so that case needs no second statement either.
  const typeFilter = kinds ? sql`AND d."documentType" = ANY(${kinds}::text[]::"DocumentType"[])` : sql``;
  const afterFilter = after
    ? sql`WHERE (m.rank, m."publishedAt", m."documentId") < (${after.rank}::real, ${after.publishedAt}::timestamptz, ${after.id}::uuid)`
    : sql``;
  const matches = sql`
    SELECT d."documentType", d."documentId", d."publishedAt", d.vector, ts_rank(d."headVector", q.query) AS rank
    FROM q JOIN "SearchDocument" d ON d.vector @@ q.loose
    WHERE q.searchable ${typeFilter}`;
  // Without a phrase the index answers the query exactly: rank every match and keep the best
  // MAX_PAGE_SIZE + 1 (a top-N sort), a constant, whatever `first` is; the page is cut from them
  // below. With `first` as a parameter there, the planner's guess for an unknown limit made it
  // plan the statement anew on every execution (about 1.5 ms each) instead of reusing one plan,
  // and keeping 101 of 5,000 costs no more than keeping 21.
  //
  // A phrase needs each candidate's word positions, read from its full vector in TOAST: the
  // candidates the loosened query finds are ranked first, and positions are checked in rank
  // order only until the page is full, not for thousands of candidates (this statement's plan is
  // reused with `first` as a parameter, and every row kept past the page would cost a check).
  const kept = sql.raw(String(MAX_PAGE_SIZE + 1));
  const pageOfMatches =
    looseTsquery === tsquery
      ? sql`SELECT * FROM (${matches}) m ${afterFilter} ORDER BY m.rank DESC, m."publishedAt" DESC, m."documentId" DESC LIMIT ${kept}`
      : sql`
        SELECT m.* FROM (
          SELECT * FROM (${matches}) m ${afterFilter} ORDER BY m.rank DESC, m."publishedAt" DESC, m."documentId" DESC
          OFFSET 0 -- kept apart, so the phrase check is not pushed down to every candidate
        ) m CROSS JOIN q
        WHERE m.vector @@ q.query
        ORDER BY m.rank DESC, m."publishedAt" DESC, m."documentId" DESC
        LIMIT ${size + 1}`;
  const rows = await ctx.sql.query<HitRow>(sql`
    WITH q AS MATERIALIZED (
      SELECT query, to_tsquery('english', ${looseTsquery}) AS loose, to_tsquery('english', ${anyTerm}) AS "anyTerm",
        querytree(query) NOT IN ('', 'T') AS searchable
      FROM to_tsquery('english', ${tsquery}) AS query
    ),
    page AS (${pageOfMatches})
    SELECT q.searchable, hit.* FROM q LEFT JOIN LATERAL (
      -- Highlights and published versions for this page only: ts_headline parses the text anew.
      SELECT p."documentType"::text AS type, p."documentId"::text AS id, p."documentId" AS uuid, p.rank, p."publishedAt",
        ts_headline('english', d.title, q.query, ${TITLE_OPTIONS}) AS "titleHeadline",
        ts_headline('english', ${sql.raw(SNIPPET_TEXT_SQL)}, q.query, ${SNIPPET_OPTIONS}) AS "snippetHeadline",
        coalesce(pa.version, pt.version, pc.version) AS version,
        coalesce(pa."updatedAt", pt."updatedAt", pc."updatedAt") AS "updatedAt",
        coalesce(pt."createdAt", pc."createdAt") AS "createdAt",
        -- Read as cards: without an article's body or a treatment's description (fetched if asked for).
        coalesce(pa.snapshot - 'body', pt.snapshot - 'description', pc.snapshot) AS snapshot,
        -- An article's category comes along, as in the loaders' batches: result cards show it.
        to_jsonb(c) AS category
      FROM (SELECT * FROM page ORDER BY rank DESC, "publishedAt" DESC, "documentId" DESC LIMIT ${size + 1}) p
      JOIN "SearchDocument" d ON d."documentType" = p."documentType" AND d."documentId" = p."documentId"
      LEFT JOIN "PublishedArticle" pa ON p."documentType" = 'ARTICLE' AND pa."articleId" = p."documentId"
      LEFT JOIN "Category" c ON c.id = pa."categoryId"
      LEFT JOIN "PublishedTreatment" pt ON p."documentType" = 'TREATMENT' AND pt."treatmentId" = p."documentId"
      LEFT JOIN "PublishedComparison" pc ON p."documentType" = 'COMPARISON' AND pc."comparisonId" = p."documentId"
      -- Written in the same transactions, the two never disagree; should a row outlive its
      -- published version all the same, it shows nothing rather than something unpublished.
      WHERE coalesce(pa.version, pt.version, pc.version) IS NOT NULL
    ) hit ON true
    ORDER BY hit.rank DESC, hit."publishedAt" DESC, hit.uuid DESC`);

  // 3. Map: stop words only is the client's to fix; otherwise build the page.
  if (rows[0] && !rows[0].searchable) throw badUserInput([{ path: 'query', message: STOP_WORDS_ONLY }]);
  const hits = rows.filter((row) => row.type !== null);
  const page = hits.slice(0, size);
  const edges = page.map((row) => ({
    cursor: encodeCursor({ rank: row.rank, publishedAt: row.publishedAt.toISOString(), id: row.id }),
    node: {
      document: primedView(ctx, row),
      score: row.rank,
      snippet: parseHeadline(row.snippetHeadline),
      highlightedTitle: parseHeadline(row.titleHeadline),
    },
  }));
  return {
    edges,
    pageInfo: {
      hasNextPage: hits.length > size,
      hasPreviousPage: Boolean(after),
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount: async () => {
      const [row] = await ctx.sql.query<{ count: number }>(sql`
        WITH q AS MATERIALIZED (SELECT to_tsquery('english', ${tsquery}) AS query)
        SELECT count(*)::int AS count FROM q JOIN "SearchDocument" d ON d.vector @@ q.query WHERE true ${typeFilter}`);
      return row!.count;
    },
  };
}

/**
 * The hit's published version as the document resolvers take it, primed into the request's
 * published loaders (an article with its category) so fields that load them again (a related
 * article, a card's category) cost no statement.
 */
function primedView(ctx: Context, row: HitRow): SearchHitMapper['document'] {
  const published = { version: row.version, updatedAt: row.updatedAt, snapshot: row.snapshot };
  switch (row.type) {
    case 'ARTICLE': {
      // The row goes to the loader family (articleById.PUBLISHED reads from it), with its category.
      ctx.loaders.primePublishedRows([{ kind: 'ARTICLE', id: row.id, version: row.version, updatedAt: row.updatedAt, createdAt: null, data: row.snapshot, category: row.category }]);
      return publishedArticleView({ articleId: row.id, ...published });
    }
    case 'TREATMENT': {
      const view = publishedTreatmentView({ treatmentId: row.id, createdAt: row.createdAt!, ...published });
      ctx.loaders.treatmentById.PUBLISHED.prime(view.id, view);
      return view;
    }
    default: {
      const view = publishedComparisonView({ comparisonId: row.id, createdAt: row.createdAt!, ...published });
      ctx.loaders.comparisonById.PUBLISHED.prime(view.id, view);
      return view;
    }
  }
}
