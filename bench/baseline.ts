/**
 * The baseline: the least a server can do to answer the benchmark's requests from the same
 * database. A bare `node:http` server; each request is ONE hand-written SQL statement that builds
 * the whole response JSON in PostgreSQL (CTEs, json_build_object, json_agg over the published
 * tables, categories and people), sent back as is.
 *
 * The JSON is the GraphQL API's, field for field: `POST /page` answers what
 * examples/page.graphql answers, `POST /list` what the runner's list query answers
 * (bench/run.ts checks both servers agree before measuring), `POST /search` what the runner's
 * search query answers (its query text parsed by the app's own query parser, src/search/query.ts,
 * which runs no SQL). Requests carry the same GraphQL body the API gets; only `variables` is read.
 *
 * Run as a child of bench/run.ts. Environment: PORT; BASELINE_DATABASE_URL (PostgreSQL) or
 * BASELINE_PGLITE_DIR (embedded); BASELINE_DRIVER = postgres (postgres.js, default) | pg;
 * BASELINE_POOL (connections, default 10 like the app's pg pool). Listens on 127.0.0.1 only.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { pathToFileURL } from 'node:url';
import { parseSearchQuery, type ParsedQuery } from '../src/search/query.js';
import { SNIPPET_OPTIONS, SNIPPET_TEXT_SQL } from '../src/search/snippet.js';

interface Driver {
  /** Runs `name`d SQL; answers the first column of the first row. */
  one(name: string, text: string, params: unknown[]): Promise<string | null>;
  close(): Promise<void>;
}

// ---------------------------------------------------------------------------------------------
// SQL

/** A timestamptz as GraphQL's DateTime serializes it (Date#toISOString). */
const iso = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** Text spans of a paragraph or list item, in order. */
const spans = (jsonb: string) => `coalesce((
  SELECT json_agg(json_build_object(
    'text', sp.v->>'text',
    'bold', coalesce((sp.v->>'bold')::boolean, false),
    'italic', coalesce((sp.v->>'italic')::boolean, false),
    'href', sp.v->>'href') ORDER BY sp.n)
  FROM jsonb_array_elements(${jsonb}) WITH ORDINALITY sp(v, n)), '[]')`;

/** headingAnchor() of src/content/body.ts. */
const anchor = (text: string) =>
  `trim(both '-' from regexp_replace(lower(regexp_replace(normalize(${text}, NFKD), '[\\u0300-\\u036f]', '', 'g')), '[^a-z0-9]+', '-', 'g'))`;

