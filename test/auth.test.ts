/**
 * Editing needs a credential: every mutation but `login` refuses the anonymous public and a
 * wrong token with UNAUTHENTICATED, before validating input or touching the database.
 */
import { describe, expect, it } from 'vitest';
import { contentCounts } from './factories.js';
import { onlyError, useTestApi, type TestApi } from './setup/server.js';

const SOME_ID = '01900000-0000-7000-8000-000000000000';

/** One call of every mutation in the schema, with input that would otherwise be valid. */
const MUTATIONS: Record<string, { query: string; variables?: Record<string, unknown> }> = {
  createArticle: { query: 'mutation { createArticle(input: { slug: "a", title: "A" }) { id } }' },
  updateArticle: { query: `mutation { updateArticle(id: "${SOME_ID}", input: { title: "A" }, expectedVersion: 1) { id } }` },
  setArticleRelatedLinks: { query: `mutation { setArticleRelatedLinks(articleId: "${SOME_ID}", links: [], expectedVersion: 1) { id } }` },
  publishArticle: { query: `mutation { publishArticle(id: "${SOME_ID}", expectedVersion: 1) { id } }` },
  unpublishArticle: { query: `mutation { unpublishArticle(id: "${SOME_ID}") { id } }` },
  restoreArticleRevision: { query: `mutation { restoreArticleRevision(id: "${SOME_ID}", revision: 1, expectedVersion: 2) { id } }` },
  deleteArticle: { query: `mutation { deleteArticle(id: "${SOME_ID}") }` },
  restoreArticle: { query: `mutation { restoreArticle(id: "${SOME_ID}") { id } }` },
  purgeArticle: { query: `mutation { purgeArticle(id: "${SOME_ID}") }` },
  createTreatment: { query: 'mutation { createTreatment(input: { slug: "t", name: "T" }) { id } }' },
  updateTreatment: { query: `mutation { updateTreatment(id: "${SOME_ID}", input: { name: "T" }, expectedVersion: 1) { id } }` },
  publishTreatment: { query: `mutation { publishTreatment(id: "${SOME_ID}", expectedVersion: 1) { id } }` },
  unpublishTreatment: { query: `mutation { unpublishTreatment(id: "${SOME_ID}") { id } }` },
  restoreTreatmentRevision: { query: `mutation { restoreTreatmentRevision(id: "${SOME_ID}", revision: 1, expectedVersion: 2) { id } }` },
  deleteTreatment: { query: `mutation { deleteTreatment(id: "${SOME_ID}") }` },
  restoreTreatment: { query: `mutation { restoreTreatment(id: "${SOME_ID}") { id } }` },
  purgeTreatment: { query: `mutation { purgeTreatment(id: "${SOME_ID}") }` },
  createComparison: { query: 'mutation { createComparison(input: { slug: "c", title: "C" }) { id } }' },
  updateComparison: { query: `mutation { updateComparison(id: "${SOME_ID}", input: { title: "C" }, expectedVersion: 1) { id } }` },
  publishComparison: { query: `mutation { publishComparison(id: "${SOME_ID}", expectedVersion: 1) { id } }` },
  unpublishComparison: { query: `mutation { unpublishComparison(id: "${SOME_ID}") { id } }` },
  restoreComparisonRevision: { query: `mutation { restoreComparisonRevision(id: "${SOME_ID}", revision: 1, expectedVersion: 2) { id } }` },
  deleteComparison: { query: `mutation { deleteComparison(id: "${SOME_ID}") }` },
  restoreComparison: { query: `mutation { restoreComparison(id: "${SOME_ID}") { id } }` },
  purgeComparison: { query: `mutation { purgeComparison(id: "${SOME_ID}") }` },
  schedulePublish: { query: `mutation { schedulePublish(id: "${SOME_ID}", at: "2999-01-01T00:00:00.000Z") { id } }` },
  cancelScheduledPublish: { query: `mutation { cancelScheduledPublish(id: "${SOME_ID}") { id } }` },
  createCategory: { query: 'mutation { createCategory(input: { slug: "k", name: "K" }) { id } }' },
  updateCategory: { query: `mutation { updateCategory(id: "${SOME_ID}", input: { name: "K" }) { id } }` },
  deleteCategory: { query: `mutation { deleteCategory(id: "${SOME_ID}") }` },
  createTag: { query: 'mutation { createTag(input: { slug: "g", name: "G" }) { id } }' },
  updateTag: { query: `mutation { updateTag(id: "${SOME_ID}", input: { name: "G" }) { id } }` },
  deleteTag: { query: `mutation { deleteTag(id: "${SOME_ID}") }` },
  createPerson: { query: 'mutation { createPerson(input: { slug: "p", name: "P" }) { id } }' },
  updatePerson: { query: `mutation { updatePerson(id: "${SOME_ID}", input: { name: "P" }) { id } }` },
  deletePerson: { query: `mutation { deletePerson(id: "${SOME_ID}") }` },
  logout: { query: 'mutation { logout }' },
  changePassword: { query: 'mutation { changePassword(currentPassword: "the current password", newPassword: "a brand new passphrase") }' },
  createUser: { query: 'mutation { createUser(input: { email: "new@example.org", name: "New", role: ADMIN, password: "a long enough password" }) { id } }' },
  updateUser: { query: `mutation { updateUser(id: "${SOME_ID}", input: { role: ADMIN }) { id } }` },
  createApiToken: { query: 'mutation { createApiToken(input: { name: "Sneaky", role: ADMIN }) { token } }' },
  revokeApiToken: { query: `mutation { revokeApiToken(id: "${SOME_ID}") { id } }` },
};

