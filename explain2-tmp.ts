import { openDatabase } from './src/db/client.js';
import { createContext } from './src/context.js';
import { search } from './src/search/search.service.js';
const queries: string[] = [];
const db = await openDatabase({ url: 'postgresql://postgres@127.0.0.1:5432/cms_bench_search_100k', onQuery: (q) => queries.push(q) });
const ctx = createContext(db.prisma, null);
for (const q of ['migraine', 'knee pain', '"lower back pain"']) {
  for (let i = 0; i < 5; i++) { const t = performance.now(); await search(createContext(db.prisma, null), { query: q, first: 20 }); console.log(q, (performance.now() - t).toFixed(1), 'ms'); }
}
const sql = queries.find((q) => q.includes('MATERIALIZED'))!;
const pg = (await import('pg')).default;
const c = new pg.Client({ connectionString: 'postgresql://postgres@127.0.0.1:5432/cms_bench_search_100k' }); await c.connect();
const { parseSearchQuery } = await import('./src/search/query.js');
const { SNIPPET_OPTIONS, TITLE_OPTIONS } = await import('./src/search/snippet.js');
const plan = await c.query(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, [parseSearchQuery('knee pain').tsquery, 21, TITLE_OPTIONS, SNIPPET_OPTIONS]).catch((e) => ({ rows: [{ 'QUERY PLAN': String(e) + sql }] }));
console.log(plan.rows.map((r: any) => r['QUERY PLAN']).join('\n'));
await c.end(); await db.close(); void ctx;