/** The reference page (examples/page.graphql) for slug $1. */
export const PAGE_SQL = `
WITH a AS (
  -- An expression, so the snapshot is detoasted once here rather than at every use below.
  SELECT pa."articleId" AS id, pa."updatedAt", pa."categoryId", pa.snapshot - 'createdAt' AS s
  FROM "PublishedArticle" pa
  WHERE pa.slug = $1
),
body AS (
  SELECT json_agg(CASE b.v->>'type'
    WHEN 'heading' THEN json_build_object('__typename', 'HeadingBlock', 'level', b.v->'level', 'text', b.v->>'text', 'anchor', ${anchor(`(b.v->>'text')`)})
    WHEN 'paragraph' THEN json_build_object('__typename', 'ParagraphBlock', 'spans', ${spans(`b.v->'spans'`)})
    WHEN 'list' THEN json_build_object('__typename', 'ListBlock', 'style', b.v->>'style', 'items', coalesce((
      SELECT json_agg(json_build_object('spans', ${spans(`i.v->'spans'`)}) ORDER BY i.n)
      FROM jsonb_array_elements(b.v->'items') WITH ORDINALITY i(v, n)), '[]'))
    WHEN 'quote' THEN json_build_object('__typename', 'QuoteBlock', 'text', b.v->>'text', 'attribution', b.v->>'attribution', 'person', (
      SELECT json_build_object('name', p.name, 'credentials', p.credentials) FROM "Person" p WHERE p.id = (b.v->>'personId')::uuid))
    WHEN 'image' THEN json_build_object('__typename', 'ImageBlock', 'url', b.v->>'url', 'alt', b.v->>'alt', 'credit', b.v->>'credit', 'caption', b.v->>'caption')
  END ORDER BY b.n) AS list
  FROM a, jsonb_array_elements(a.s->'body') WITH ORDINALITY b(v, n)
),
experts AS (
  SELECT json_agg(json_build_object('role', e.v->>'role', 'person', json_build_object(
    'slug', p.slug, 'name', p.name, 'credentials', p.credentials, 'jobTitle', p."jobTitle")) ORDER BY e.n) AS list
  FROM a, jsonb_array_elements(a.s->'experts') WITH ORDINALITY e(v, n)
  JOIN "Person" p ON p.id = (e.v->>'personId')::uuid
),
treatments AS (
  SELECT json_agg(json_build_object('slug', pt.snapshot->>'slug', 'name', pt.snapshot->>'name',
    'otherNames', coalesce(pt.snapshot->'otherNames', '[]'::jsonb), 'summary', pt.snapshot->>'summary') ORDER BY t.n) AS list
  FROM a, jsonb_array_elements_text(a.s->'treatmentIds') WITH ORDINALITY t(id, n)
  JOIN "PublishedTreatment" pt ON pt."treatmentId" = t.id::uuid
),
comparisons AS (
  SELECT json_agg(json_build_object(
    'slug', pc.snapshot->>'slug',
    'title', pc.snapshot->>'title',
    'intro', pc.snapshot->>'intro',
    'verdict', pc.snapshot->>'verdict',
    'treatments', coalesce(cols.list, '[]'),
    'rows', coalesce((
      SELECT json_agg(json_build_object('aspect', r.v->>'aspect', 'cells', coalesce((
        SELECT json_agg(json_build_object('treatment', json_build_object('slug', cols.slugs[k]), 'text', texts.m->>cols.ids[k]) ORDER BY k)
        FROM generate_subscripts(cols.ids, 1) k), '[]')) ORDER BY r.n)
      FROM jsonb_array_elements(pc.snapshot->'rows') WITH ORDINALITY r(v, n)
      CROSS JOIN LATERAL (SELECT jsonb_object_agg(cell->>'treatmentId', cell->'text') AS m FROM jsonb_array_elements(r.v->'cells') cell) texts
    ), '[]')
  ) ORDER BY c.n) AS list
  FROM a, jsonb_array_elements_text(a.s->'comparisonIds') WITH ORDINALITY c(id, n)
  JOIN "PublishedComparison" pc ON pc."comparisonId" = c.id::uuid
  -- The columns a reader sees: the comparison's published treatments, in column order.
  CROSS JOIN LATERAL (
    SELECT array_agg(pt."treatmentId"::text ORDER BY t.n) AS ids,
           array_agg(pt.snapshot->>'slug' ORDER BY t.n) AS slugs,
           json_agg(json_build_object('slug', pt.snapshot->>'slug', 'name', pt.snapshot->>'name') ORDER BY t.n) AS list
    FROM jsonb_array_elements_text(pc.snapshot->'treatmentIds') WITH ORDINALITY t(id, n)
    JOIN "PublishedTreatment" pt ON pt."treatmentId" = t.id::uuid
  ) cols
),
related AS (
  SELECT json_agg(CASE WHEN t."articleId" IS NOT NULL
    THEN json_build_object(
      'kind', l.v->>'kind',
      'label', coalesce(l.v->>'label', t.title),
      'url', '/articles/' || t.slug,
      'article', json_build_object(
        'slug', t.slug,
        'title', t.title,
        'summary', ts.s->>'summary',
        'publishedAt', ts.s->'publishedAt',
        'category', (SELECT json_build_object('name', cat.name) FROM "Category" cat WHERE cat.id = t."categoryId"),
        'heroImage', CASE WHEN jsonb_typeof(ts.s->'heroImage') = 'object' THEN json_build_object('url', ts.s->'heroImage'->>'url', 'alt', ts.s->'heroImage'->>'alt') END))
    ELSE json_build_object('kind', l.v->>'kind', 'label', coalesce(l.v->>'label', l.v->>'url'), 'url', l.v->>'url', 'article', NULL)
  END ORDER BY l.n) AS list
  FROM a, jsonb_array_elements(a.s->'related') WITH ORDINALITY l(v, n)
  LEFT JOIN "PublishedArticle" t ON t."articleId" = (l.v->>'articleId')::uuid
  -- Detoasts the target's snapshot once (without its body), not once per field.
  LEFT JOIN LATERAL (SELECT t.snapshot - 'body' AS s OFFSET 0) ts ON true
  -- Links to articles the reader cannot see are left out; so are links to nothing.
  WHERE CASE WHEN l.v->>'articleId' IS NOT NULL THEN t."articleId" IS NOT NULL ELSE l.v->>'url' IS NOT NULL END
)
SELECT json_build_object('data', json_build_object('article', (
  SELECT json_build_object(
    'id', a.id,
    'slug', a.s->>'slug',
    'title', a.s->>'title',
    'dek', a.s->>'dek',
    'summary', a.s->>'summary',
    'publishedAt', a.s->'publishedAt',
    'updatedAt', ${iso('a."updatedAt"')},
    'category', (SELECT json_build_object('slug', c.slug, 'name', c.name) FROM "Category" c WHERE c.id = a."categoryId"),
    'heroImage', CASE WHEN jsonb_typeof(a.s->'heroImage') = 'object' THEN json_build_object(
      'url', a.s->'heroImage'->>'url', 'alt', a.s->'heroImage'->>'alt', 'credit', a.s->'heroImage'->>'credit',
      'width', a.s->'heroImage'->'width', 'height', a.s->'heroImage'->'height') END,
    'experts', coalesce((SELECT list FROM experts), '[]'),
    'body', coalesce((SELECT list FROM body), '[]'),
    'treatments', coalesce((SELECT list FROM treatments), '[]'),
    'comparisons', coalesce((SELECT list FROM comparisons), '[]'),
    'related', coalesce((SELECT list FROM related), '[]'))
  FROM a
)))::text AS json`;

