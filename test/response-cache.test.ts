/**
 * The response cache: public answers are served again from memory (x-cache: HIT), and every
 * change to what they hold (publish, unpublish, trash, slug changes, categories, people) is
 * seen by the very next request; answers with a credential, preview or errors are never kept.
 */
import { createHash } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import type { Listen } from '../src/db/client.js';
import type { Sql, SqlReader } from '../src/db/sql.js';
import type { App } from '../src/server.js';
import { createScheduler } from '../src/workflow/scheduler.js';
import { makeArticle, makeCategory, makePerson, makeTag, uniqueSlug } from './factories.js';
import { ADMIN_TOKEN, createTestApp, useTestApi } from './setup/server.js';

const PAGE = `query Page($slug: String!) {
  article(slug: $slug) {
    id slug title redirectTo
    category { name }
    experts { person { name } }
  }
}`;
const LIST = '{ articles(first: 100) { totalCount edges { node { slug title } } } }';
const UPDATE = 'mutation($id: ID!, $v: Int!, $input: UpdateArticleInput!) { updateArticle(id: $id, input: $input, expectedVersion: $v) { version } }';
const PUBLISH = 'mutation($id: ID!, $v: Int!) { publishArticle(id: $id, expectedVersion: $v) { version } }';
const MiB = 1024 * 1024;

interface Answer {
  cache: string | undefined;
  status: number;
  body: string;
  json: { data?: any; errors?: { extensions: { code: string } }[] };
  headers: Record<string, unknown>;
}

async function read(app: App, query: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await app.http.inject({
    method: 'POST',
    url: '/graphql',
    headers: { 'content-type': 'application/json', ...headers },
    payload: JSON.stringify({ query, variables }),
  });
  return { cache: response.headers['x-cache'] as string | undefined, status: response.statusCode, body: response.body, json: response.json(), headers: response.headers };
}

/**
 * A second server hears the notifications of writes made through the file's server on its own
 * time; one arriving while it computes an answer rightly keeps that answer out of its cache.
 * Tests that expect a HIT wait until it has heard every write made before.
 */
async function heardEverything(app: App): Promise<void> {
  await app.responseCache!.sync();
}

