import pg from 'pg';
import { openDatabase } from './src/db/client.js';
import { createContext } from './src/context.js';
import { search } from './src/search/search.service.js';
import { parseSearchQuery } from './src/search/query.js';
import { SNIPPET_OPTIONS, TITLE_OPTIONS } from './src/search/snippet.js';
const queries: string[] = [];
const db = await openDatabase({ url: 'postgresql://postgres@127.0.0.1:5432/cms_bench_search_100k', onQuery: (q) => queries.push(q) });
await search(createContext(db.prisma, null), { query: 'migraine', first: 20 });
const sql = queries.find((q) => q.includes('MATERIALIZED'))!;
const c = new pg.Client({ connectionString: 'postgresql://postgres@127.0.0.1:5432/cms_bench_search_100k' }); await c.connect();
const plan: number[] = [], exec: number[] = [];
for (let i = 0; i < 15; i++) {
  const r = await c.query(`EXPLAIN (ANALYZE, SUMMARY, FORMAT JSON) ${sql}`, [parseSearchQuery('migraine').tsquery, 21, TITLE_OPTIONS, SNIPPET_OPTIONS]);
  const j = r.rows[0]['QUERY PLAN'][0]; plan.push(j['Planning Time']); exec.push(j['Execution Time']);
}
const med = (a: number[]) => a.sort((x, y) => x - y)[Math.floor(a.length / 2)]!.toFixed(1);
const min = (a: number[]) => Math.min(...a).toFixed(1);
console.log('planning min/med', min(plan), med(plan), 'execution min/med', min(exec), med(exec));
await c.end(); await db.close();