const ORDER = `"publishedAt" DESC NULLS LAST, "articleId" DESC`;
const COLUMNS = `"articleId", "publishedAt", slug, title, "categoryId", "treatmentIds", snapshot`;

/**
 * Newest first, 21 rows (one more than the page) after the cursor, in two index-ordered halves:
 * dated rows through the (publishedAt DESC, articleId DESC) index, then undated ones.
 */
function pageSource(after: 'none' | 'date' | 'null', filter: string): string {
  const dated =
    after === 'null'
      ? null
      : `SELECT ${COLUMNS} FROM "PublishedArticle" WHERE "publishedAt" IS NOT NULL${after === 'date' ? ` AND ("publishedAt", "articleId") < ($1::timestamptz, $2::uuid)` : ''}${filter}
         ORDER BY "publishedAt" DESC, "articleId" DESC LIMIT 21`;
  const undated = `SELECT ${COLUMNS} FROM "PublishedArticle" WHERE "publishedAt" IS NULL${after === 'null' ? ` AND "articleId" < $1::uuid` : ''}${filter}
         ORDER BY "articleId" DESC LIMIT 21`;
  return `SELECT * FROM (${dated ? `(${dated}) UNION ALL ` : ''}(${undated})) u ORDER BY ${ORDER} LIMIT 21`;
}

/** The cursor src/shared/pagination.ts gives out: base64url of `[{"d":iso},"id"]`. */
const cursor = (row: string) => `rtrim(translate(encode(convert_to(
  '[' || CASE WHEN ${row}."publishedAt" IS NULL THEN '{"v":null}' ELSE '{"d":"' || ${iso(`${row}."publishedAt"`)} || '"}' END || ',"' || ${row}."articleId" || '"]',
  'UTF8'), 'base64'), E'+/\\n', '-_'), '=')`;

