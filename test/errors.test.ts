/**
 * What clients see when something goes wrong that they did not cause: a masked internal error,
 * never a stack trace, SQL or a Prisma message; and the server keeps serving.
 */
import { describe, expect, it } from 'vitest';
import { onlyError, useTestApi } from './setup/server.js';

describe('internal errors', () => {
  const api = useTestApi();

  it('reach the client as INTERNAL_SERVER_ERROR with no details', async () => {
    // Break the database under the server: the table a query needs is gone.
    await api.db.prisma.$executeRawUnsafe('ALTER TABLE "Category" RENAME TO "CategoryGone"');
    try {
      const response = await api.query('{ categories { id slug } }');
      const error = onlyError(response);
      expect(error).toEqual({ message: 'Internal server error', locations: [{ line: 1, column: 3 }], path: ['categories'], extensions: { code: 'INTERNAL_SERVER_ERROR' } });
      expect(JSON.stringify(response)).not.toMatch(/Category|SELECT|prisma|stack|at /i);
    } finally {
      await api.db.prisma.$executeRawUnsafe('ALTER TABLE "CategoryGone" RENAME TO "Category"');
    }
    expect(await api.query('{ categories { id } }')).toEqual({ status: 200, data: { categories: [] } });
  });

  it('reports a malformed query as a client error, not an internal one', async () => {
    const parse = await api.query('{ categories { id ');
    expect(parse.status).toBe(400);
    expect(onlyError(parse).extensions.code).toBe('GRAPHQL_PARSE_FAILED');
    const validation = await api.query('{ categories { nope } }');
    expect(validation.status).toBe(400);
    expect(onlyError(validation).extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('answers a health check', async () => {
    const response = await api.app.http.inject({ method: 'GET', url: '/healthz' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok' });
  });
});

describe('strings the database cannot hold', () => {
  const api = useTestApi();
  const CREATE_CATEGORY = 'mutation($input: CreateCategoryInput!) { createCategory(input: $input) { id } }';

  // PostgreSQL text cannot hold U+0000: before this was checked, each of these was an internal error.
  it('refuses a NUL character in any variable as BAD_USER_INPUT naming where it is, and writes nothing', async () => {
    const before = await api.db.prisma.category.count();
    const write = await api.asEditor(CREATE_CATEGORY, { input: { slug: 'fine-slug', name: 'Bad\u0000name' } });
    expect(write.status).toBe(400);
    expect(onlyError(write)).toMatchObject({
      message: 'Invalid input: variables.input.name: must not contain the NUL character (U+0000)',
      extensions: { code: 'BAD_USER_INPUT', issues: [{ path: 'variables.input.name', message: 'must not contain the NUL character (U+0000)' }] },
    });
    expect(await api.db.prisma.category.count()).toBe(before);

    const reads = [
      ['query($slug: String!) { article(slug: $slug) { id } }', { slug: 'a\u0000b' }, 'variables.slug'],
      ['query($where: ArticleWhereInput) { articles(where: $where) { totalCount } }', { where: { tagSlug: '\u0000' } }, 'variables.where.tagSlug'],
      ['query($q: String!) { search(query: $q) { totalCount } }', { q: 'knee\u0000pain' }, 'variables.q'],
    ] as const;
    for (const [query, variables, path] of reads) {
      const read = await api.query(query, variables);
      expect(read.status).toBe(400);
      expect(onlyError(read).extensions).toMatchObject({ code: 'BAD_USER_INPUT', issues: [{ path }] });
    }
  });

  it('refuses a NUL character in the query text itself as a validation error', async () => {
    const read = await api.query('{ article(slug: "a\\u0000b") { id } }');
    expect(read.status).toBe(400);
    expect(onlyError(read)).toMatchObject({ message: 'A string in the query must not contain the NUL character (U+0000).', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
    // A string without one is answered as ever.
    expect(await api.query('{ article(slug: "no-such-article") { id } }')).toEqual({ status: 200, data: { article: null } });
  });
});
