/**
 * Applies pending migrations to the configured database (DATABASE_URL, else the embedded one in
 * DATA_DIR), as `prisma migrate deploy` would, through Prisma's WASM schema engine.
 *
 *   npm run db:migrate
 */
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/client.js';

const config = loadConfig();
const db = await openDatabase(config.databaseUrl ? { url: config.databaseUrl } : { dataDir: config.dataDir });
try {
  const applied = await db.migrate();
  console.log(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
} finally {
  await db.close();
}