/** A page of articles as `field { edges { cursor node {...} } pageInfo { hasNextPage endCursor } }`. */
function connectionSql(field: string, source: string): string {
  return `
WITH page AS (${source}),
-- snapshot - 'body': each snapshot detoasted once, not once per field.
numbered AS (SELECT p.*, p.snapshot - 'body' AS s, row_number() OVER (ORDER BY ${ORDER}) AS rn FROM page p),
edges AS (
  SELECT n.rn, ${cursor('n')} AS cursor, json_build_object(
    'slug', n.slug,
    'title', n.title,
    'summary', n.s->>'summary',
    'publishedAt', n.s->'publishedAt',
    'category', (SELECT json_build_object('slug', c.slug, 'name', c.name) FROM "Category" c WHERE c.id = n."categoryId"),
    'treatments', coalesce((
      SELECT json_agg(json_build_object('slug', pt.slug, 'name', pt.name) ORDER BY t.pos)
      FROM unnest(n."treatmentIds") WITH ORDINALITY t(id, pos)
      JOIN "PublishedTreatment" pt ON pt."treatmentId" = t.id), '[]')
  ) AS node
  FROM numbered n
  WHERE n.rn <= 20
)
SELECT json_build_object('data', json_build_object('${field}', json_build_object(
  'edges', coalesce((SELECT json_agg(json_build_object('cursor', e.cursor, 'node', e.node) ORDER BY e.rn) FROM edges e), '[]'),
  'pageInfo', json_build_object(
    'hasNextPage', (SELECT count(*) FROM page) > 20,
    'endCursor', (SELECT e.cursor FROM edges e ORDER BY e.rn DESC LIMIT 1)))))::text AS json`;
}

export const LIST_SQL = {
  none: connectionSql('articles', pageSource('none', '')),
  date: connectionSql('articles', pageSource('date', '')),
  null: connectionSql('articles', pageSource('null', '')),
};

/** HTML of a ts_headline answer, as src/search/snippet.ts makes it: text escaped, matches in <mark>. */
const headlineHtml = (headline: string) => {
  let html = headline;
  // '&' first; the stand-in for '<' (src/search/text.ts) is escaped as the '<' it is.
  const escapes = [["'&'", '&amp;'], ["'<'", '&lt;'], ["'>'", '&gt;'], [`'"'`, '&quot;'], ["''''", '&#39;'], ["U&'\\FF1C'", '&lt;']] as const;
  for (const [from, to] of escapes) html = `replace(${html}, ${from}, '${to}')`;
  // Adjacent matches merge, as segments do; then the markers become tags and the break " … ".
  return `replace(replace(replace(replace(${html}, chr(3) || chr(2), ''), chr(2), '<mark>'), chr(3), '</mark>'), chr(4), ' … ')`;
};

/** search.service.ts's cursor: base64url of JSON `[rank, "publishedAt", "documentId"]`. */
const searchCursor = (row: string) => `rtrim(translate(encode(convert_to(
  '[' || ${row}.rank::text || ',"' || ${iso(`${row}."publishedAt"`)} || '","' || ${row}."documentId" || '"]',
  'UTF8'), 'base64'), E'+/\\n', '-_'), '=')`;

/**
 * Full-text search ($1: the tsquery source the app's query parser makes of the user's query;
 * $2: the snippet's ts_headline options, the app's; $3: any of the query's terms, the parser's
 * too), over the same SearchDocument table and GIN index the API searches, ranked the same way
 * (ts_rank over the title and summary, ties by date then id), 21 rows; snippets for the 20
 * shown only, cut from the same lines (SNIPPET_TEXT_SQL).
 */
