/**
 * `npm run bench`: loads a corpus, starts the CMS (built, as a child process) and the baseline
 * (bench/baseline.ts, another child), checks they answer the same JSON, and drives each with
 * autocannon at the same concurrency, scenario by scenario.
 *
 *   npm run bench -- [--articles N] [--quick] [--pglite] [--json] [--connections N] [--duration S]
 *                    [--baseline-driver postgres|pg] [--skip-build] [--only search,list-first]
 *                    [--database cms_bench_x] [--reuse]
 *
 * Measured:
 * - requests/s and p50/p99 latency: autocannon, after a warm-up run that is thrown away;
 * - SQL statements per request (ours): the app in-process on the same database, with
 *   `openDatabase({ onQuery })` counting every statement Prisma sends for one request of each
 *   scenario (after one warm-up request), through Fastify's inject (the full HTTP path);
 * - peak RSS: VmHWM of each server process (/proc/<pid>/status), i.e. over its whole life.
 *
 * Ours runs twice, one instance after the other: with its response cache (the default size)
 * for `page-cached`, which then measures a cache hit, and with RESPONSE_CACHE_MAX_MB=0 for
 * every other scenario, which then measure the database path.
 *
 * Progress goes to stderr; the table (or, with --json, exactly one JSON object) to stdout.
 * Servers listen on 127.0.0.1 only, and the database is the local server's `cms_bench` (or the
 * cms_bench* name `--database` gives; dropped and recreated each run, kept afterwards) or, with --pglite, an embedded one in a temp dir.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { cpus, loadavg, totalmem } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon, { type Request, type Result } from 'autocannon';
import { pino } from 'pino';
import { openDatabase } from '../src/db/client.js';
import { createApp } from '../src/server.js';
import { BENCH_DB, BENCH_DB_PATTERN, loadCorpus, seconds, type Corpus } from './corpus.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const HOST = '127.0.0.1';
/** The response cache's size for the instance that measures it (the server's default). */
const CACHE_MAX_MB = 32;
const ADMIN_TOKEN = 'bench-admin-token-0123456789abcd';
const PAGE_SIZE = 20;
const DEEP_PAGE = 1000;
const REFERENCE_SLUG = 'dry-needling-vs-acupuncture';

const PAGE_QUERY = readFileSync(path.join(root, 'examples/page.graphql'), 'utf8');
const LIST_QUERY = `query ArticleList($after: String) {
  articles(first: ${PAGE_SIZE}, after: $after) {
    edges { cursor node { slug title summary publishedAt category { slug name } treatments { slug name } } }
    pageInfo { hasNextPage endCursor }
  }
}`;
/** A search results page: the hit's document for a result card, its score and snippet. */
const SEARCH_QUERY = `query Search($q: String!) {
  search(query: $q, first: ${PAGE_SIZE}) {
    edges { cursor node { score snippet { html } document {
      __typename
      ... on Article { slug title summary publishedAt category { slug name } }
      ... on Treatment { slug name }
      ... on Comparison { slug title }
    } } }
    pageInfo { hasNextPage endCursor }
  }
}`;
/**
 * What readers type, in every form the query language has (words, a phrase, an exclusion, OR, a
 * prefix). Each matches a few percent of the documents (the corpus gives each article one of 20
 * conditions), so every request ranks thousands of matches at 100k articles, not all of them.
 */
const SEARCH_TERMS = ['knee pain', 'migraine', '"lower back pain"', 'sciatica -surgery', 'yoga OR pilates', 'anxiety', 'plantar fasci*', 'insomnia'];

// ---------------------------------------------------------------------------------------------
// Options

const { values: flags } = parseArgs({
  options: {
    articles: { type: 'string' },
    quick: { type: 'boolean', default: false },
    pglite: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    connections: { type: 'string' },
    duration: { type: 'string' },
    'baseline-driver': { type: 'string', default: 'postgres' },
    'skip-build': { type: 'boolean', default: false },
    only: { type: 'string' },
    database: { type: 'string' },
    reuse: { type: 'boolean', default: false },
  },
  strict: true,
});

