/**
 * Starts the CMS: reads configuration, opens and migrates the database (and brings the search
 * index up to date), loads the sample
 * content into an empty database, and serves the API.
 */
import { randomBytes } from 'node:crypto';
import { pino } from 'pino';
import { loadConfig } from './config.js';
import { openDatabase } from './db/client.js';
import { reindexSearch } from './search/search.index.js';
import { seedSampleContent } from './seed/seed.js';
import { createApp } from './server.js';
import { createScheduler } from './workflow/scheduler.js';

const config = loadConfig();
const logger = pino({ level: config.logLevel });

let adminToken = config.adminToken;
if (!adminToken) {
  if (config.env === 'production') {
    logger.fatal('ADMIN_TOKEN is not set: refusing to start in production without an editor credential.');
    process.exit(1);
  }
  adminToken = randomBytes(32).toString('base64url');
  logger.warn(`ADMIN_TOKEN is not set; generated one for this run: ${adminToken}`);
}

const db = await openDatabase({ ...(config.databaseUrl ? { url: config.databaseUrl } : { dataDir: config.dataDir }), limits: config.databaseLimits });
logger.info({ database: db.kind, ...(db.kind === 'pglite' ? { dataDir: config.dataDir } : {}) }, 'database opened');

const applied = await db.migrate();
if (applied.length > 0) logger.info({ migrations: applied }, 'migrations applied');
// Published content the search index lacks (a database from before search) becomes searchable.
const reindexed = await reindexSearch(db.prisma);
if (reindexed.indexed + reindexed.removed > 0) logger.info(reindexed, 'search index brought up to date');

if (config.seedSampleContent) {
  const seeded = await seedSampleContent({ prisma: db.prisma });
  if (seeded) logger.info('sample content loaded');
}

const app = await createApp({
  prisma: db.prisma,
  sql: db.sql,
  adminToken,
  logger,
  env: config.env,
  introspection: config.introspection,
  trustProxy: config.trustProxy,
  rateLimits: config.rateLimits,
  responseCache: config.responseCacheMaxBytes > 0 ? { maxBytes: config.responseCacheMaxBytes, listen: db.listen } : undefined,
});
await app.http.listen({ port: config.port, host: config.host });
logger.info(`GraphQL API ready at http://localhost:${config.port}/graphql`);

// Publishes scheduled documents, including any that fell due while no server was running.
const scheduler = createScheduler({ prisma: db.prisma, logger, intervalMs: config.schedulerIntervalMs });

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, async () => {
    logger.info({ signal }, 'shutting down');
    await scheduler.stop();
    await app.http.close();
    await db.close();
    process.exit(0);
  });
}
