import postgres from 'postgres';
// usage: timeit.ts db N "sql" [params as JSON array]
const [db, n, text, params] = process.argv.slice(2);
const sql = postgres(`postgresql://postgres@127.0.0.1:5432/${db}`, { max: 1, onnotice: () => {} });
const times: number[] = [];
for (let i = 0; i < Number(n); i++) {
  const t = performance.now();
  await sql.unsafe(text!, params ? JSON.parse(params) : [], { prepare: true });
  times.push(performance.now() - t);
}
times.sort((a, b) => a - b);
console.log(`min ${times[0]!.toFixed(1)} p50 ${times[Math.floor(times.length / 2)]!.toFixed(1)} ms`);
await sql.end();
