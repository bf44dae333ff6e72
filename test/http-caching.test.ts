/**
 * HTTP caching: public reads of published content are cacheable by CDNs (also over GET, and
 * with automatic persisted queries); anything authenticated, any preview and any mutation is not.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { makeArticle } from './factories.js';
import { ADMIN_TOKEN, useTestApi } from './setup/server.js';

const PUBLIC = 'public, max-age=60, stale-while-revalidate=300';
const PRIVATE = 'private, no-store';

describe('HTTP caching', () => {
  const api = useTestApi();

  async function post(query: string, headers: Record<string, string> = {}) {
    return api.app.http.inject({ method: 'POST', url: '/graphql', headers: { 'content-type': 'application/json', ...headers }, payload: JSON.stringify({ query }) });
  }

  it('lets shared caches keep a public read of published content', async () => {
    const article = await makeArticle(api);
    const response = await post(`{ article(slug: "${article.slug}") { title } }`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe(PUBLIC);
    expect(response.headers.vary).toBe('authorization');
  });

  it('keeps anything sent with a credential private, preview included', async () => {
    const article = await makeArticle(api);
    const authorization = `Bearer ${ADMIN_TOKEN}`;
    expect((await post(`{ article(slug: "${article.slug}") { title } }`, { authorization })).headers['cache-control']).toBe(PRIVATE);
    expect((await post(`{ article(slug: "${article.slug}", preview: true) { title } }`, { authorization })).headers['cache-control']).toBe(PRIVATE);
  });

  it('never caches a mutation or an answer with errors', async () => {
    expect((await post('mutation { logout }')).headers['cache-control']).toBe(PRIVATE);
    expect((await post('{ articles(first: 1000) { totalCount } }')).headers['cache-control']).toBe(PRIVATE);
  });

  it('answers queries over GET, cacheably', async () => {
    const article = await makeArticle(api);
    const query = `{ article(slug: "${article.slug}") { slug } }`;
    const response = await api.app.http.inject({
      method: 'GET',
      url: `/graphql?query=${encodeURIComponent(query)}`,
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ data: { article: { slug: article.slug } } });
    expect(response.headers['cache-control']).toBe(PUBLIC);
  });

  it('supports automatic persisted queries over GET', async () => {
    const query = '{ categories { slug } }';
    const extensions = encodeURIComponent(JSON.stringify({ persistedQuery: { version: 1, sha256Hash: createHash('sha256').update(query).digest('hex') } }));
    const headers = { 'apollo-require-preflight': 'true' };
    const unknown = await api.app.http.inject({ method: 'GET', url: `/graphql?extensions=${extensions}`, headers });
    expect(unknown.json().errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    const registered = await api.app.http.inject({ method: 'GET', url: `/graphql?query=${encodeURIComponent(query)}&extensions=${extensions}`, headers });
    expect(registered.statusCode).toBe(200);
    const byHash = await api.app.http.inject({ method: 'GET', url: `/graphql?extensions=${extensions}`, headers });
    expect(byHash.json()).toEqual({ data: { categories: [] } });
    expect(byHash.headers['cache-control']).toBe(PUBLIC);
  });
});