const options = {
  articles: positive('articles', flags.articles, flags.quick ? 1000 : 100_000),
  pglite: flags.pglite!,
  json: flags.json!,
  connections: positive('connections', flags.connections, 20),
  duration: positive('duration', flags.duration, flags.quick ? 3 : 10),
  warmup: flags.quick ? 2 : 3,
  baselineDriver: flags['baseline-driver'] === 'pg' ? 'pg' : 'postgres',
  build: !flags['skip-build'],
  /** Scenarios to run (all when absent): `--only search` or `--only list-first,list-deep`. */
  only: flags.only ? new Set(flags.only.split(',').map((name) => name.trim())) : null,
  /** The PostgreSQL database to drop, recreate and load (a cms_bench* name). */
  database: flags.database ?? BENCH_DB,
  /** Measure the corpus an earlier run left in --database instead of loading one (PostgreSQL only). */
  reuse: flags.reuse!,
};
if (options.reuse && options.pglite) throw new Error('--reuse works with PostgreSQL only (a PGlite corpus lives in a temp dir)');
if (!BENCH_DB_PATTERN.test(options.database)) throw new Error(`--database must match ${BENCH_DB_PATTERN}`);

function positive(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) throw new Error(`--${name} must be a positive integer`);
  return number;
}

const log = (message: string) => process.stderr.write(`${message}\n`);

// ---------------------------------------------------------------------------------------------
// Child processes: every one is stopped when the runner stops, however it stops.

const children = new Set<ChildProcess>();

function killChildren(signal: NodeJS.Signals = 'SIGTERM') {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill(signal);
}

process.on('exit', () => killChildren('SIGKILL'));
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.once(signal, () => {
    log(`\n${signal}: stopping`);
    killChildren();
    process.exit(130);
  });
}

/** A port nothing listens on now, so a stray server from another run is never measured instead. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, HOST, () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

interface Server {
  name: string;
  child: ChildProcess;
  url: string;
  /** Peak resident set (VmHWM) in MB, as last read. */
  peakRssMb(): number | null;
  stop(): Promise<void>;
}

