/**
 * A real server process for the multi-process response cache test: serves the API, response
 * cache on, for the PostgreSQL database given as argv[2] with argv[3] as the admin token, on a
 * free port of 127.0.0.1. Prints its address once listening; stops when its stdin closes.
 */
import { pino } from 'pino';
import { openDatabase } from '../../src/db/client.js';
import { createApp } from '../../src/server.js';

const [url, adminToken] = [process.argv[2]!, process.argv[3]!];
const db = await openDatabase({ url });
const app = await createApp({
  prisma: db.prisma,
  sql: db.sql,
  adminToken,
  logger: pino({ level: 'silent' }),
  rateLimits: { requestsPerIp: 1_000_000, requestsPerCredential: 1_000_000 },
  responseCache: { maxBytes: 8 * 1024 * 1024, listen: db.listen },
});
const address = await app.http.listen({ port: 0, host: '127.0.0.1' });
process.stdout.write(`${address}\n`);
process.stdin.on('end', async () => {
  await app.http.close();
  await db.close();
  process.exit(0);
});
process.stdin.resume();
