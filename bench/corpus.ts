/**
 * The benchmark corpus: a fresh database (PostgreSQL `cms_bench` on the local server, or an
 * embedded PGlite database in a temp dir), migrated and seeded like the app does it, then N
 * generated articles with realistic relations, written straight into the tables in batches.
 *
 * Every generated document is written twice, like the app keeps it: the draft rows (Article,
 * ArticleExpert, ArticleTreatment, ArticleComparison, RelatedLink; Treatment; Comparison and its
 * columns, rows and cells; status PUBLISHED, version 2) and the published row whose `snapshot`
 * has exactly the shape the workflow writes (articles.workflow.ts `writePublished`), and its
 * search index row (SearchDocument), built by the app's own code (src/search/search.index.ts:
 * the same extracted text, and the same SQL computing the weighted tsvector).
 *
 * Rows go in as multi-row INSERTs, 1,000 rows a statement: `INSERT INTO "T" SELECT * FROM
 * jsonb_populate_recordset(NULL::"T", $1)` with the batch as one JSON parameter, which works the
 * same through postgres.js and PGlite and never hits the 65,535-parameter limit.
 */
import { randomUUID } from 'node:crypto';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';
import type { BodyBlock, TextSpan } from '../src/content/body.js';
import { openDatabase } from '../src/db/client.js';
import { searchDocumentRow, UPSERT_SEARCH_DOCUMENTS_SQL, type SearchDocumentRow } from '../src/search/search.index.js';
import { seedSampleContent } from '../src/seed/seed.js';
import { slugify } from '../src/shared/slugs.js';

/** The local server; the benchmark connects to nothing else. */
export const ADMIN_URL = 'postgresql://postgres@127.0.0.1:5432/postgres';
/** The database the benchmark drops and recreates, unless `--database` names another cms_bench* one. */
export const BENCH_DB = 'cms_bench';
export const BENCH_DB_PATTERN = /^cms_bench[a-z0-9_]*$/;
const benchUrl = (database: string) => `postgresql://postgres@127.0.0.1:5432/${database}`;

export const BATCH_SIZE = 1000;
const PEOPLE = 100;
const TREATMENTS = 50;
const COMPARISONS = 200;
const IMAGES = 100;
const RELATED_LINKS = 8;
const AUTHOR = 'bench';

