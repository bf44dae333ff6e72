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