async function startServer(name: string, args: string[], env: NodeJS.ProcessEnv, port: number): Promise<Server> {
  // stdin is a pipe: the baseline exits when it closes, i.e. when this process goes away.
  const child = spawn(process.execPath, args, { cwd: root, env, stdio: ['pipe', 'pipe', 'pipe'] });
  children.add(child);
  child.stdout!.on('data', (chunk: Buffer) => process.stderr.write(`[${name}] ${chunk.toString()}`));
  child.stderr!.on('data', (chunk: Buffer) => process.stderr.write(`[${name}] ${chunk.toString()}`));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  let peak: number | null = null;
  const readPeak = () => {
    try {
      const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
      if (match) peak = Math.max(peak ?? 0, Number(match[1]) / 1024);
    } catch {
      // The process is gone (or this is not Linux): keep the last reading.
    }
    return peak;
  };
  const poll = setInterval(readPeak, 1000);

  const url = `http://${HOST}:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`${name} exited during start (code ${child.exitCode ?? child.signalCode})`);
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error(`${name} did not answer ${url}/healthz within 60 s`);
    await sleep(200);
  }
  log(`${name} ready at ${url} (pid ${child.pid})`);

  return {
    name,
    child,
    url,
    peakRssMb: readPeak,
    async stop() {
      readPeak();
      clearInterval(poll);
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(timer);
      }
      children.delete(child);
    },
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// ---------------------------------------------------------------------------------------------
// Fixtures: what the scenarios ask for, read from the corpus before the servers start.

interface Fixtures {
  total: number;
  /** Generated articles' slugs, in random order. */
  slugs: string[];
  cachedSlug: string;
  deepPage: number;
  deepCursor: string | null;
}

/** src/shared/pagination.ts's cursor format: base64url of JSON `[{"d": iso} | {"v": null}, id]`. */
function encodeCursor(value: Date | null, id: string): string {
  return Buffer.from(JSON.stringify([value ? { d: value.toISOString() } : { v: null }, id])).toString('base64url');
}

async function readFixtures(corpus: Corpus): Promise<Fixtures> {
  const sql = await corpus.open();
  try {
    const [{ total }] = (await sql.query<{ total: number }>('SELECT count(*)::int AS total FROM "PublishedArticle"')) as [{ total: number }];
    const slugs = (
      await sql.query<{ slug: string }>(
        `SELECT pa.slug FROM "PublishedArticle" pa JOIN "Article" a ON a.id = pa."articleId" WHERE a."createdBy" = 'bench' ORDER BY random() LIMIT 5000`,
      )
    ).map((row) => row.slug);
    // The deepest page up to the 1,000th that is full (page 50 of the --quick corpus).
    const deepPage = Math.max(1, Math.min(DEEP_PAGE, Math.floor((total - 1) / PAGE_SIZE)));
    let deepCursor: string | null = null;
    if (deepPage > 1) {
      const [last] = await sql.query<{ publishedAt: Date | string | null; articleId: string }>(
        `SELECT "publishedAt", "articleId" FROM "PublishedArticle" ORDER BY "publishedAt" DESC NULLS LAST, "articleId" DESC OFFSET $1 LIMIT 1`,
        [(deepPage - 1) * PAGE_SIZE - 1],
      );
      deepCursor = encodeCursor(last!.publishedAt === null ? null : new Date(last!.publishedAt), last!.articleId);
    }
    return { total, slugs, cachedSlug: slugs[0]!, deepPage, deepCursor };
  } finally {
    await sql.close();
  }
}

// ---------------------------------------------------------------------------------------------
// Scenarios

const SCENARIO_NAMES = ['page-uncached', 'page-cached', 'list-first', 'list-deep', 'search'] as const;
for (const name of options.only ?? []) {
  if (!(SCENARIO_NAMES as readonly string[]).includes(name)) throw new Error(`--only: no scenario "${name}" (${SCENARIO_NAMES.join(', ')})`);
}

interface Scenario {
  name: (typeof SCENARIO_NAMES)[number];
  label: string;
  /** Request bodies, sent in turn (the same ones to both servers). */
  bodies: string[];
  baselinePath: string;
  /** False when the API has no equivalent yet. */
  ours: boolean;
  /** Measured on our instance with the response cache (else on the one without). */
  cached: boolean;
  note?: string;
}

function scenarios(fixtures: Fixtures): Scenario[] {
  const page = (slug: string) => JSON.stringify({ query: PAGE_QUERY, variables: { slug } });
  const list = (after: string | null) => JSON.stringify({ query: LIST_QUERY, variables: { after } });
  const all: Scenario[] = [
    { name: 'page-uncached', label: `page, ${fixtures.slugs.length} slugs in turn`, bodies: fixtures.slugs.map(page), baselinePath: '/page', ours: true, cached: false },
    { name: 'page-cached', label: 'page, one slug', bodies: [page(fixtures.cachedSlug)], baselinePath: '/page', ours: true, cached: true },
    { name: 'list-first', label: `articles(first: ${PAGE_SIZE})`, bodies: [list(null)], baselinePath: '/list', ours: true, cached: false },
    { name: 'list-deep', label: `articles, page ${fixtures.deepPage}`, bodies: [list(fixtures.deepCursor)], baselinePath: '/list', ours: true, cached: false },
    {
      name: 'search',
      label: `search(first: ${PAGE_SIZE}), ${SEARCH_TERMS.length} queries in turn`,
      bodies: SEARCH_TERMS.map((q) => JSON.stringify({ query: SEARCH_QUERY, variables: { q } })),
      baselinePath: '/search',
      ours: true,
      cached: false,
    },
  ];
  return all.filter((scenario) => !options.only || options.only.has(scenario.name));
}

// ---------------------------------------------------------------------------------------------
// Checks and counts

async function post(url: string, body: string): Promise<{ status: number; json: unknown }> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  return { status: response.status, json: await response.json() };
}

/** The first path where two JSON values differ, or null when they are equal. */
function firstDifference(a: unknown, b: unknown, at = '$'): string | null {
  if (a === b) return null;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) {
    return `${at}: ${JSON.stringify(a)?.slice(0, 80)} vs ${JSON.stringify(b)?.slice(0, 80)}`;
  }
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) {
    const difference = firstDifference((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], `${at}.${key}`);
    if (difference) return difference;
  }
  return null;
}

/** Both servers must answer the same JSON (without errors) before their speed means anything. */
async function checkSameAnswers(ours: Server, baseline: Server, list: Scenario[], fixtures: Fixtures): Promise<string[]> {
  const problems: string[] = [];
  const names = new Set(list.map((s) => s.name));
  const probes = [
    ...(names.has('page-uncached') || names.has('page-cached')
      ? [REFERENCE_SLUG, ...fixtures.slugs.slice(0, 3)].map((slug) => ({ name: `page ${slug}`, path: '/page', body: JSON.stringify({ query: PAGE_QUERY, variables: { slug } }) }))
      : []),
    ...list.filter((s) => s.ours && s.name.startsWith('list')).map((s) => ({ name: s.name, path: s.baselinePath, body: s.bodies[0]! })),
    // Every search query: ranks, snippets and cursors must agree too.
    ...list.filter((s) => s.name === 'search').flatMap((s) => s.bodies.map((body, i) => ({ name: `search ${JSON.stringify(SEARCH_TERMS[i])}`, path: s.baselinePath, body }))),
  ];
  for (const probe of probes) {
    const [a, b] = await Promise.all([post(`${ours.url}/graphql`, probe.body), post(`${baseline.url}${probe.path}`, probe.body)]);
    const errors = (a.json as { errors?: unknown }).errors;
    if (a.status !== 200 || errors) problems.push(`${probe.name}: ours answered ${a.status} ${JSON.stringify(errors ?? a.json).slice(0, 200)}`);
    const difference = firstDifference(a.json, b.json);
    if (difference) problems.push(`${probe.name}: answers differ at ${difference}`);
  }
  const deep = list.find((s) => s.name === 'list-deep');
  if (deep) {
    const edges = ((await post(`${ours.url}/graphql`, deep.bodies[0]!)).json as { data?: { articles?: { edges?: unknown[] } } }).data?.articles?.edges;
    if (edges?.length !== PAGE_SIZE) problems.push(`list-deep: ours answered ${edges?.length ?? 'no'} edges, not ${PAGE_SIZE}`);
  }
  return problems;
}

interface StatementCount {
  mean: number;
  min: number;
  max: number;
  requests: number;
}

/**
 * SQL statements per request, counted exactly (Prisma's query events and db/sql.ts's) with the app
 * in-process on the same database: one warm-up request, then one request per body (up to 50
 * bodies: a page's count depends on its content, e.g. whether its comparison has a column the
 * article itself does not list). Cached scenarios go to an app with the response cache, as
 * they do under load.
 */
async function countStatements(corpus: Corpus, list: Scenario[]): Promise<Map<string, StatementCount>> {
  let statements = 0;
  const onQuery = () => void statements++;
  const db = await openDatabase(corpus.kind === 'postgresql' ? { url: corpus.url, onQuery } : { dataDir: corpus.dataDir, onQuery });
  const options = { prisma: db.prisma, sql: db.sql, adminToken: ADMIN_TOKEN, logger: pino({ level: 'silent' }), rateLimits: { requestsPerIp: 100_000_000, requestsPerCredential: 100_000_000 } };
  const uncachedApp = await createApp(options);
  const cachedApp = await createApp({ ...options, responseCache: { maxBytes: CACHE_MAX_MB * 1024 * 1024, listen: db.listen } });
  const counts = new Map<string, StatementCount>();
  try {
    for (const scenario of list.filter((s) => s.ours)) {
      const app = scenario.cached ? cachedApp : uncachedApp;
      const request = async (payload: string) => {
        const response = await app.http.inject({ method: 'POST', url: '/graphql', headers: { 'content-type': 'application/json' }, payload });
        const body = response.json() as { errors?: unknown };
        if (response.statusCode !== 200 || body.errors) throw new Error(`${scenario.name}: ${response.statusCode} ${response.body.slice(0, 300)}`);
      };
      await request(scenario.bodies[0]!);
      const seen: number[] = [];
      for (const body of scenario.bodies.slice(0, 50)) {
        statements = 0;
        await request(body);
        seen.push(statements);
      }
      counts.set(scenario.name, {
        mean: round(seen.reduce((sum, n) => sum + n, 0) / seen.length, 2),
        min: Math.min(...seen),
        max: Math.max(...seen),
        requests: seen.length,
      });
    }
  } finally {
    await uncachedApp.http.close();
    await cachedApp.http.close();
    await db.close();
  }
  return counts;
}

// ---------------------------------------------------------------------------------------------
// Load

interface Measure {
  rps: number;
  p50: number;
  p99: number;
  failures: number;
}

async function drive(url: string, path: string, bodies: string[], duration: number): Promise<Measure> {
  let next = 0;
  const result: Result = await autocannon({
    url,
    connections: options.connections,
    duration,
    timeout: 30,
    requests: [
      {
        method: 'POST',
        path,
        headers: { 'content-type': 'application/json' },
        body: bodies[0],
        ...(bodies.length > 1 ? { setupRequest: (request: Request) => ({ ...request, body: bodies[next++ % bodies.length] }) } : {}),
      },
    ],
    // A GraphQL error comes with status 200: count it as a failure too.
    verifyBody: (body) => !body.includes('"errors"'),
  });
  return {
    rps: round(result.requests.average, 1),
    p50: round(result.latency.p50, 2),
    p99: round(result.latency.p99, 2),
    failures: result.errors + result.timeouts + result.non2xx + result.mismatches,
  };
}

async function measure(server: Server, path: string, bodies: string[]): Promise<Measure> {
  await drive(server.url, path, bodies, options.warmup);
  return drive(server.url, path, bodies, options.duration);
}

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

// ---------------------------------------------------------------------------------------------

interface Row {
  scenario: Scenario;
  ours: Measure | null;
  baseline: Measure;
  statements: StatementCount | null;
}

async function main() {
  const started = performance.now();
  const loadBefore = loadavg()[0]!;
  log(`benchmark: ${options.articles} articles, ${options.pglite ? 'PGlite' : 'PostgreSQL'}, ${options.connections} connections, ${options.duration} s per scenario (+${options.warmup} s warm-up)`);

  if (options.build) {
    log('building (npm run build)');
    const build = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: ['ignore', 2, 2] });
    if (build.status !== 0) throw new Error('npm run build failed');
  }

  log('loading the corpus');
  const corpus = await loadCorpus({ articles: options.articles, pglite: options.pglite, database: options.database, reuse: options.reuse, log });
  const servers: Server[] = [];
  try {
    const fixtures = await readFixtures(corpus);
    const list = scenarios(fixtures);

    log('counting SQL statements per request (app in-process)');
    const statements = await countStatements(corpus, list);

    const appEnv: NodeJS.ProcessEnv = {
      ...process.env,
      HOST,
      SEED_SAMPLE_CONTENT: 'false',
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
      // The load generator is one client sending thousands of requests a second: lift the
      // per-address limit so the benchmark measures serving, not refusing.
      RATE_LIMIT_PER_IP: '100000000',
      RATE_LIMIT_PER_CREDENTIAL: '100000000',
      ADMIN_TOKEN,
    };
    delete appEnv.DATABASE_URL;
    delete appEnv.DATA_DIR;
    if (corpus.kind === 'postgresql') appEnv.DATABASE_URL = corpus.url;
    else appEnv.DATA_DIR = corpus.dataDir;
    const baselinePort = await freePort();
    const baselineEnv: NodeJS.ProcessEnv = { PATH: process.env.PATH, PORT: String(baselinePort), BASELINE_DRIVER: options.baselineDriver, NODE_ENV: 'production' };
    if (corpus.kind === 'postgresql') baselineEnv.BASELINE_DATABASE_URL = corpus.url;
    else baselineEnv.BASELINE_PGLITE_DIR = corpus.baselineDataDir;
    const baseline = await startServer(`baseline (${corpus.kind === 'pglite' ? 'PGlite' : options.baselineDriver === 'pg' ? 'pg' : 'postgres.js'})`, ['--import', 'tsx', 'bench/baseline.ts'], baselineEnv, baselinePort);
    servers.push(baseline);

    // Our two instances run one after the other (the embedded engine allows one process per
    // folder): without the response cache for the database path, then with it for page-cached.
    const problems: string[] = [];
    const measured = new Map<string, Row>();
    const oursPeaks: Record<'uncached' | 'cached', number | null> = { uncached: null, cached: null };
    for (const instance of ['uncached', 'cached'] as const) {
      const cached = instance === 'cached';
      const here = list.filter((s) => s.ours && s.cached === cached);
      if (here.length === 0) continue;
      const port = await freePort();
      // The same heap ceiling `npm start` and the Dockerfile give it.
      const ours = await startServer(`ours (${instance})`, ['--import', './bench/exit-with-parent.mjs', '--max-old-space-size=128', 'dist/src/main.js'], { ...appEnv, PORT: String(port), RESPONSE_CACHE_MAX_MB: cached ? String(CACHE_MAX_MB) : '0' }, port);
      servers.push(ours);
      const differences = await checkSameAnswers(ours, baseline, here, fixtures);
      problems.push(...differences.map((difference) => `ours (${instance}): ${difference}`));
      if (differences.length) for (const difference of differences) log(`WARNING: ours (${instance}): ${difference}`);
      else log(`ours (${instance}) and the baseline answer the same JSON for the page${cached ? '' : ' and list'} probes`);

      for (const scenario of here) {
        log(`${scenario.name} (${scenario.label}), ours ${instance}`);
        const oursMeasure = await measure(ours, '/graphql', scenario.bodies);
        const baselineMeasure = await measure(baseline, scenario.baselinePath, scenario.bodies);
        measured.set(scenario.name, { scenario, ours: oursMeasure, baseline: baselineMeasure, statements: statements.get(scenario.name) ?? null });
        log(`  ours ${oursMeasure.rps} req/s, baseline ${baselineMeasure.rps} req/s`);
        if (cached) {
          const response = await fetch(`${ours.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: scenario.bodies[0] });
          const outcome = response.headers.get('x-cache');
          await response.arrayBuffer();
          if (outcome !== 'HIT') problems.push(`${scenario.name}: ours answered x-cache ${outcome}, not HIT: the figure is not a cache hit's`);
        }
      }
      oursPeaks[instance] = ours.peakRssMb();
      await ours.stop();
    }
    for (const scenario of list.filter((s) => !s.ours)) {
      log(`${scenario.name} (${scenario.label}), baseline only`);
      const baselineMeasure = await measure(baseline, scenario.baselinePath, scenario.bodies);
      measured.set(scenario.name, { scenario, ours: null, baseline: baselineMeasure, statements: null });
      log(`  baseline ${baselineMeasure.rps} req/s`);
    }
    const rows = list.map((scenario) => measured.get(scenario.name)!);

    const peaks = Object.values(oursPeaks).filter((peak): peak is number => peak !== null);
    const oursPeak = peaks.length ? Math.max(...peaks) : null;
    const baselinePeak = baseline.peakRssMb();
    await baseline.stop();

    const report = {
      scenarios: rows.map((row) => ({
        name: row.scenario.name,
        rps: row.ours?.rps ?? null,
        baselineRps: row.baseline.rps,
        ratio: row.ours ? round(row.ours.rps / row.baseline.rps, 3) : null,
        p50Ms: row.ours?.p50 ?? null,
        p99Ms: row.ours?.p99 ?? null,
        sqlPerRequest: row.statements?.mean ?? null,
        ...(row.scenario.note ? { note: row.scenario.note } : {}),
      })),
      peakRssMb: oursPeak === null ? null : round(oursPeak, 1),
      peakRssMbByInstance: Object.fromEntries(Object.entries(oursPeaks).map(([instance, peak]) => [instance, peak === null ? null : round(peak, 1)])),
      articles: corpus.generated,
    };

    const table = renderTable(rows, {
      corpus,
      fixtures,
      oursPeaks,
      baselinePeak,
      problems,
      elapsed: performance.now() - started,
      load: [loadBefore, loadavg()[0]!],
    });
    if (options.json) {
      process.stderr.write(table);
      process.stdout.write(`${JSON.stringify(report)}\n`);
    } else {
      process.stdout.write(table);
    }
  } finally {
    for (const server of servers) await server.stop();
    await corpus.cleanup();
  }
}