/** Mutations the public may call: signing in needs no token (it is how one gets one). */
const PUBLIC_MUTATIONS = ['login'];

/** Reads of accounts and credentials. */
const ADMIN_QUERIES: Record<string, string> = {
  users: '{ users { totalCount } }',
  apiTokens: '{ apiTokens { totalCount } }',
};

/** Row counts of the account tables, alongside contentCounts: a refused write leaves both. */
async function accountCounts(api: TestApi): Promise<Record<string, number>> {
  const p = api.db.prisma;
  const [users, sessions, apiTokens] = await Promise.all([p.user.count(), p.session.count(), p.apiToken.count()]);
  return { users, sessions, apiTokens };
}

async function allCounts(api: TestApi) {
  return { ...(await contentCounts(api)), ...(await accountCounts(api)) };
}

/** Reads of drafts: every preview lookup and list. */
const PREVIEW_QUERIES: Record<string, string> = {
  article: '{ article(slug: "x", preview: true) { id } }',
  articles: '{ articles(preview: true) { totalCount } }',
  treatment: '{ treatment(slug: "x", preview: true) { id } }',
  treatments: '{ treatments(preview: true) { totalCount } }',
  comparison: '{ comparison(slug: "x", preview: true) { id } }',
  comparisons: '{ comparisons(preview: true) { totalCount } }',
};

/** Reads of history and the trash. */
const EDITOR_QUERIES: Record<string, string> = {
  articleRevisions: `{ articleRevisions(id: "${SOME_ID}") { totalCount } }`,
  treatmentRevisions: `{ treatmentRevisions(id: "${SOME_ID}") { totalCount } }`,
  comparisonRevisions: `{ comparisonRevisions(id: "${SOME_ID}") { totalCount } }`,
  revision: `{ revision(documentId: "${SOME_ID}", version: 1) { id } }`,
  compareRevisions: `{ compareRevisions(documentId: "${SOME_ID}", from: 1, to: 2) { field } }`,
  trash: '{ trash { totalCount } }',
};

