/**
 * Hostile HTTP requests are refused before any GraphQL runs: cross-site (CSRF-able) requests, a
 * mutation over GET, an oversized or malformed body, a batch. None of them runs SQL or writes.
 */
import { HeaderMap } from '@apollo/server';
import type { InjectOptions } from 'fastify';
import { beforeEach, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, useTestApi } from '../setup/server.js';

const CREATE_CATEGORY = 'mutation { createCategory(input: { slug: "sneaky", name: "Sneaky" }) { id } }';
const EDITOR = { authorization: `Bearer ${ADMIN_TOKEN}` };
const CSRF_MESSAGE = /^This operation has been blocked as a potential Cross-Site Request Forgery \(CSRF\)/;

describe('HTTP transport', () => {
  const api = useTestApi();
  beforeEach(() => api.db.resetQueryLog());

  /** Sends a raw request; checks it ran no SQL and (after) that no category was written. */
  async function inject(options: InjectOptions) {
    const response = await api.app.http.inject(options);
    expect(api.db.queries).toEqual([]);
    expect(await api.db.prisma.category.count()).toBe(0);
    return { status: response.statusCode, headers: response.headers, body: response.json() };
  }

  it('refuses a text/plain POST (a form could send it cross-site) as CSRF', async () => {
    const response = await inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': 'text/plain', ...EDITOR },
      payload: JSON.stringify({ query: CREATE_CATEGORY }),
    });
    expect(response.status).toBe(400);
    expect(response.body.errors).toHaveLength(1);
    expect(response.body.errors[0]).toMatchObject({ message: expect.stringMatching(CSRF_MESSAGE), extensions: { code: 'BAD_REQUEST' } });
  });

  it('refuses a multipart/form-data POST before Apollo: 415, there is no parser for it', async () => {
    const response = await inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': 'multipart/form-data; boundary=XYZ', ...EDITOR },
      payload: `--XYZ\r\nContent-Disposition: form-data; name="operations"\r\n\r\n${JSON.stringify({ query: CREATE_CATEGORY })}\r\n--XYZ--\r\n`,
    });
    expect(response.status).toBe(415);
    expect(response.body).toMatchObject({ statusCode: 415, code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE' });
  });

  it('has Apollo refuse a multipart/form-data mutation as CSRF too, before building a context', async () => {
    // Should a multipart parser (uploads) be added, Apollo's own CSRF check still stands.
    let contextBuilt = false;
    const response = await api.app.apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: {
        method: 'POST',
        headers: new HeaderMap([['content-type', 'multipart/form-data; boundary=XYZ'], ['authorization', EDITOR.authorization]]),
        body: { query: CREATE_CATEGORY },
        search: '',
      },
      context: async () => {
        contextBuilt = true;
        throw new Error('the context must not be built');
      },
    });
    expect(contextBuilt).toBe(false);
    expect(response.status).toBe(400);
    expect(response.body.kind).toBe('complete');
    const body = JSON.parse(response.body.kind === 'complete' ? response.body.string : '{}');
    expect(body.errors[0]).toMatchObject({ message: expect.stringMatching(CSRF_MESSAGE), extensions: { code: 'BAD_REQUEST' } });
    expect(api.db.queries).toEqual([]);
  });

  it('refuses a GET without a preflight header as CSRF', async () => {
    const response = await inject({ method: 'GET', url: `/graphql?query=${encodeURIComponent(CREATE_CATEGORY)}`, headers: EDITOR });
    expect(response.status).toBe(400);
    expect(response.body.errors[0]).toMatchObject({ message: expect.stringMatching(CSRF_MESSAGE), extensions: { code: 'BAD_REQUEST' } });
  });

  it('refuses a mutation over GET with 405 (Allow: POST), even with a preflight header', async () => {
    const response = await inject({
      method: 'GET',
      url: `/graphql?query=${encodeURIComponent(CREATE_CATEGORY)}`,
      headers: { 'apollo-require-preflight': 'true', ...EDITOR },
    });
    expect(response.status).toBe(405);
    expect(response.headers.allow).toBe('POST');
    expect(response.body).toEqual({
      errors: [{ message: 'GET requests only support query operations, not mutation operations', extensions: { code: 'BAD_REQUEST' } }],
    });
  });

  it('refuses a body over 1 MB with 413, before Apollo', async () => {
    const payload = JSON.stringify({ query: '{ categories { id } }', variables: { padding: 'x'.repeat(1_048_576) } });
    const response = await inject({ method: 'POST', url: '/graphql', headers: { 'content-type': 'application/json' }, payload });
    expect(response.status).toBe(413);
    expect(response.body).toEqual({ statusCode: 413, code: 'FST_ERR_CTP_BODY_TOO_LARGE', error: 'Payload Too Large', message: 'Request body is too large' });
  });

  it('accepts a body just under 1 MB', async () => {
    const query = '{ categories { id } }';
    const overhead = JSON.stringify({ query, variables: { padding: '' } }).length;
    const payload = JSON.stringify({ query, variables: { padding: 'x'.repeat(1_048_576 - overhead) } });
    expect(Buffer.byteLength(payload)).toBe(1_048_576);
    const response = await api.app.http.inject({ method: 'POST', url: '/graphql', headers: { 'content-type': 'application/json' }, payload });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ data: { categories: [] } });
  });

  it('refuses malformed JSON with 400', async () => {
    const response = await inject({ method: 'POST', url: '/graphql', headers: { 'content-type': 'application/json', ...EDITOR }, payload: `{"query": "${CREATE_CATEGORY.replaceAll('"', '\\"')}"` });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ statusCode: 400, code: 'FST_ERR_CTP_INVALID_JSON_BODY' });
  });

  it('refuses a batch (an array of operations) with 400', async () => {
    const response = await inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': 'application/json', ...EDITOR },
      payload: JSON.stringify([{ query: CREATE_CATEGORY }, { query: '{ categories { id } }' }]),
    });
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ errors: [{ message: 'Operation batching disabled.', extensions: { code: 'BAD_REQUEST' } }] });
  });

  it('still accepts the same mutation as a JSON POST (so the refusals above are about transport)', async () => {
    const response = await api.asEditor(CREATE_CATEGORY);
    expect(response.status).toBe(200);
    expect(response.data?.createCategory.id).toEqual(expect.any(String));
    expect(await api.db.prisma.category.count()).toBe(1);
  });
});