export const SEARCH_SQL = `
WITH q AS MATERIALIZED (SELECT to_tsquery('english', $1) AS query, to_tsquery('english', $3) AS "anyTerm"),
page AS (
  SELECT d."documentType", d."documentId", d."publishedAt", ts_rank(d."headVector", q.query) AS rank
  FROM q JOIN "SearchDocument" d ON d.vector @@ q.query
  ORDER BY rank DESC, d."publishedAt" DESC, d."documentId" DESC
  LIMIT 21
),
numbered AS (SELECT p.*, row_number() OVER (ORDER BY p.rank DESC, p."publishedAt" DESC, p."documentId" DESC) AS rn FROM page p),
edges AS (
  SELECT n.rn, ${searchCursor('n')} AS cursor, json_build_object(
    'score', n.rank,
    'snippet', json_build_object('html', ${headlineHtml(`ts_headline('english', ${SNIPPET_TEXT_SQL}, q.query, $2)`)}),
    'document', CASE n."documentType"
      WHEN 'ARTICLE' THEN (
        SELECT json_build_object('__typename', 'Article', 'slug', pa.slug, 'title', pa.title, 'summary', pa.snapshot->>'summary', 'publishedAt', pa.snapshot->'publishedAt',
          'category', (SELECT json_build_object('slug', c.slug, 'name', c.name) FROM "Category" c WHERE c.id = pa."categoryId"))
        FROM "PublishedArticle" pa WHERE pa."articleId" = n."documentId")
      WHEN 'TREATMENT' THEN (
        SELECT json_build_object('__typename', 'Treatment', 'slug', pt.slug, 'name', pt.name) FROM "PublishedTreatment" pt WHERE pt."treatmentId" = n."documentId")
      ELSE (
        SELECT json_build_object('__typename', 'Comparison', 'slug', pc.slug, 'title', pc.title) FROM "PublishedComparison" pc WHERE pc."comparisonId" = n."documentId")
    END
  ) AS node
  FROM numbered n
  CROSS JOIN q
  JOIN "SearchDocument" d ON d."documentType" = n."documentType" AND d."documentId" = n."documentId"
  WHERE n.rn <= 20
)
SELECT json_build_object('data', json_build_object('search', json_build_object(
  'edges', coalesce((SELECT json_agg(json_build_object('cursor', e.cursor, 'node', e.node) ORDER BY e.rn) FROM edges e), '[]'),
  'pageInfo', json_build_object(
    'hasNextPage', (SELECT count(*) FROM page) > 20,
    'endCursor', (SELECT e.cursor FROM edges e ORDER BY e.rn DESC LIMIT 1)))))::text AS json`;

// ---------------------------------------------------------------------------------------------
// Drivers

/**
 * JIT off, as for any OLTP workload: the planner guesses 100 rows for every jsonb_array_elements,
 * so the page statement's estimated cost passes jit_above_cost and each execution would spend
 * ~80 ms compiling (measured), for a statement that runs in ~2 ms.
 */
const JIT_OFF = 'off';

async function openDriver(): Promise<Driver> {
  const pool = Number(process.env.BASELINE_POOL ?? 10);
  const pgliteDir = process.env.BASELINE_PGLITE_DIR;
  if (pgliteDir) {
    const { PGlite } = await import('@electric-sql/pglite');
    const db = await PGlite.create(pgliteDir);
    await db.exec(`SET jit = ${JIT_OFF}`);
    return {
      one: async (_name, text, params) => firstValue((await db.query<Record<string, string>>(text, params)).rows),
      close: () => db.close(),
    };
  }
  const url = process.env.BASELINE_DATABASE_URL;
  if (!url) throw new Error('BASELINE_DATABASE_URL or BASELINE_PGLITE_DIR must be set');
  if (new URL(url).hostname !== '127.0.0.1') throw new Error('the baseline only connects to 127.0.0.1');
  if (process.env.BASELINE_DRIVER === 'pg') {
    const { default: pg } = await import('pg');
    const client = new pg.Pool({ connectionString: url, max: pool, options: `-c jit=${JIT_OFF}` });
    // Named statements: pg prepares each once per connection, as postgres.js does.
    return {
      one: async (name, text, params) => firstValue((await client.query<Record<string, string>>({ name, text, values: params })).rows),
      close: () => client.end(),
    };
  }
  const { default: postgres } = await import('postgres');
  const sql = postgres(url, { max: pool, onnotice: () => {}, connection: { jit: JIT_OFF } });
  return {
    one: async (_name, text, params) => firstValue((await sql.unsafe(text, params as never[], { prepare: true })) as unknown as Record<string, string>[]),
    close: () => sql.end({ timeout: 5 }),
  };
}