/** A SQL runner over postgres.js or PGlite. */
export interface Sql {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

export function postgresSql(url: string, max = 4): Sql {
  const sql = postgres(url, { max, onnotice: () => {}, connection: { application_name: 'cms-bench' } });
  return {
    query: async <T>(text: string, params: unknown[] = []) => (await sql.unsafe(text, params as never[])) as unknown as T[],
    close: () => sql.end({ timeout: 5 }),
  };
}

export async function pgliteSql(dataDir: string): Promise<Sql> {
  const db = await PGlite.create(dataDir);
  return {
    query: async <T>(text: string, params: unknown[] = []) => (await db.query<T>(text, params)).rows,
    close: () => db.close(),
  };
}

export interface CorpusOptions {
  /** Generated articles (the sample content comes on top). */
  articles: number;
  pglite: boolean;
  /** The PostgreSQL database to drop and recreate (BENCH_DB by default); must match BENCH_DB_PATTERN. */
  database?: string;
  /** Use the corpus an earlier run left in `database` as it is (PostgreSQL only). */
  reuse?: boolean;
  log: (message: string) => void;
}

export interface Corpus {
  kind: 'postgresql' | 'pglite';
  /** The bench database, for PostgreSQL. */
  url?: string;
  /** The embedded database's folder, for PGlite (one process at a time may open it). */
  dataDir?: string;
  /** A copy of `dataDir` for the baseline server, which cannot share the folder. */
  baselineDataDir?: string;
  generated: number;
  loadMs: number;
  /** Opens a SQL runner on the corpus (for PGlite: only while no server holds the folder). */
  open(): Promise<Sql>;
  /** Removes temp folders (the PostgreSQL database is kept until the next run drops it). */
  cleanup(): Promise<void>;
}

export async function loadCorpus(options: CorpusOptions): Promise<Corpus> {
  const started = performance.now();
  let corpus: Corpus;
  if (options.pglite) {
    const root = await mkdtemp(path.join(tmpdir(), 'cms-bench-'));
    const dataDir = path.join(root, 'app');
    const baselineDataDir = path.join(root, 'baseline');
    corpus = {
      kind: 'pglite',
      dataDir,
      baselineDataDir,
      generated: options.articles,
      loadMs: 0,
      open: () => pgliteSql(dataDir),
      cleanup: () => rm(root, { recursive: true, force: true }),
    };
    await migrateAndSeed({ dataDir }, options.log);
  } else {
    const database = options.database ?? BENCH_DB;
    // The name goes into DROP DATABASE: only ever one of the benchmark's own.
    if (!BENCH_DB_PATTERN.test(database)) throw new Error(`--database must match ${BENCH_DB_PATTERN}`);
    const url = benchUrl(database);
    if (options.reuse) return reuseCorpus(url, options);
    const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
    try {
      await admin.unsafe(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      await admin.unsafe(`CREATE DATABASE "${database}"`);
    } finally {
      await admin.end({ timeout: 5 });
    }
    corpus = {
      kind: 'postgresql',
      url,
      generated: options.articles,
      loadMs: 0,
      open: async () => postgresSql(url),
      cleanup: async () => {},
    };
    await migrateAndSeed({ url }, options.log);
  }

  const sql = await corpus.open();
  try {
    await generate(sql, options.articles, options.log);
    const vacuumStarted = performance.now();
    await sql.query('VACUUM (ANALYZE)');
    options.log(`  vacuum + analyze: ${seconds(performance.now() - vacuumStarted)}`);
  } finally {
    await sql.close();
  }
  if (corpus.dataDir && corpus.baselineDataDir) await cp(corpus.dataDir, corpus.baselineDataDir, { recursive: true });
  corpus.loadMs = performance.now() - started;
  options.log(`corpus loaded: ${options.articles} generated articles in ${seconds(corpus.loadMs)}`);
  return corpus;
}

/** The corpus an earlier run loaded into `url`, untouched (its size read back from it). */
async function reuseCorpus(url: string, options: CorpusOptions): Promise<Corpus> {
  const sql = postgresSql(url, 1);
  try {
    const [{ generated }] = (await sql.query<{ generated: number }>(`SELECT count(*)::int AS generated FROM "Article" WHERE "createdBy" = 'bench'`)) as [{ generated: number }];
    options.log(`reusing the corpus in ${url}: ${generated} generated articles`);
    return { kind: 'postgresql', url, generated, loadMs: 0, open: async () => postgresSql(url), cleanup: async () => {} };
  } finally {
    await sql.close();
  }
}

/** Migrations and the sample content, the way the server applies them at start. */
async function migrateAndSeed(target: { url?: string; dataDir?: string }, log: (message: string) => void): Promise<void> {
  const started = performance.now();
  const db = await openDatabase(target);
  try {
    await db.migrate();
    await seedSampleContent({ prisma: db.prisma });
  } finally {
    await db.close();
  }
  log(`  migrations + sample content: ${seconds(performance.now() - started)}`);
}

export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

// ---------------------------------------------------------------------------------------------
// Writing

type Row = Record<string, unknown>;

/** Inserts `rows` (objects keyed by column) in one statement. */
function insert(sql: Sql, table: string, rows: Row[]): Promise<unknown> {
  if (rows.length === 0) return Promise.resolve();
  // The search index has its own statement: its vector is computed from the texts.
  if (table === SEARCH_TABLE) return sql.query(UPSERT_SEARCH_DOCUMENTS_SQL, [JSON.stringify(rows)]);
  return sql.query(`INSERT INTO "${table}" SELECT * FROM jsonb_populate_recordset(NULL::"${table}", $1::text::jsonb)`, [JSON.stringify(rows)]);
}

const SEARCH_TABLE = 'SearchDocument';

/**
 * Index rows as the app writes them when it publishes (search.index.ts `indexPublished`). Every
 * generated treatment is published, so every comparison cell is searchable.
 */
function searchRows(type: SearchDocumentRow['documentType'], documents: { id: string; updatedAt: Date; snapshot: unknown }[], publishedTreatmentIds?: ReadonlySet<string>): Row[] {
  return documents.map((d) => searchDocumentRow(type, { id: d.id, version: 2, updatedAt: d.updatedAt, snapshot: d.snapshot }, publishedTreatmentIds) as unknown as Row);
}

/** Runs inserts with at most `limit` in flight, so generating a batch overlaps writing the last. */
class Writer {
  private inFlight = new Set<Promise<unknown>>();
  private failure: unknown = null;
  rows = 0;
  constructor(
    private readonly sql: Sql,
    private readonly limit: number,
  ) {}

  async write(table: string, rows: Row[]): Promise<void> {
    if (this.failure) throw this.failure;
    this.rows += rows.length;
    for (let start = 0; start < rows.length; start += BATCH_SIZE) {
      const task = insert(this.sql, table, rows.slice(start, start + BATCH_SIZE)).catch((error: unknown) => {
        this.failure ??= error;
      });
      this.inFlight.add(task);
      void task.finally(() => this.inFlight.delete(task));
      while (this.inFlight.size >= this.limit) await Promise.race(this.inFlight);
      if (this.failure) throw this.failure;
    }
  }

  /** Writes and waits: for tables other rows reference. */
  async writeNow(table: string, rows: Row[]): Promise<void> {
    await this.write(table, rows);
    await this.flush();
  }

  async flush(): Promise<void> {
    await Promise.all(this.inFlight);
    if (this.failure) throw this.failure;
  }
}

async function generate(sql: Sql, count: number, log: (message: string) => void): Promise<void> {
  const started = performance.now();
  const writer = new Writer(sql, 2);
  const now = new Date('2026-01-15T12:00:00.000Z');

  // Categories: the sample's plus generated ones.
  const sampleCategories = await sql.query<{ id: string }>('SELECT id FROM "Category" ORDER BY slug');
  const categories = CATEGORY_NAMES.map((name) => ({
    id: randomUUID(),
    slug: slugify(name),
    name,
    description: `Articles about ${name.toLowerCase()}: causes, treatments and everyday advice.`,
    createdAt: now,
    updatedAt: now,
  }));
  await writer.writeNow('Category', categories);
  const categoryIds = [...sampleCategories.map((c) => c.id), ...categories.map((c) => c.id)];

  const rng = mulberry32(42);
  const people = Array.from({ length: PEOPLE }, (_, i) => {
    const name = `${pick(rng, FIRST_NAMES)} ${pick(rng, LAST_NAMES)}`;
    const jobTitle = pick(rng, JOB_TITLES);
    return {
      id: randomUUID(),
      slug: `${slugify(name)}-${i + 1}`,
      name,
      credentials: pick(rng, CREDENTIALS),
      jobTitle,
      bio: `${name} is a ${jobTitle.toLowerCase()} who has cared for patients for ${5 + Math.floor(rng() * 25)} years and writes about ${pick(rng, CONDITIONS)} and ${pick(rng, CONDITIONS)}.`,
      createdAt: now,
      updatedAt: now,
    };
  });
  await writer.writeNow('Person', people);

  const images = Array.from({ length: IMAGES }, (_, i) => {
    const condition = pick(rng, CONDITIONS);
    return {
      id: randomUUID(),
      url: `https://images.example.com/health/${i + 1}-${slugify(condition)}.jpg`,
      alt: `A clinician talking with a patient about ${condition} in a bright consulting room`,
      credit: 'Stock photo',
      width: 1600,
      height: 900,
      createdAt: now,
      updatedAt: now,
    };
  });
  await writer.writeNow('Image', images);

  // Treatments: draft rows and published rows.
  const treatments = TREATMENT_NAMES.slice(0, TREATMENTS).map((name, i) => {
    const condition = pick(rng, CONDITIONS);
    const createdAt = new Date(Date.UTC(2019, 0, 1) + i * 86_400_000 * 7);
    const snapshot = {
      slug: slugify(name),
      name,
      summary: `${name} is used to ease ${condition} and related symptoms, usually alongside other care.`,
      description: [paragraphBlock(rng, name, condition, false), paragraphBlock(rng, name, pick(rng, CONDITIONS), false), paragraphBlock(rng, name, condition, false)],
      otherNames: rng() < 0.5 ? [] : [`${name} treatment`],
    };
    return { id: randomUUID(), createdAt, snapshot };
  });
  await writer.writeNow(
    'Treatment',
    treatments.map((t) => ({
      id: t.id,
      ...t.snapshot,
      createdAt: t.createdAt,
      updatedAt: t.createdAt,
      ...publishedWorkflow,
    })),
  );
  await writer.writeNow(
    'PublishedTreatment',
    treatments.map((t) => ({ treatmentId: t.id, slug: t.snapshot.slug, name: t.snapshot.name, createdAt: t.createdAt, version: 2, updatedAt: t.createdAt, snapshot: t.snapshot })),
  );
  await writer.write(SEARCH_TABLE, searchRows('TREATMENT', treatments.map((t) => ({ id: t.id, updatedAt: t.createdAt, snapshot: t.snapshot }))));

  // Comparisons: two or three treatments, nine aspects, one cell per treatment each.
  const comparisons = Array.from({ length: COMPARISONS }, (_, i) => {
    const columns = distinct(rng, treatments, rng() < 0.8 ? 2 : 3);
    const names = columns.map((t) => t.snapshot.name);
    const condition = pick(rng, CONDITIONS);
    const title = `${names.join(' vs. ')} for ${condition}`;
    const rows = ASPECTS.map((aspect) => ({
      id: randomUUID(),
      aspect,
      cells: columns.map((t) => ({ treatmentId: t.id, text: cellText(rng, t.snapshot.name, aspect, condition) })),
    }));
    const snapshot = {
      slug: `${slugify(title)}-${i + 1}`,
      title,
      intro: `${names.join(' and ')} are both offered for ${condition}. Here is how they compare, aspect by aspect.`,
      verdict: `Both can help with ${condition}. Choose with your clinician, based on your symptoms, your budget and how much time you have.`,
      treatmentIds: columns.map((t) => t.id),
      rows: rows.map((r) => ({ aspect: r.aspect, cells: r.cells })),
    };
    const createdAt = new Date(Date.UTC(2019, 6, 1) + i * 86_400_000 * 3);
    return { id: randomUUID(), createdAt, rows, snapshot };
  });
  await writer.writeNow(
    'Comparison',
    comparisons.map((c) => ({
      id: c.id,
      slug: c.snapshot.slug,
      title: c.snapshot.title,
      intro: c.snapshot.intro,
      verdict: c.snapshot.verdict,
      createdAt: c.createdAt,
      updatedAt: c.createdAt,
      ...publishedWorkflow,
    })),
  );
  await writer.writeNow(
    'ComparisonTreatment',
    comparisons.flatMap((c) => c.snapshot.treatmentIds.map((treatmentId, position) => ({ comparisonId: c.id, treatmentId, position }))),
  );
  await writer.writeNow('ComparisonRow', comparisons.flatMap((c) => c.rows.map((r, position) => ({ id: r.id, comparisonId: c.id, position, aspect: r.aspect }))));
  await writer.writeNow(
    'ComparisonCell',
    comparisons.flatMap((c) => c.rows.flatMap((r) => r.cells.map((cell) => ({ rowId: r.id, comparisonId: c.id, treatmentId: cell.treatmentId, text: cell.text })))),
  );
  await writer.writeNow(
    'PublishedComparison',
    comparisons.map((c) => ({
      comparisonId: c.id,
      slug: c.snapshot.slug,
      title: c.snapshot.title,
      treatmentIds: c.snapshot.treatmentIds,
      createdAt: c.createdAt,
      version: 2,
      updatedAt: c.createdAt,
      snapshot: c.snapshot,
    })),
  );
  await writer.write(SEARCH_TABLE, searchRows('COMPARISON', comparisons.map((c) => ({ id: c.id, updatedAt: c.createdAt, snapshot: c.snapshot })), new Set(treatments.map((t) => t.id))));
  await writer.flush();
  log(`  pools (${categories.length} categories, ${PEOPLE} people, ${IMAGES} images, ${TREATMENTS} treatments, ${COMPARISONS} comparisons): ${seconds(performance.now() - started)}`);

  // Articles. Their ids come first, so related links can point at any of them; the Article rows
  // all go in before the rows that reference articles (links, published rows).
  const ids = Array.from({ length: count }, () => randomUUID());
  const pools: Pools = { categoryIds, people, images, treatments, comparisons, ids };

  const articlesStarted = performance.now();
  for (let start = 0; start < count; start += BATCH_SIZE) {
    const batch = range(start, Math.min(count, start + BATCH_SIZE)).map((i) => makeArticle(i, pools));
    await writer.write(
      'Article',
      batch.map((a) => ({
        id: a.id,
        slug: a.snapshot.slug,
        title: a.snapshot.title,
        dek: a.snapshot.dek,
        summary: a.snapshot.summary,
        categoryId: a.snapshot.categoryId,
        heroImageId: a.heroImageId,
        body: a.snapshot.body,
        publishedAt: a.snapshot.publishedAt,
        createdAt: a.createdAt,
        updatedAt: a.updatedAt,
        ...publishedWorkflow,
      })),
    );
  }
  await writer.flush();
  log(`  ${count} Article rows: ${seconds(performance.now() - articlesStarted)}`);

  const relationsStarted = performance.now();
  for (let start = 0; start < count; start += BATCH_SIZE) {
    const batch = range(start, Math.min(count, start + BATCH_SIZE)).map((i) => makeArticle(i, pools));
    await writer.write('ArticleExpert', batch.flatMap((a) => a.snapshot.experts.map((e, position) => ({ articleId: a.id, personId: e.personId, role: e.role, position }))));
    await writer.write('ArticleTreatment', batch.flatMap((a) => a.snapshot.treatmentIds.map((treatmentId, position) => ({ articleId: a.id, treatmentId, position }))));
    await writer.write('ArticleComparison', batch.flatMap((a) => a.snapshot.comparisonIds.map((comparisonId, position) => ({ articleId: a.id, comparisonId, position }))));
    await writer.write(
      'RelatedLink',
      batch.flatMap((a) =>
        a.snapshot.related.map((link, position) => ({
          id: randomUUID(),
          articleId: a.id,
          position,
          kind: link.kind,
          label: link.label,
          targetArticleId: link.articleId,
          url: link.url,
        })),
      ),
    );
    // As articles.workflow.ts writePublished does it.
    await writer.write(
      'PublishedArticle',
      batch.map((a) => ({
        articleId: a.id,
        slug: a.snapshot.slug,
        title: a.snapshot.title,
        categoryId: a.snapshot.categoryId,
        treatmentIds: a.snapshot.treatmentIds,
        comparisonIds: a.snapshot.comparisonIds,
        publishedAt: a.snapshot.publishedAt,
        version: 2,
        updatedAt: a.updatedAt,
        snapshot: { ...a.snapshot, createdAt: a.createdAt.toISOString() },
      })),
    );
    await writer.write(SEARCH_TABLE, searchRows('ARTICLE', batch));
    if ((start / BATCH_SIZE) % 20 === 19) log(`    ${start + BATCH_SIZE} / ${count} articles' relations and published rows`);
  }
  await writer.flush();
  log(`  relations + published rows: ${seconds(performance.now() - relationsStarted)} (${writer.rows} rows in all)`);
}

const publishedWorkflow = { version: 2, status: 'PUBLISHED', scheduledAt: null, deletedAt: null, updatedBy: AUTHOR, createdBy: AUTHOR };

// ---------------------------------------------------------------------------------------------
// Content generation: deterministic per article index, so both passes build the same article.

interface Pools {
  categoryIds: string[];
  people: { id: string; name: string }[];
  images: { id: string; url: string; alt: string; credit: string; width: number; height: number }[];
  treatments: { id: string; snapshot: { name: string } }[];
  comparisons: { id: string; snapshot: { treatmentIds: string[] } }[];
  ids: string[];
}

const FIRST_PUBLISHED = Date.UTC(2019, 0, 1);
const PUBLISHED_SPAN = Date.UTC(2025, 11, 31) - FIRST_PUBLISHED;

function makeArticle(i: number, pools: Pools) {
  const rng = mulberry32(1_000_003 * (i + 1));
  const comparison = pick(rng, pools.comparisons);
  const columns = comparison.snapshot.treatmentIds.map((id) => pools.treatments.find((t) => t.id === id)!);
  const about = columns.slice(0, rng() < 0.5 ? 1 : 2);
  const treatment = about[0]!.snapshot.name;
  const condition = pick(rng, CONDITIONS);
  const title = capitalize(pick(rng, TITLES).replaceAll('{t}', treatment.toLowerCase()).replaceAll('{c}', condition).replaceAll('{n}', String(3 + Math.floor(rng() * 8))));
  const [author, quoted] = distinct(rng, pools.people, 2) as [Pools['people'][number], Pools['people'][number]];
  const image = pick(rng, pools.images);
  const publishedAt = new Date(FIRST_PUBLISHED + Math.floor(rng() * PUBLISHED_SPAN / 1000) * 1000);
  const createdAt = new Date(publishedAt.getTime() - Math.floor(rng() * 30) * 86_400_000 - 3_600_000);
  const updatedAt = new Date(publishedAt.getTime() + Math.floor(rng() * 72) * 3_600_000);

  const targets = new Set<number>();
  while (targets.size < Math.min(RELATED_LINKS, pools.ids.length - 1)) {
    const target = Math.floor(rng() * pools.ids.length);
    if (target !== i) targets.add(target);
  }
  const related = [...targets].map((target, index) => ({
    kind: index < RELATED_LINKS - 2 ? ('RELATED_ARTICLE' as const) : ('TRENDING_TOPIC' as const),
    label: null,
    articleId: pools.ids[target]!,
    url: null,
  }));

  const body: BodyBlock[] = [
    paragraphBlock(rng, treatment, condition, true),
    { type: 'heading', level: 2, text: `What is ${treatment.toLowerCase()}?` },
    paragraphBlock(rng, treatment, condition, false),
    paragraphBlock(rng, treatment, condition, true),
    { type: 'heading', level: 2, text: `How ${treatment.toLowerCase()} may help with ${condition}` },
    {
      type: 'list',
      style: rng() < 0.5 ? 'BULLETED' : 'NUMBERED',
      items: range(0, 4).map(() => ({ spans: [span(sentence(rng, treatment, condition))] })),
    },
    { type: 'quote', text: sentence(rng, treatment, condition), personId: quoted.id, attribution: null },
    { type: 'heading', level: 3, text: 'When to see a doctor' },
    paragraphBlock(rng, treatment, condition, false),
    { type: 'image', url: image.url, alt: image.alt, credit: image.credit, caption: `${treatment} is one of several options for ${condition}.` },
  ];

  const snapshot = {
    slug: `${slugify(title)}-${(i + 1).toString(36)}`,
    title,
    dek: sentence(rng, treatment, condition),
    summary: `${sentence(rng, treatment, condition)} ${sentence(rng, treatment, condition)}`,
    categoryId: pick(rng, pools.categoryIds),
    heroImage: { url: image.url, alt: image.alt, credit: image.credit, width: image.width, height: image.height },
    body,
    experts: [
      { personId: author.id, role: rng() < 0.7 ? ('AUTHOR' as const) : ('REVIEWER' as const) },
      { personId: quoted.id, role: 'QUOTED' as const },
    ],
    treatmentIds: about.map((t) => t.id),
    comparisonIds: [comparison.id],
    related,
    publishedAt: publishedAt.toISOString(),
  };
  return { id: pools.ids[i]!, heroImageId: image.id, createdAt, updatedAt, snapshot };
}

function span(text: string, marks: Partial<TextSpan> = {}): TextSpan {
  // As stored after validation: every mark present.
  return { text, bold: marks.bold ?? false, italic: marks.italic ?? false, href: marks.href ?? null };
}

function paragraphBlock(rng: () => number, treatment: string, condition: string, marked: boolean): BodyBlock {
  const spans = range(0, 4 + Math.floor(rng() * 3)).map(() => span(`${sentence(rng, treatment, condition)} `));
  if (marked) {
    spans.splice(1, 0, span(`${capitalize(condition)} is common. `, { bold: true }));
    spans.push(span('Read the research summary', { href: `https://www.ncbi.nlm.nih.gov/search/?term=${encodeURIComponent(condition)}` }));
    spans.push(span('.', { italic: rng() < 0.2 }));
  }
  return { type: 'paragraph', spans };
}

function sentence(rng: () => number, treatment: string, condition: string): string {
  return capitalize(pick(rng, SENTENCES).replaceAll('{t}', treatment.toLowerCase()).replaceAll('{c}', condition));
}

function cellText(rng: () => number, treatment: string, aspect: string, condition: string): string {
  return `${treatment}: ${pick(rng, CELL_PHRASES).replaceAll('{a}', aspect.toLowerCase()).replaceAll('{c}', condition)}`;
}

function capitalize(value: string): string {
  return value.charAt(0).toUpperCase() + value.slice(1);
}

function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i);
}