describe('authentication', () => {
  const api = useTestApi();

  it('covers every mutation in the schema', async () => {
    const { data } = await api.query('{ __schema { mutationType { fields { name } } } }');
    expect(data!.__schema.mutationType.fields.map((f: { name: string }) => f.name).sort()).toEqual([...Object.keys(MUTATIONS), ...PUBLIC_MUTATIONS].sort());
  });

  for (const [name, { query }] of Object.entries(MUTATIONS)) {
    it(`${name} without a token is UNAUTHENTICATED and writes nothing`, async () => {
      const before = await allCounts(api);
      const response = await api.query(query);
      expect(response.status).toBe(401);
      expect(response.data).toBeNull();
      expect(onlyError(response)).toMatchObject({ path: [name], extensions: { code: 'UNAUTHENTICATED' } });
      expect(onlyError(response).message).toContain('Authorization: Bearer');
      expect(await allCounts(api)).toEqual(before);
    });
  }

  it('login is open to the public: it signs in without a token, and a wrong password is not an access refusal', async () => {
    const email = 'public-login@example.org';
    const password = 'correct horse battery staple';
    const created = await api.asEditor('mutation($input: CreateUserInput!) { createUser(input: $input) { id } }', { input: { email, name: 'Public Login', role: 'AUTHOR', password } });
    expect(created.errors).toBeUndefined();
    const LOGIN = 'mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token user { id } } }';

    const before = await allCounts(api);
    const wrong = await api.query(LOGIN, { email, password: 'not the password at all' });
    // The caller may call login; the credentials they gave are what is wrong.
    expect(onlyError(wrong)).toMatchObject({ path: ['login'], message: 'The email or password is wrong.', extensions: { code: 'UNAUTHENTICATED' } });
    expect(onlyError(wrong).message).not.toContain('Authorization: Bearer');
    expect(await allCounts(api)).toEqual(before);

    const signedIn = await api.query(LOGIN, { email, password });
    expect(signedIn.errors).toBeUndefined();
    expect(signedIn.data!.login).toEqual({ token: expect.stringMatching(/^cms_s_[A-Za-z0-9_-]{43}$/), user: { id: created.data!.createUser.id } });
    expect(await allCounts(api)).toEqual({ ...before, sessions: before.sessions! + 1 });
  });

  for (const [name, query] of Object.entries({ ...PREVIEW_QUERIES, ...EDITOR_QUERIES, ...ADMIN_QUERIES })) {
    it(`${name}${name in PREVIEW_QUERIES ? ' with preview' : ''} without a token is UNAUTHENTICATED`, async () => {
      const response = await api.query(query);
      const error = onlyError(response);
      expect(error).toMatchObject({ path: [name], extensions: { code: 'UNAUTHENTICATED' } });
      expect(error.message).toContain('Authorization: Bearer');
      // Nothing of the answer leaks: the field is null (or, being non-null, nulls the whole data).
      expect(response.data?.[name] ?? null).toBeNull();
    });
  }

  it('answers me as null without a token', async () => {
    const response = await api.query('{ me { id role kind } }');
    expect(response).toEqual({ status: 200, data: { me: null } });
  });

  it('lets the admin token read drafts, history, the trash, users and API tokens', async () => {
    for (const [name, query] of Object.entries({ ...PREVIEW_QUERIES, ...EDITOR_QUERIES, ...ADMIN_QUERIES })) {
      const response = await api.asEditor(query);
      // The document SOME_ID names does not exist: comparing two of its revisions finds neither.
      expect(response.errors?.map((e) => e.extensions.code) ?? [], name).toEqual(name === 'compareRevisions' ? ['NOT_FOUND'] : []);
    }
  });

  it('lets the public read published content without a token', async () => {
    for (const query of ['{ article(slug: "x") { id } }', '{ articles { totalCount } }', '{ treatments(preview: false) { totalCount } }', '{ comparisons { totalCount } }']) {
      const response = await api.query(query);
      expect(response.errors, query).toBeUndefined();
      expect(response.status).toBe(200);
    }
  });

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