function firstValue(rows: Record<string, string>[]): string | null {
  const row = rows[0];
  return row ? (Object.values(row)[0] ?? null) : null;
}

// ---------------------------------------------------------------------------------------------
// HTTP

function decodeCursor(value: string): { date: string | null; id: string } | null {
  try {
    const [encoded, id] = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as [{ d?: string; v?: unknown }, string];
    if (typeof id !== 'string' || !/^[0-9a-f-]{36}$/i.test(id)) return null;
    if (typeof encoded.d === 'string') return Number.isNaN(Date.parse(encoded.d)) ? null : { date: encoded.d, id };
    return encoded.v === null ? { date: null, id } : null;
  } catch {
    return null;
  }
}

async function readBody(request: IncomingMessage): Promise<{ variables?: Record<string, unknown> }> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return chunks.length ? (JSON.parse(Buffer.concat(chunks).toString('utf8')) as { variables?: Record<string, unknown> }) : {};
}

function send(response: ServerResponse, status: number, json: string): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(json) });
  response.end(json);
}

const badRequest = (message: string) => JSON.stringify({ errors: [{ message, extensions: { code: 'BAD_USER_INPUT' } }] });

export async function startBaseline(port: number): Promise<{ close(): Promise<void> }> {
  const db = await openDriver();
  let closing = false;
  const server = createServer(async (request, response) => {
    try {
      if (request.method === 'GET' && request.url === '/healthz') {
        await db.one('health', 'SELECT 1::text', []);
        return send(response, 200, '{"status":"ok"}');
      }
      if (request.method !== 'POST') return send(response, 404, '{"error":"not found"}');
      const variables = (await readBody(request)).variables ?? {};
      switch (request.url) {
        case '/page': {
          if (typeof variables.slug !== 'string') return send(response, 400, badRequest('slug is required'));
          return send(response, 200, (await db.one('page', PAGE_SQL, [variables.slug]))!);
        }
        case '/list': {
          if (variables.after == null) return send(response, 200, (await db.one('list', LIST_SQL.none, []))!);
          const after = typeof variables.after === 'string' ? decodeCursor(variables.after) : null;
          if (!after) return send(response, 400, badRequest('after is not a cursor this list gave out'));
          return after.date === null
            ? send(response, 200, (await db.one('list-after-null', LIST_SQL.null, [after.id]))!)
            : send(response, 200, (await db.one('list-after', LIST_SQL.date, [after.date, after.id]))!);
        }
        case '/search': {
          if (typeof variables.q !== 'string') return send(response, 400, badRequest('q is required'));
          // The query language is the app's (pure TS, no SQL): both servers search for the same thing.
          let query: ParsedQuery;
          try {
            query = parseSearchQuery(variables.q);
          } catch (error) {
            return send(response, 400, badRequest(error instanceof Error ? error.message : 'bad query'));
          }
          return send(response, 200, (await db.one('search', SEARCH_SQL, [query.tsquery, SNIPPET_OPTIONS, query.anyTerm]))!);
        }
        default:
          return send(response, 404, '{"error":"not found"}');
      }
    } catch (error) {
      // Requests still running when the server stops lose their connection: not worth a word.
      if (!closing) console.error(error);
      if (!response.headersSent) send(response, 500, '{"errors":[{"message":"Internal server error"}]}');
    }
  });
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    close: async () => {
      closing = true;
      server.closeIdleConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await db.close();
    },
  };
}

// Run directly (as the runner's child): serve until told to stop, or until the parent goes away.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const server = await startBaseline(Number(process.env.PORT ?? 4101));
  const stop = async () => {
    await server.close();
    process.exit(0);
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  // The runner gives us a pipe as stdin: it closes when the runner exits, however it exits.
  if (!process.stdin.isTTY) process.stdin.on('end', stop).on('error', stop).resume();
}