/** A small, fast, seedable PRNG (mulberry32). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(rng: () => number, list: readonly T[]): T {
  return list[Math.floor(rng() * list.length)]!;
}

function distinct<T>(rng: () => number, list: readonly T[], n: number): T[] {
  const chosen = new Set<number>();
  while (chosen.size < Math.min(n, list.length)) chosen.add(Math.floor(rng() * list.length));
  return [...chosen].map((index) => list[index]!);
}

// ---------------------------------------------------------------------------------------------
// Vocabulary

const CATEGORY_NAMES = [
  'Sleep',
  'Heart Health',
  'Mental Health',
  "Women's Health",
  "Men's Health",
  'Diabetes',
  'Digestive Health',
  'Skin Care',
  'Allergies',
  "Children's Health",
  'Healthy Aging',
  'Cancer Care',
  'Eye Health',
  'Dental Health',
  'Sports Medicine',
];

const CONDITIONS = [
  'knee pain',
  'lower back pain',
  'neck pain',
  'migraine',
  'tension headaches',
  'plantar fasciitis',
  'tennis elbow',
  'shoulder impingement',
  'sciatica',
  'osteoarthritis',
  'fibromyalgia',
  'insomnia',
  'anxiety',
  'high blood pressure',
  'type 2 diabetes',
  'osteoporosis',
  'carpal tunnel syndrome',
  'hip bursitis',
  'shin splints',
  'jaw pain',
];

const TREATMENT_NAMES = [
  'Physical therapy',
  'Massage therapy',
  'Chiropractic adjustment',
  'Yoga',
  'Tai chi',
  'Pilates',
  'Cognitive behavioural therapy',
  'Heat therapy',
  'Cold therapy',
  'Ultrasound therapy',
  'TENS',
  'Cupping',
  'Osteopathic manipulation',
  'Corticosteroid injection',
  'Platelet-rich plasma injection',
  'Hyaluronic acid injection',
  'Ibuprofen',
  'Acetaminophen',
  'Topical NSAIDs',
  'Capsaicin cream',
  'Foam rolling',
  'Stretching',
  'Strength training',
  'Aquatic therapy',
  'Orthotics',
  'Bracing',
  'Kinesiology taping',
  'Shockwave therapy',
  'Laser therapy',
  'Meditation',
  'Mindfulness-based stress reduction',
  'Biofeedback',
  'Hypnotherapy',
  'Spinal decompression',
  'Radiofrequency ablation',
  'Nerve block',
  'Botulinum toxin injection',
  'Prolotherapy',
  'Occupational therapy',
  'Walking programme',
  'Weight management',
  'Anti-inflammatory diet',
  'Magnesium supplements',
  'Turmeric supplements',
  'Sleep hygiene',
  'Acupressure',
  'Reflexology',
  'Hydrotherapy',
  'Graded exercise',
  'Joint replacement surgery',
];

const ASPECTS = ['Origins', 'How it works', 'Who performs it', 'Session length', 'How it feels', 'Time to relief', 'Side effects', 'Evidence', 'Cost and coverage'];

const TITLES = [
  '{t} for {c}: what to expect',
  '{n} ways to ease {c} at home',
  'Is {t} right for your {c}?',
  'What your doctor wants you to know about {c}',
  'Living with {c}: a practical guide',
  'How {t} works, and who it helps',
  'The truth about {t} and {c}',
  '{c}: causes, symptoms and when to try {t}',
];

const SENTENCES = [
  'many people with {c} find that {t} eases their symptoms within a few weeks.',
  'talk to your doctor before starting {t}, especially if you take other medicines.',
  '{t} is usually one part of a wider plan for {c}, not a cure on its own.',
  'research on {t} for {c} is growing, although many studies are small.',
  'most people tolerate {t} well, and side effects tend to be mild and short-lived.',
  'if {c} wakes you at night or keeps getting worse, see a clinician promptly.',
  'a physical therapist can show you how to pace activity while {c} settles.',
  'keeping a symptom diary helps you and your clinician see whether {t} is working.',
  'costs for {t} vary, and some insurance plans cover a set number of sessions.',
  'small, regular changes to sleep, movement and stress often help {c} as much as any single treatment.',
  '{t} tends to work best when you keep up the exercises between sessions.',
  'people over 50 are more likely to develop {c}, but it can affect anyone.',
  'ask whether your provider is licensed and how many people with {c} they have treated.',
  'relief from {t} may build slowly, so give it a fair trial before deciding.',
  'a combination of rest, movement and {t} helps many people get back to daily life.',
  'for some people with {c}, medication is still needed alongside {t}.',
];

const CELL_PHRASES = [
  'what matters most for {a} is how your {c} responds over the first few sessions.',
  'for {a}, expect differences between providers; ask before you book.',
  'evidence on {a} is mixed for {c}, with better results in people who stay active.',
  '{a} depends on how long you have had {c} and how severe it is.',
  'most clinics describe {a} clearly at the first visit.',
];

const FIRST_NAMES = ['Adam', 'Maria', 'Wei', 'Aisha', 'James', 'Sofia', 'Daniel', 'Priya', 'Lucas', 'Emma', 'Omar', 'Hannah', 'Kenji', 'Grace', 'Mateo', 'Zoe'];
const LAST_NAMES = ['Nguyen', 'Garcia', 'Smith', 'Khan', 'Okafor', 'Rossi', 'Müller', 'Chen', 'Johnson', 'Silva', 'Cohen', 'Patel', 'Kowalski', 'Brown', 'Haddad', 'Larsen'];
const CREDENTIALS = ['MD', 'PT, DPT', 'RN, BSN', 'PhD', 'RD, LDN', 'DO', 'PA-C', 'PT, DPT, OCS', 'MD, FACP', 'LAc'];
const JOB_TITLES = ['Physical therapist', 'Sports medicine physician', 'Registered dietitian', 'Rheumatologist', 'Sleep specialist', 'Clinical psychologist', 'Orthopaedic surgeon', 'Nurse practitioner', 'Licensed acupuncturist', 'Pain medicine specialist'];
