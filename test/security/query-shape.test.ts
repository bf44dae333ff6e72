/**
 * Hostile query shapes are refused before they run: too deep (however the depth is hidden),
 * too many aliases, directives or tokens, too costly (nested connections), fragment cycles.
 * Every refusal is a client error and costs no SQL.
 */
import { getIntrospectionQuery, Lexer, Source, TokenKind } from 'graphql';
import { beforeEach, describe, expect, it } from 'vitest';
import { onlyError, useTestApi, type GraphQLResponse } from '../setup/server.js';

/** Nine fields deep: articles > edges > node > related > article > related > article > category > id. */
const DEPTH_9 = `{ articles(first: 1) { edges { node { related { article { related { article { category { id } } } } } } } } }`;

/** The lexical tokens in a document, as graphql's parser counts them against the limit. */
function tokenCount(query: string): number {
  const lexer = new Lexer(new Source(query));
  let count = 0;
  while (lexer.advance().kind !== TokenKind.EOF) count += 1;
  return count;
}

describe('query shape limits', () => {
  const api = useTestApi();
  beforeEach(() => api.db.resetQueryLog());

  /** Sends the operation as the public and checks it ran no SQL at all. */
  async function send(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse> {
    const response = await api.query(query, variables);
    expect(api.db.queries).toEqual([]);
    return response;
  }

  function expectRefused(response: GraphQLResponse, limit: string, message: string) {
    expect(response.status).toBe(400);
    expect(response.data).toBeUndefined();
    expect(onlyError(response)).toMatchObject({ message, extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit } });
  }

  describe('depth', () => {
    it('accepts a query exactly at the depth limit (8)', async () => {
      const response = await api.query(`{ articles(first: 1) { edges { node { related { article { related { article { id } } } } } } } }`);
      expect(response).toEqual({ status: 200, data: { articles: { edges: [] } } });
    });

    it('refuses a query nested deeper than 8 fields', async () => {
      expectRefused(await send(DEPTH_9), 'depth', 'Query depth 9 exceeds the limit of 8.');
    });

    it('counts depth through fragment spreads and inline fragments', async () => {
      const response = await send(`
        query Hidden { articles(first: 1) { edges { node { ...Outer } } } }
        fragment Outer on Article { ... on Article { related { article { ...Inner } } } }
        fragment Inner on Article { related { ... { article { category { id } } } } }
      `);
      expectRefused(response, 'depth', 'Query depth 9 exceeds the limit of 8.');
    });

    it('does not exempt an operation named __schema', async () => {
      expectRefused(await send(`query __schema ${DEPTH_9}`), 'depth', 'Query depth 9 exceeds the limit of 8.');
    });

    it('does not exempt a fragment named __schema', async () => {
      const response = await send(`
        { articles(first: 1) { edges { node { ...__schema } } } }
        fragment __schema on Article { related { article { related { article { category { id } } } } } }
      `);
      expectRefused(response, 'depth', 'Query depth 9 exceeds the limit of 8.');
    });

    it('does not exempt fields aliased __schema or __type', async () => {
      const response = await send(
        `{ __schema: articles(first: 1) { edges { __type: node { __schema: related { article { related { article { category { id } } } } } } } } }`,
      );
      expectRefused(response, 'depth', 'Query depth 9 exceeds the limit of 8.');
    });

    it('lets tools load the schema with the standard introspection query (13 deep) in development', async () => {
      const response = await send(getIntrospectionQuery());
      expect(response.errors).toBeUndefined();
      expect(response.data!.__schema.queryType).toMatchObject({ name: 'Query' });
    });

    it('bounds even a real __schema field, at 15', async () => {
      const ofTypes = (n: number): string => (n === 0 ? 'name' : `ofType { ${ofTypes(n - 1)} }`);
      const query = `{ __schema { types { fields { type { ${ofTypes(12)} } } } } }`;
      expectRefused(await send(query), 'depth', 'Query depth 17 exceeds the limit of 15.');
    });

    it("refuses a fragment cycle with graphql's own rule", async () => {
      const response = await send(`
        { articles(first: 1) { edges { node { ...A } } } }
        fragment A on Article { related { article { ...B } } }
        fragment B on Article { related { article { ...A } } }
      `);
      expect(response.status).toBe(400);
      expect(onlyError(response)).toMatchObject({
        message: 'Cannot spread fragment "A" within itself via "B".',
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
      });
    });
  });

  describe('aliases', () => {
    it('accepts 15 aliases', async () => {
      const fields = Array.from({ length: 15 }, (_, i) => `a${i}: categories { id }`).join(' ');
      const response = await api.query(`{ ${fields} }`);
      expect(response.status).toBe(200);
      expect(Object.keys(response.data!)).toHaveLength(15);
    });

    it('refuses a flood of aliases', async () => {
      const fields = Array.from({ length: 16 }, (_, i) => `a${i}: categories { id }`).join(' ');
      expectRefused(await send(`{ ${fields} }`), 'aliases', 'Query alias count 16 exceeds the limit of 15.');
    });

    it("counts a fragment's aliases once per spread", async () => {
      const aliases = Array.from({ length: 8 }, (_, i) => `x${i}: id`).join(' ');
      const response = await send(`
        { categories { ...Ids } more: categories { ...Ids } }
        fragment Ids on Category { ${aliases} }
      `);
      expectRefused(response, 'aliases', 'Query alias count 17 exceeds the limit of 15.');
    });
  });

  describe('directives', () => {
    it('refuses a flood of directives', async () => {
      // graphql allows @include once per field: 21 fields with one each.
      const fields = 'id @include(if: true) '.repeat(21);
      expectRefused(await send(`{ categories { ${fields}} }`), 'directives', 'Query directive count 21 exceeds the limit of 20.');
    });

    it("counts a fragment's directives once per spread", async () => {
      const response = await send(`
        { categories { ...Flagged } category(slug: "x") { ...Flagged } }
        fragment Flagged on Category { ${'id @skip(if: false) '.repeat(11)}}
      `);
      expectRefused(response, 'directives', 'Query directive count 22 exceeds the limit of 20.');
    });
  });

  describe('tokens', () => {
    it('refuses a document of more than 2000 tokens while parsing', async () => {
      const query = `{ categories { ${'id '.repeat(1996)}} }`;
      expect(tokenCount(query)).toBe(2001);
      const response = await send(query);
      expect(response.status).toBe(400);
      expect(onlyError(response)).toMatchObject({
        message: 'Query token count exceeds the limit of 2000.',
        extensions: { code: 'GRAPHQL_PARSE_FAILED', limit: 'tokens' },
      });
    });

    it('accepts a document of exactly 2000 tokens', async () => {
      // Nested inline fragments: many tokens, but cheap to validate (2000 copies of one field
      // would exhaust graphql's own budget for comparing same-named fields).
      const query = `{ categories { ${'... { '.repeat(664)}id slug name ${'} '.repeat(664)}} }`;
      expect(tokenCount(query)).toBe(2000);
      const response = await api.query(query);
      expect(response).toEqual({ status: 200, data: { categories: [] } });
    });
  });

  describe('cost', () => {
    it('leaves a huge top-level first to the resolver: BAD_USER_INPUT naming first, before any SQL', async () => {
      const response = await send(`{ treatments(first: 1000) { totalCount } }`);
      expect(response.status).toBe(200);
      expect(response.data).toBeNull();
      expect(onlyError(response)).toMatchObject({
        path: ['treatments'],
        extensions: { code: 'BAD_USER_INPUT', issues: [{ path: 'first', message: 'must be between 1 and 100' }] },
      });
    });

    it('refuses a huge first whose items select enough to blow the cost', async () => {
      const response = await send(`{ treatments(first: 1000) { edges { cursor node { id slug name summary } } } }`);
      expectRefused(response, 'cost', 'Query estimated cost 6002 exceeds the limit of 5000.');
    });

    it('refuses nested connections: 100 treatments with 100 articles each', async () => {
      const response = await send(`{ treatments(first: 100) { edges { node { articles(first: 100) { id } } } } }`);
      expectRefused(response, 'cost', 'Query estimated cost 10202 exceeds the limit of 5000.');
    });

    it('refuses nested connections sized by variables, though the same document passes with small ones', async () => {
      const query = `query Nested($n: Int, $m: Int) { treatments(first: $n) { edges { node { articles(first: $m) { id } } } } }`;
      // Apollo caches a validated document: the cost must still be checked per request.
      expect(await api.query(query, { n: 5, m: 5 })).toEqual({ status: 200, data: { treatments: { edges: [] } } });
      api.db.resetQueryLog();
      expectRefused(await send(query, { n: 100, m: 100 }), 'cost', 'Query estimated cost 10202 exceeds the limit of 5000.');
    });

    it('counts nested connections through fragments, with their default sizes', async () => {
      // 20 treatments (the connection's default) × 10 articles (Treatment.articles' default) × 5 treatments
      // (a plain list's assumed size) × 10 articles: 1 + 1 + 20 × (1 + 1 + 10 × (1 + 5 × (1 + 10))) = 11242.
      const response = await send(`
        { treatments { edges { node { ...T } } } }
        fragment T on Treatment { articles { treatments { articles { id } } } }
      `);
      expectRefused(response, 'cost', 'Query estimated cost 11242 exceeds the limit of 5000.');
    });
  });
});
