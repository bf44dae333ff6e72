/**
 * A stand-in for one server process, for the scheduler tests: runs the scheduler against the
 * database given as argv[2] for argv[3] milliseconds, then prints how many documents it
 * published and exits.
 */
import { pino } from 'pino';
import { openDatabase } from '../../src/db/client.js';
import { createScheduler } from '../../src/workflow/scheduler.js';

const [url, runForMs] = [process.argv[2], Number(process.argv[3] ?? 5000)];
const db = await openDatabase({ url });
const scheduler = createScheduler({ prisma: db.prisma, logger: pino({ level: 'silent' }), intervalMs: 50 });
await new Promise((resolve) => setTimeout(resolve, runForMs));
await scheduler.stop();
await db.close();
process.stdout.write(`${scheduler.publishedCount}\n`);