function renderTable(
  rows: Row[],
  info: {
    corpus: Corpus;
    fixtures: Fixtures;
    oursPeaks: Record<'uncached' | 'cached', number | null>;
    baselinePeak: number | null;
    problems: string[];
    elapsed: number;
    load: [number, number];
  },
): string {
  const cpu = cpus();
  const header = ['scenario', 'ours req/s', 'p50 ms', 'p99 ms', 'SQL/req', 'baseline req/s', 'p50 ms', 'p99 ms', 'ours/baseline'];
  const body = rows.map((row) => [
    row.scenario.name,
    row.ours ? String(row.ours.rps) : 'n/a',
    row.ours ? String(row.ours.p50) : '',
    row.ours ? String(row.ours.p99) : '',
    row.statements === null ? '' : row.statements.min === row.statements.max ? String(row.statements.min) : `${row.statements.mean} (${row.statements.min}-${row.statements.max})`,
    String(row.baseline.rps),
    String(row.baseline.p50),
    String(row.baseline.p99),
    row.ours ? (row.ours.rps / row.baseline.rps).toFixed(2) : 'n/a',
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...body.map((cells) => cells[column]!.length)));
  const line = (cells: string[]) => cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ');
  const failures = rows.flatMap((row) => [
    ...(row.ours?.failures ? [`${row.scenario.name}: ${row.ours.failures} failed requests (ours)`] : []),
    ...(row.baseline.failures ? [`${row.scenario.name}: ${row.baseline.failures} failed requests (baseline)`] : []),
  ]);
  const mb = (value: number | null) => (value === null ? 'n/a' : `${value.toFixed(0)} MB`);
  return [
    '',
    `${new Date().toISOString().slice(0, 10)}, ${cpu.length} × ${cpu[0]?.model ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GB, Node ${process.version}`,
    `${info.corpus.generated} generated articles (+ sample content: ${info.fixtures.total} published), ${info.corpus.kind === 'pglite' ? 'PGlite' : 'PostgreSQL'}, ${info.corpus.loadMs ? `loaded in ${seconds(info.corpus.loadMs)}` : `reused from ${info.corpus.url}`}`,
    `${options.connections} connections, ${options.duration} s per scenario after ${options.warmup} s warm-up; baseline driver: ${info.corpus.kind === 'pglite' ? 'PGlite' : options.baselineDriver === 'pg' ? 'pg' : 'postgres.js'}`,
    '',
    line(header),
    line(widths.map((w) => '-'.repeat(w))),
    ...body.map(line),
    '',
    'req/s and p50/p99: autocannon; SQL/req: statements sent through Prisma and db/sql.ts, app in-process, mean (min-max) over up to 50 requests;',
    `peak RSS (VmHWM of each server process): ours ${mb(info.oursPeaks.uncached)} without the response cache, ${mb(info.oursPeaks.cached)} with it; baseline ${mb(info.baselinePeak)}`,
    ...rows.filter((row) => row.scenario.note).map((row) => `${row.scenario.name}: ${row.scenario.note}`),
    ...(rows.some((row) => row.scenario.name === 'page-cached')
      ? [`page-cached: ours with its response cache (${CACHE_MAX_MB} MB): after the warm-up every request is a hit. The other scenarios: ours with RESPONSE_CACHE_MAX_MB=0, the database path.`]
      : []),
    ...failures.map((failure) => `WARNING: ${failure}`),
    ...info.problems.map((problem) => `WARNING: ${problem}`),
    // Anything else running on the machine takes CPU from the servers, PostgreSQL and autocannon alike.
    `load average (1 min) at start ${info.load[0].toFixed(2)}, at end ${info.load[1].toFixed(2)}${info.load[0] > cpu.length / 2 ? ': WARNING, the machine was busy; figures are low' : ''}`,
    `total time: ${seconds(info.elapsed)}`,
    '',
  ].join('\n');
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    log(`benchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    killChildren();
    process.exit(1);
  },
);
