/**
 * The response cache with several servers on one database: a change published through one
 * server reaches every other server's cache through the database (LISTEN/NOTIFY). On
 * PostgreSQL the servers are separate processes; the embedded engine belongs to one process,
 * so there the two servers run side by side in this one.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { makeArticle } from './factories.js';
import { ADMIN_TOKEN, createTestApp, useTestApi } from './setup/server.js';

const PAGE = 'query($slug: String!) { article(slug: $slug) { slug title } }';
const UPDATE = 'mutation($id: ID!, $v: Int!, $input: UpdateArticleInput!) { updateArticle(id: $id, input: $input, expectedVersion: $v) { version } }';
const PUBLISH = 'mutation($id: ID!, $v: Int!) { publishArticle(id: $id, expectedVersion: $v) { version } }';

interface Answer {
  cache: string | null;
  json: { data?: any; errors?: unknown[] };
}

/** A server as the test drives it: over HTTP for a process, through injection in this one. */
interface Server {
  send(query: string, variables: Record<string, unknown>, headers?: Record<string, string>): Promise<Answer>;
  stop(): Promise<void>;
}

/** Starts test/support/server-process.ts against `url`; resolves once it listens. */
function serverProcess(url: string): Promise<Server> {
  const script = fileURLToPath(new URL('./support/server-process.ts', import.meta.url));
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', script, url, ADMIN_TOKEN], { stdio: ['pipe', 'pipe', 'inherit'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`server process exited with ${code} before listening`)));
    createInterface({ input: child.stdout! }).once('line', (address) =>
      resolve({
        async send(query, variables, headers = {}) {
          const response = await fetch(`${address}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
          return { cache: response.headers.get('x-cache'), json: (await response.json()) as Answer['json'] };
        },
        async stop() {
          child.stdin!.end();
          const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
          await exited;
          clearTimeout(timer);
        },
      }),
    );
  });
}

async function waitFor(condition: () => Promise<boolean>, what: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`not within ${timeoutMs} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('the response cache with several servers', () => {
  const api = useTestApi();

  async function inThisProcess(): Promise<Server> {
    const app = await createTestApp(api.db, { responseCacheMaxBytes: 8 * 1024 * 1024 });
    return {
      async send(query, variables, headers = {}) {
        const response = await app.http.inject({ method: 'POST', url: '/graphql', headers: { 'content-type': 'application/json', ...headers }, payload: JSON.stringify({ query, variables }) });
        return { cache: (response.headers['x-cache'] as string | undefined) ?? null, json: response.json() };
      },
      stop: () => app.http.close(),
    };
  }

  it('drops an answer in every server when one of them publishes a change', async () => {
    const article = await makeArticle(api, { title: 'Before' });
    const url = api.db.url;
    const [a, b] = await Promise.all(url ? [serverProcess(url), serverProcess(url)] : [inThisProcess(), inThisProcess()]);
    try {
      // Server B keeps the page.
      const page = () => b.send(PAGE, { slug: article.slug });
      expect((await page()).cache).toBe('MISS');
      const cached = await page();
      expect(cached.cache).toBe('HIT');
      expect(cached.json.data.article.title).toBe('Before');

      // Server A publishes an edit.
      const editor = { authorization: `Bearer ${ADMIN_TOKEN}` };
      const updated = await a.send(UPDATE, { id: article.id, v: article.version, input: { title: 'After' } }, editor);
      expect(updated.json.errors).toBeUndefined();
      const published = await a.send(PUBLISH, { id: article.id, v: updated.json.data.updateArticle.version }, editor);
      expect(published.json.errors).toBeUndefined();

      // B hears of it through the database: its next answers are computed afresh, then kept again.
      const answers: Answer[] = [];
      await waitFor(async () => {
        const answer = await page();
        answers.push(answer);
        return answer.json.data.article.title === 'After';
      }, 'server B answers the edit', 5000);
      expect(answers.at(-1)!.cache).toBe('MISS');
      expect(answers.slice(0, -1).every((answer) => answer.cache === 'HIT' && answer.json.data.article.title === 'Before')).toBe(true);
      const again = await page();
      expect(again.cache).toBe('HIT');
      expect(again.json.data.article.title).toBe('After');
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
  }, 60_000);
});