async function waitFor(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`not within ${timeoutMs} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('the response cache', () => {
  const api = useTestApi({ responseCacheMaxBytes: 8 * MiB });
  const others: App[] = [];
  afterAll(async () => {
    for (const app of others) await app.http.close();
  });
  const page = (slug: string, headers?: Record<string, string>) => read(api.app, PAGE, { slug }, headers);

  /** Edits an article's draft and publishes it, as an editor would. */
  async function publishEdit(article: { id: string; version: number }, input: Record<string, unknown>): Promise<number> {
    const updated = await api.asEditor(UPDATE, { id: article.id, v: article.version, input });
    expect(updated.errors).toBeUndefined();
    const published = await api.asEditor(PUBLISH, { id: article.id, v: updated.data!.updateArticle.version });
    expect(published.errors).toBeUndefined();
    return published.data!.publishArticle.version;
  }

  describe('serves public answers again', () => {
    it('answers a repeated page query from memory, byte for byte, with the same headers', async () => {
      const article = await makeArticle(api, { title: 'Cached once' });
      const first = await page(article.slug);
      const second = await page(article.slug);
      expect(first.cache).toBe('MISS');
      expect(second.cache).toBe('HIT');
      expect(second.body).toBe(first.body);
      expect(second.json.data.article.title).toBe('Cached once');
      const comparable = ({ date: _date, 'x-cache': _xCache, ...headers }: Record<string, unknown>) => headers;
      expect(comparable(second.headers)).toEqual(comparable(first.headers));
      expect(second.headers['cache-control']).toBe('public, max-age=60, stale-while-revalidate=300');
      expect(second.headers.vary).toBe('authorization');
    });

    it('serves hits over GET, to persisted queries by hash, and to clients that ask for graphql-response+json', async () => {
      const article = await makeArticle(api);
      const query = `{ article(slug: "${article.slug}") { slug title } }`;
      expect((await read(api.app, query)).cache).toBe('MISS');
      const preflight = { 'apollo-require-preflight': 'true' };
      const get = await api.app.http.inject({ method: 'GET', url: `/graphql?query=${encodeURIComponent(query)}`, headers: preflight });
      expect(get.headers['x-cache']).toBe('HIT');
      expect(get.json()).toEqual({ data: { article: { slug: article.slug, title: `Article ${article.slug}` } } });

      const extensions = encodeURIComponent(JSON.stringify({ persistedQuery: { version: 1, sha256Hash: createHash('sha256').update(query).digest('hex') } }));
      const byHash = await api.app.http.inject({ method: 'GET', url: `/graphql?extensions=${extensions}`, headers: preflight });
      expect(byHash.statusCode).toBe(200);
      expect(byHash.headers['x-cache']).toBe('HIT');
      expect(byHash.body).toBe(get.body);

      const spec = await read(api.app, query, undefined, { accept: 'application/graphql-response+json' });
      expect(spec.cache).toBe('HIT');
      expect(spec.headers['content-type']).toBe('application/graphql-response+json; charset=utf-8');
      expect(spec.body).toBe(get.body);
    });

    it('keeps answers to different variables apart', async () => {
      const [a, b] = [await makeArticle(api, { title: 'First of two' }), await makeArticle(api, { title: 'Second of two' })];
      expect((await page(a.slug)).cache).toBe('MISS');
      expect((await page(b.slug)).cache).toBe('MISS');
      const [againA, againB] = [await page(a.slug), await page(b.slug)];
      expect([againA.cache, againB.cache]).toEqual(['HIT', 'HIT']);
      expect(againA.json.data.article.title).toBe('First of two');
      expect(againB.json.data.article.title).toBe('Second of two');
    });

    it('still charges every hit to the rate limit', async () => {
      const limited = await createTestApp(api.db, { responseCacheMaxBytes: MiB, rateLimits: { requestsPerIp: 3 } });
      others.push(limited);
      const article = await makeArticle(api);
      await heardEverything(limited);
      const answers = [];
      for (let i = 0; i < 4; i += 1) answers.push(await read(limited, PAGE, { slug: article.slug }));
      expect(answers.map((a) => a.cache)).toEqual(['MISS', 'HIT', 'HIT', undefined]);
      expect(answers[3]!.status).toBe(429);
      expect(answers[3]!.json.errors![0]!.extensions.code).toBe('RATE_LIMITED');
    });
  });

  describe('never serves a stale answer', () => {
    it('shows a published edit to the very next request', async () => {
      const article = await makeArticle(api, { title: 'Before the edit' });
      await page(article.slug);
      expect((await page(article.slug)).cache).toBe('HIT');
      await publishEdit(article, { title: 'After the edit' });
      const next = await page(article.slug);
      expect(next.cache).toBe('MISS');
      expect(next.json.data.article.title).toBe('After the edit');
      expect((await page(article.slug)).cache).toBe('HIT');
    });

    it('leaves out an article once it is unpublished or trashed', async () => {
      const [unpublished, trashed] = [await makeArticle(api), await makeArticle(api)];
      for (const article of [unpublished, trashed]) {
        await page(article.slug);
        expect((await page(article.slug)).cache).toBe('HIT');
      }
      expect((await api.asEditor('mutation($id: ID!) { unpublishArticle(id: $id) { id } }', { id: unpublished.id })).errors).toBeUndefined();
      expect((await api.asEditor('mutation($id: ID!) { deleteArticle(id: $id) }', { id: trashed.id })).errors).toBeUndefined();
      for (const article of [unpublished, trashed]) {
        const next = await page(article.slug);
        expect(next.cache).toBe('MISS');
        expect(next.json.data.article).toBeNull();
      }
    });

    it('follows a slug change: the old slug redirects, the new one answers', async () => {
      const article = await makeArticle(api);
      const newSlug = uniqueSlug('renamed');
      expect((await page(article.slug)).json.data.article.slug).toBe(article.slug);
      expect((await page(newSlug)).json.data.article).toBeNull();
      expect([(await page(article.slug)).cache, (await page(newSlug)).cache]).toEqual(['HIT', 'HIT']);

      await publishEdit(article, { slug: newSlug });
      const old = await page(article.slug);
      expect(old.cache).toBe('MISS');
      expect(old.json.data.article).toMatchObject({ id: article.id, slug: newSlug, redirectTo: newSlug });
      const renamed = await page(newSlug);
      expect(renamed.cache).toBe('MISS');
      expect(renamed.json.data.article).toMatchObject({ id: article.id, slug: newSlug, redirectTo: null });
    });

    it('answers a slug that was not found once something is published there', async () => {
      const slug = uniqueSlug('not-yet');
      await page(slug);
      const missing = await page(slug);
      expect(missing.cache).toBe('HIT');
      expect(missing.json.data.article).toBeNull();
      await makeArticle(api, { slug, title: 'Here now' });
      const found = await page(slug);
      expect(found.cache).toBe('MISS');
      expect(found.json.data.article.title).toBe('Here now');
    });

    it('shows a link to an article once that article is published', async () => {
      const target = await makeArticle(api, { title: 'Linked later' }, { publish: false });
      const article = await makeArticle(api, { related: [{ kind: 'RELATED_ARTICLE', articleId: target.id }] });
      const query = 'query($slug: String!) { article(slug: $slug) { related { label } } }';
      await read(api.app, query, { slug: article.slug });
      const before = await read(api.app, query, { slug: article.slug });
      expect(before.cache).toBe('HIT');
      expect(before.json.data.article.related).toEqual([]);
      expect((await api.asEditor(PUBLISH, { id: target.id, v: target.version })).errors).toBeUndefined();
      const after = await read(api.app, query, { slug: article.slug });
      expect(after.cache).toBe('MISS');
      expect(after.json.data.article.related).toEqual([{ label: 'Linked later' }]);
    });

    it('lists a newly published article in a cached list', async () => {
      await read(api.app, LIST);
      const before = await read(api.app, LIST);
      expect(before.cache).toBe('HIT');
      const article = await makeArticle(api, { title: 'Newest in the list' });
      const after = await read(api.app, LIST);
      expect(after.cache).toBe('MISS');
      expect(after.json.data.articles.totalCount).toBe(before.json.data.articles.totalCount + 1);
      expect(after.json.data.articles.edges.map((e: { node: { slug: string } }) => e.node.slug)).toContain(article.slug);
    });

    it('shows a renamed category and an edited person on cached pages', async () => {
      const category = await makeCategory(api, { name: 'Old category name' });
      const person = await makePerson(api, { name: 'Dr. Old Name' });
      const article = await makeArticle(api, { categoryId: category.id, experts: [{ personId: person.id, role: 'REVIEWER' }] });
      await page(article.slug);
      expect((await page(article.slug)).cache).toBe('HIT');

      await api.asEditor('mutation($id: ID!) { updateCategory(id: $id, input: { name: "New category name" }) { id } }', { id: category.id });
      const renamed = await page(article.slug);
      expect(renamed.cache).toBe('MISS');
      expect(renamed.json.data.article.category).toEqual({ name: 'New category name' });

      expect((await page(article.slug)).cache).toBe('HIT');
      await api.asEditor('mutation($id: ID!) { updatePerson(id: $id, input: { name: "Dr. New Name" }) { id } }', { id: person.id });
      const edited = await page(article.slug);
      expect(edited.cache).toBe('MISS');
      expect(edited.json.data.article.experts).toEqual([{ person: { name: 'Dr. New Name' } }]);
    });

    it('shows a renamed tag, and a renamed category of a related article, on cached pages', async () => {
      const tag = await makeTag(api, { name: 'Old tag name' });
      const category = await makeCategory(api, { name: 'Old card category' });
      const linked = await makeArticle(api, { categoryId: category.id });
      const article = await makeArticle(api, { tagIds: [tag.id], related: [{ kind: 'RELATED_ARTICLE', articleId: linked.id }] });
      const CARDS = 'query($slug: String!) { article(slug: $slug) { tags { name } related { article { category { name } } } } }';
      await read(api.app, CARDS, { slug: article.slug });
      expect((await read(api.app, CARDS, { slug: article.slug })).cache).toBe('HIT');

      await api.asEditor('mutation($id: ID!) { updateTag(id: $id, input: { name: "New tag name" }) { id } }', { id: tag.id });
      const retagged = await read(api.app, CARDS, { slug: article.slug });
      expect(retagged.cache).toBe('MISS');
      expect(retagged.json.data.article.tags).toEqual([{ name: 'New tag name' }]);

      // The linked article's category arrives with it (one statement), and still counts.
      await api.asEditor('mutation($id: ID!) { updateCategory(id: $id, input: { name: "New card category" }) { id } }', { id: category.id });
      const recategorized = await read(api.app, CARDS, { slug: article.slug });
      expect(recategorized.cache).toBe('MISS');
      expect(recategorized.json.data.article.related).toEqual([{ article: { category: { name: 'New card category' } } }]);
    });

    it('shows a renamed category of a hit in a cached search', async () => {
      const category = await makeCategory(api, { name: 'Old hit category' });
      const word = `wren${Date.now()}`;
      await makeArticle(api, { title: `About the ${word}`, categoryId: category.id });
      const CARDS = 'query($q: String!) { search(query: $q) { edges { node { document { ... on Article { category { name } } } } } } }';
      await read(api.app, CARDS, { q: word });
      expect((await read(api.app, CARDS, { q: word })).cache).toBe('HIT');

      // The category arrives with the hit, in the search's own statement, and still counts.
      await api.asEditor('mutation($id: ID!) { updateCategory(id: $id, input: { name: "New hit category" }) { id } }', { id: category.id });
      const renamed = await read(api.app, CARDS, { q: word });
      expect(renamed.cache).toBe('MISS');
      expect(renamed.json.data.search.edges).toEqual([{ node: { document: { category: { name: 'New hit category' } } } }]);
    });

    it('finds a newly published article in a cached search', async () => {
      const SEARCH = 'query($q: String!) { search(query: $q) { totalCount edges { node { document { ... on Article { slug } } } } } }';
      const word = `zebrafinch${Date.now()}`;
      const first = await makeArticle(api, { title: `About the ${word}` });
      await read(api.app, SEARCH, { q: word });
      const cached = await read(api.app, SEARCH, { q: word });
      expect(cached.cache).toBe('HIT');
      expect(cached.json.data.search.totalCount).toBe(1);

      const second = await makeArticle(api, { title: `More on the ${word}` });
      const after = await read(api.app, SEARCH, { q: word });
      expect(after.cache).toBe('MISS');
      expect(after.json.data.search.edges.map((e: { node: { document: { slug: string } } }) => e.node.document.slug).sort()).toEqual([first.slug, second.slug].sort());
    });

    it('keeps its answers when a write rolls back', async () => {
      const article = await makeArticle(api, { title: 'Unchanged' });
      const cached = await page(article.slug);
      // A direct write that fires the triggers, then rolls back: nothing is announced.
      await expect(
        api.db.prisma.$transaction(async (tx) => {
          await tx.publishedArticle.update({ where: { articleId: article.id }, data: { title: 'Never committed' } });
          throw new Error('roll back');
        }),
      ).rejects.toThrow('roll back');
      // A refused mutation rolls back too (and waits for its invalidations, of which there are none).
      const stale = await api.asEditor(PUBLISH, { id: article.id, v: article.version - 1 });
      expect(stale.errors![0]!.extensions.code).toBe('CONFLICT');
      const again = await page(article.slug);
      expect(again.cache).toBe('HIT');
      expect(again.body).toBe(cached.body);
    });

    it('does not keep an answer computed while an invalidation arrived', async () => {
      const article = await makeArticle(api, { title: 'Read before the publish' });
      // A second server whose page reads pause after reading the article, until released.
      let paused: () => void = () => {};
      let release: () => void = () => {};
      const reachedPause = new Promise<void>((resolve) => (paused = resolve));
      const released = new Promise<void>((resolve) => (release = resolve));
      const pausing: SqlReader = {
        async query<Row extends object>(statement: Sql): Promise<Row[]> {
          const rows = await api.db.sql.query<Row>(statement);
          if (statement.compile().text.includes('FROM "PublishedArticle" WHERE slug')) {
            paused();
            await released;
          }
          return rows;
        },
      };
      const slow = await createTestApp(api.db, { responseCacheMaxBytes: MiB, sql: pausing });
      others.push(slow);

      const racing = read(slow, PAGE, { slug: article.slug });
      await reachedPause;
      const invalidations = slow.responseCache!.stats().invalidations;
      await publishEdit(article, { title: 'Published during the read' });
      await waitFor(() => slow.responseCache!.stats().invalidations > invalidations, 'the second server hears the publish');
      release();

      const raced = await racing;
      expect(raced.cache).toBe('MISS');
      expect(raced.json.data.article.title).toBe('Read before the publish');
      const next = await read(slow, PAGE, { slug: article.slug });
      expect(next.cache).toBe('MISS');
      expect(next.json.data.article.title).toBe('Published during the read');
    });

    it('reaches the cache with the scheduler’s publishes', async () => {
      const article = await makeArticle(api, { title: 'Before the schedule' });
      await page(article.slug);
      expect((await page(article.slug)).cache).toBe('HIT');
      expect((await api.asEditor(UPDATE, { id: article.id, v: article.version, input: { title: 'Published by the scheduler' } })).errors).toBeUndefined();
      const at = new Date(Date.now() + 300);
      expect((await api.asEditor('mutation($id: ID!, $at: DateTime!) { schedulePublish(id: $id, at: $at) { id } }', { id: article.id, at: at.toISOString() })).errors).toBeUndefined();
      await new Promise((resolve) => setTimeout(resolve, 400));
      const scheduler = createScheduler({ prisma: api.db.prisma, logger: api.app.http.log, intervalMs: 60_000 });
      try {
        expect(await scheduler.runOnce()).toBe(1);
      } finally {
        await scheduler.stop();
      }
      let latest: Answer | undefined;
      await waitFor(async () => (latest = await page(article.slug)).json.data.article.title === 'Published by the scheduler', 'the scheduled publish is seen');
      expect(latest!.cache).toBe('MISS');
    });
  });

  describe('keeps only public answers', () => {
    const editor = { authorization: `Bearer ${ADMIN_TOKEN}` };

    it('neither stores nor serves answers to requests with a credential', async () => {
      const article = await makeArticle(api);
      expect((await page(article.slug, editor)).cache).toBe('BYPASS');
      expect((await page(article.slug)).cache).toBe('MISS');
      expect((await page(article.slug)).cache).toBe('HIT');
      const withCredential = await page(article.slug, editor);
      expect(withCredential.cache).toBe('BYPASS');
      expect(withCredential.headers['cache-control']).toBe('private, no-store');
    });

    it('never shows an editor’s preview to the public, nor the public’s answer in a preview', async () => {
      const article = await makeArticle(api, { title: 'Published title' });
      await api.asEditor(UPDATE, { id: article.id, v: article.version, input: { title: 'Draft title' } });
      const previewQuery = 'query($slug: String!) { article(slug: $slug, preview: true) { title } }';
      const publicQuery = 'query($slug: String!) { article(slug: $slug) { title } }';
      expect((await read(api.app, publicQuery, { slug: article.slug })).cache).toBe('MISS');
      for (let i = 0; i < 2; i += 1) {
        const preview = await read(api.app, previewQuery, { slug: article.slug }, editor);
        expect(preview.cache).toBe('BYPASS');
        expect(preview.json.data.article.title).toBe('Draft title');
      }
      const seen = await read(api.app, publicQuery, { slug: article.slug });
      expect(seen.cache).toBe('HIT');
      expect(seen.json.data.article.title).toBe('Published title');
      // Without a credential a preview is refused, and the refusal is not kept either.
      for (let i = 0; i < 2; i += 1) {
        const refused = await read(api.app, previewQuery, { slug: article.slug });
        expect(refused.cache).toBe('MISS');
        expect(refused.json.errors![0]!.extensions.code).toBe('UNAUTHENTICATED');
      }
    });

    it('does not keep answers with errors', async () => {
      for (let i = 0; i < 2; i += 1) {
        const overLimit = await read(api.app, '{ articles(first: 1000) { totalCount } }');
        expect(overLimit.cache).toBe('MISS');
        expect(overLimit.json.errors![0]!.extensions.code).toBe('BAD_USER_INPUT');
      }
    });

    it('never answers a mutation from the cache', async () => {
      for (let i = 0; i < 2; i += 1) expect((await read(api.app, 'mutation { logout }')).cache).toBe('BYPASS');
    });
  });

  describe('stays within its bounds', () => {
    it('never holds more bytes than it is given, dropping the least recently used', async () => {
      const maxBytes = 24 * 1024;
      const small = await createTestApp(api.db, { responseCacheMaxBytes: maxBytes });
      others.push(small);
      const articles = [];
      for (let i = 0; i < 30; i += 1) articles.push(await makeArticle(api, { summary: `${'Long enough to fill the cache. '.repeat(30)}${i}` }));
      await heardEverything(small);
      const query = 'query($slug: String!) { article(slug: $slug) { slug summary } }';
      for (const article of articles) {
        expect((await read(small, query, { slug: article.slug })).cache).toBe('MISS');
        expect(small.responseCache!.stats().bytes).toBeLessThanOrEqual(maxBytes);
      }
      const stats = small.responseCache!.stats();
      expect(stats.entries).toBeGreaterThan(5);
      expect(stats.entries).toBeLessThan(articles.length);
      expect((await read(small, query, { slug: articles.at(-1)!.slug })).cache).toBe('HIT');
      expect((await read(small, query, { slug: articles[0]!.slug })).cache).toBe('MISS');
    });

    it('empties and bypasses itself while it cannot hear invalidations, and resumes once it can', async () => {
      // Listening goes through this gate: while `refuse` is set, (re)connecting fails.
      let refuse = false;
      let loseSimulated: (() => void) | undefined;
      const listen: Listen = async (channel, handlers) => {
        if (refuse) throw new Error('refused by the test');
        const subscription = await api.db.listen(channel, handlers);
        loseSimulated = () => {
          void subscription.close();
          handlers.onLost(new Error('connection lost (simulated)'));
        };
        return subscription;
      };
      const app = await createTestApp({ ...api.db, listen }, { responseCacheMaxBytes: MiB });
      others.push(app);
      const article = await makeArticle(api, { title: 'Before the outage' });
      await heardEverything(app);
      await read(app, PAGE, { slug: article.slug });
      expect((await read(app, PAGE, { slug: article.slug })).cache).toBe('HIT');

      refuse = true;
      if (api.db.url) {
        // PostgreSQL: end the listening connections (every server's on this database) for real.
        await api.db.prisma.$queryRaw`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'cms-listen-response_cache' AND datname = current_database()`;
      } else {
        // The embedded engine runs in this process: it has no connection to lose.
        loseSimulated!();
      }
      await waitFor(() => !app.responseCache!.stats().available, 'the loss is noticed');
      // What happens now cannot be heard: answers are computed, never kept nor served from memory.
      await publishEdit(article, { title: 'During the outage' });
      for (let i = 0; i < 2; i += 1) {
        const during = await read(app, PAGE, { slug: article.slug });
        expect(during.cache).toBe('BYPASS');
        expect(during.json.data.article.title).toBe('During the outage');
      }

      refuse = false;
      await waitFor(() => app.responseCache!.stats().available, 'listening again', 15_000);
      expect((await read(app, PAGE, { slug: article.slug })).cache).toBe('MISS');
      expect((await read(app, PAGE, { slug: article.slug })).cache).toBe('HIT');
      await waitFor(() => api.app.responseCache!.stats().available, 'the file’s server listens again', 15_000);
    }, 30_000);
  });
});
