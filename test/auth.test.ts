/**
 * Editing needs the admin token: every mutation refuses the anonymous public and a wrong token
 * with UNAUTHENTICATED, before validating input or touching the database.
 */
import { describe, expect, it } from 'vitest';
import { contentCounts } from './factories.js';
import { onlyError, useTestApi } from './setup/server.js';

const SOME_ID = '01900000-0000-7000-8000-000000000000';

/** One call of every mutation in the schema, with input that would otherwise be valid. */
const MUTATIONS: Record<string, { query: string; variables?: Record<string, unknown> }> = {
  createArticle: { query: 'mutation { createArticle(input: { slug: "a", title: "A" }) { id } }' },
  updateArticle: { query: `mutation { updateArticle(id: "${SOME_ID}", input: { title: "A" }) { id } }` },
  deleteArticle: { query: `mutation { deleteArticle(id: "${SOME_ID}") }` },
  setArticleRelatedLinks: { query: `mutation { setArticleRelatedLinks(articleId: "${SOME_ID}", links: []) { id } }` },
  createTreatment: { query: 'mutation { createTreatment(input: { slug: "t", name: "T" }) { id } }' },
  updateTreatment: { query: `mutation { updateTreatment(id: "${SOME_ID}", input: { name: "T" }) { id } }` },
  deleteTreatment: { query: `mutation { deleteTreatment(id: "${SOME_ID}") }` },
  createComparison: { query: 'mutation { createComparison(input: { slug: "c", title: "C" }) { id } }' },
  updateComparison: { query: `mutation { updateComparison(id: "${SOME_ID}", input: { title: "C" }) { id } }` },
  deleteComparison: { query: `mutation { deleteComparison(id: "${SOME_ID}") }` },
  createCategory: { query: 'mutation { createCategory(input: { slug: "k", name: "K" }) { id } }' },
  updateCategory: { query: `mutation { updateCategory(id: "${SOME_ID}", input: { name: "K" }) { id } }` },
  deleteCategory: { query: `mutation { deleteCategory(id: "${SOME_ID}") }` },
  createPerson: { query: 'mutation { createPerson(input: { slug: "p", name: "P" }) { id } }' },
  updatePerson: { query: `mutation { updatePerson(id: "${SOME_ID}", input: { name: "P" }) { id } }` },
  deletePerson: { query: `mutation { deletePerson(id: "${SOME_ID}") }` },
};

describe('authentication', () => {
  const api = useTestApi();

  it('covers every mutation in the schema', async () => {
    const { data } = await api.query('{ __schema { mutationType { fields { name } } } }');
    expect(data!.__schema.mutationType.fields.map((f: { name: string }) => f.name).sort()).toEqual(Object.keys(MUTATIONS).sort());
  });

  for (const [name, { query }] of Object.entries(MUTATIONS)) {
    it(`${name} without a token is UNAUTHENTICATED and writes nothing`, async () => {
      const before = await contentCounts(api);
      const response = await api.query(query);
      expect(response.data).toBeNull();
      expect(onlyError(response)).toMatchObject({ path: [name], extensions: { code: 'UNAUTHENTICATED' } });
      expect(onlyError(response).message).toContain('Authorization: Bearer');
      expect(await contentCounts(api)).toEqual(before);
    });
  }

  it('refuses a wrong token with 401 UNAUTHENTICATED, even for reads', async () => {
    for (const authorization of ['Bearer not-the-token', 'Bearer test-admin-token-0123456789abcdeF', 'Basic YWRtaW46YWRtaW4=', 'Bearer']) {
      const response = await api.send('{ categories { id } }', undefined, { authorization });
      expect(response.status).toBe(401);
      expect(onlyError(response).extensions.code).toBe('UNAUTHENTICATED');
    }
  });

  it('lets the admin token write', async () => {
    const response = await api.asEditor(MUTATIONS.createCategory!.query);
    expect(response.errors).toBeUndefined();
    expect(response.data!.createCategory.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('lets the public read without a token', async () => {
    expect(await api.query('{ categories { slug } }')).toEqual({ status: 200, data: { categories: [{ slug: 'k' }] } });
  });
});
