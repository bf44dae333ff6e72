/**
 * Applies pending migrations to the configured database (DATABASE_URL, else the embedded one in
 * DATA_DIR), as `prisma migrate deploy` would, through Prisma's WASM schema engine; then
 * indexes for search what was published before the index existed.
 *
 *   npm run db:migrate
 */
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/client.js';
import { reindexSearch } from '../src/search/search.index.js';

const config = loadConfig();
const db = await openDatabase(config.databaseUrl ? { url: config.databaseUrl } : { dataDir: config.dataDir });
try {
  const applied = await db.migrate();
  console.log(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
  // Data the migrations cannot make: the search index of what was published before it existed.
  const { indexed, removed } = await reindexSearch(db.prisma);
  if (indexed + removed > 0) console.log(`search index: ${indexed} documents indexed, ${removed} removed`);
} finally {
  await db.close();
}
