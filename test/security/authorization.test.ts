/**
 * Authorization, end to end over HTTP, checked against the access policy (src/auth/policy.ts):
 *
 *  - every role against every mutation, from one table that must cover the whole schema;
 *  - authors act only on documents they created (insecure direct object references by id);
 *  - expired, revoked, ended and forged credentials are refused outright (401), never demoted
 *    to the public;
 *  - input fields only the server sets cannot be sent (mass assignment);
 *  - drafts never reach the public, through any read path, filter or ordering.
 *
 * Every refusal is checked for its exact code and for having written nothing: the row counts
 * of every content table, the account tables' rows, and the rows the case is about.
 */
import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { contentCounts, uniqueSlug } from '../factories.js';
import { ADMIN_TOKEN, onlyError, useTestApi, type GraphQLResponse } from '../setup/server.js';

type Role = 'ADMIN' | 'EDITOR' | 'AUTHOR' | 'PREVIEW';
type CredentialKind = 'public' | 'admin-token' | 'api-token' | 'session';

interface CredentialSpec {
  label: string;
  /** Null for the public. */
  role: Role | null;
  kind: CredentialKind;
}

/** Who calls, in the matrix: every role, through each kind of credential somewhere. */
const CREDENTIALS: readonly CredentialSpec[] = [
  { label: 'the public', role: null, kind: 'public' },
  { label: 'ADMIN (admin token)', role: 'ADMIN', kind: 'admin-token' },
  { label: 'ADMIN (API token)', role: 'ADMIN', kind: 'api-token' },
  { label: 'EDITOR (session)', role: 'EDITOR', kind: 'session' },
  { label: 'EDITOR (API token)', role: 'EDITOR', kind: 'api-token' },
  { label: 'AUTHOR (session)', role: 'AUTHOR', kind: 'session' },
  { label: 'AUTHOR (API token)', role: 'AUTHOR', kind: 'api-token' },
  { label: 'PREVIEW (API token)', role: 'PREVIEW', kind: 'api-token' },
  { label: 'PREVIEW (session)', role: 'PREVIEW', kind: 'session' },
];

interface Actor extends CredentialSpec {
  /** The bearer token; null for the public. */
  token: string | null;
  /** The identity the server records this caller's changes under (createdBy, updatedBy). */
  identity: string | null;
  /** For sessions: the signed-in user. */
  userId?: string;
  email?: string;
  password?: string;
  /** For API tokens: the token's id. */
  tokenId?: string;
}

type DocType = 'Article' | 'Treatment' | 'Comparison';
const NAME_FIELD: Record<DocType, 'title' | 'name'> = { Article: 'title', Treatment: 'name', Comparison: 'title' };

interface Doc {
  type: DocType;
  id: string;
  slug: string;
  version: number;
}

const PASSWORD = 'correct horse battery staple';
const SOME_ID = '01900000-0000-7000-8000-000000000000';
const FUTURE = '2999-01-01T00:00:00.000Z';

const paragraph = (text: string) => ({ paragraph: { spans: [{ text }] } });

const CREATE_USER = 'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }';
const LOGIN = 'mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token user { id } } }';
const CREATE_API_TOKEN = 'mutation($input: CreateApiTokenInput!) { createApiToken(input: $input) { token apiToken { id } } }';
const ME = '{ me { id role kind } }';

describe('authorization', () => {
  const api = useTestApi();

  // ---------------------------------------------------------------------------------------------
  // Callers, fixtures and database snapshots

  let admin: Actor;
  const actors = new Map<string, Actor>();
  /** Two published treatments every new comparison compares (so it can be published). */
  const comparedTreatmentIds: string[] = [];

  function headersOf(actor: Actor): Record<string, string> {
    return actor.token === null ? {} : { authorization: `Bearer ${actor.token}` };
  }

  function send(actor: Actor, query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<Record<string, any>>> {
    return api.send(query, variables, headersOf(actor));
  }

  /** The named field of a successful response; fails the test loudly otherwise. */
  async function succeed(actor: Actor, query: string, variables: Record<string, unknown>, field: string): Promise<any> {
    const response = await send(actor, query, variables);
    const value = response.data?.[field];
    if (response.errors || value === undefined || value === null) {
      throw new Error(`${field} as ${actor.label} failed: ${JSON.stringify(response.errors ?? response.data)}`);
    }
    return value;
  }

  let userCounter = 0;
  async function makeUser(role: Role): Promise<{ id: string; email: string; password: string }> {
    userCounter += 1;
    const email = `authz-${role.toLowerCase()}-${userCounter}@example.org`;
    const user = await succeed(admin, CREATE_USER, { input: { email, name: `${role} ${userCounter}`, role, password: PASSWORD } }, 'createUser');
    return { id: user.id, email, password: PASSWORD };
  }

  /** A new user with this role, signed in. */
  async function makeSession(role: Role): Promise<Actor> {
    const user = await makeUser(role);
    const { token } = await succeed(admin, LOGIN, { email: user.email, password: user.password }, 'login');
    return { label: `${role} (session)`, role, kind: 'session', token, identity: user.id, userId: user.id, email: user.email, password: user.password };
  }

  let tokenCounter = 0;
  async function makeApiToken(role: Role, expiresAt?: string): Promise<Actor> {
    tokenCounter += 1;
    const created = await succeed(admin, CREATE_API_TOKEN, { input: { name: `authz ${role} ${tokenCounter}`, role, expiresAt } }, 'createApiToken');
    return { label: `${role} (API token)`, role, kind: 'api-token', token: created.token, identity: `token:${created.apiToken.id}`, tokenId: created.apiToken.id };
  }

  /** A new document made by `owner`; `publish` and `schedule` are done by the admin token. */
  async function makeDoc(
    owner: Actor,
    type: DocType,
    options: { input?: Record<string, unknown>; edit?: boolean; publish?: boolean; schedule?: boolean; trash?: boolean } = {},
  ): Promise<Doc> {
    const slug = uniqueSlug(`authz-${type.toLowerCase()}`);
    const input: Record<string, unknown> = { slug, [NAME_FIELD[type]]: `${type} ${slug}` };
    if (type === 'Article') input.body = [paragraph(`The body of ${slug}.`)];
    if (type === 'Comparison') input.treatmentIds = comparedTreatmentIds;
    const created = await succeed(owner, `mutation($input: Create${type}Input!) { create${type}(input: $input) { id slug version } }`, { input: { ...input, ...options.input } }, `create${type}`);
    const doc: Doc = { type, id: created.id, slug: created.slug, version: created.version };
    const step = async (actor: Actor, query: string, variables: Record<string, unknown>, field: string) => {
      await succeed(actor, query, { id: doc.id, ...variables }, field);
    };
    if (options.edit) {
      await step(owner, `mutation($id: ID!, $v: Int!) { update${type}(id: $id, input: { ${NAME_FIELD[type]}: "Edited ${slug}" }, expectedVersion: $v) { id } }`, { v: doc.version }, `update${type}`);
      doc.version += 1;
    }
    if (options.publish) {
      await step(admin, `mutation($id: ID!, $v: Int!) { publish${type}(id: $id, expectedVersion: $v) { id } }`, { v: doc.version }, `publish${type}`);
    }
    if (options.schedule) await step(admin, 'mutation($id: ID!, $at: DateTime!) { schedulePublish(id: $id, at: $at) { id } }', { at: FUTURE }, 'schedulePublish');
    if (options.trash) await step(owner, `mutation($id: ID!) { delete${type}(id: $id) }`, {}, `delete${type}`);
    doc.version = (await docState(type, doc.id)).row!.version;
    return doc;
  }

  /** A document's draft row, its published version, its revisions and (articles) its links. */
  async function docState(type: DocType, id: string) {
    const p = api.db.prisma;
    const revisions = p.revision.findMany({ where: { documentId: id }, orderBy: { version: 'asc' } });
    switch (type) {
      case 'Article':
        return {
          row: await p.article.findUnique({ where: { id } }),
          published: await p.publishedArticle.findUnique({ where: { articleId: id } }),
          links: await p.relatedLink.findMany({ where: { articleId: id }, orderBy: { position: 'asc' } }),
          revisions: await revisions,
        };
      case 'Treatment':
        return { row: await p.treatment.findUnique({ where: { id } }), published: await p.publishedTreatment.findUnique({ where: { treatmentId: id } }), links: [], revisions: await revisions };
      case 'Comparison':
        return {
          row: await p.comparison.findUnique({ where: { id } }),
          published: await p.publishedComparison.findUnique({ where: { comparisonId: id } }),
          links: [],
          revisions: await revisions,
        };
    }
  }

  async function docBySlug(type: DocType, slug: string) {
    const p = api.db.prisma;
    switch (type) {
      case 'Article':
        return p.article.findUnique({ where: { slug } });
      case 'Treatment':
        return p.treatment.findUnique({ where: { slug } });
      case 'Comparison':
        return p.comparison.findUnique({ where: { slug } });
    }
  }

  /**
   * Everything a refused request must leave as it was: the row count of every content table,
   * and the account tables row by row (their `lastUsedAt`, which authenticating may bump, aside).
   */
  async function everything() {
    const p = api.db.prisma;
    const [counts, users, sessions, apiTokens, slugRedirects] = await Promise.all([
      contentCounts(api),
      p.user.findMany({ orderBy: { id: 'asc' }, select: { id: true, email: true, name: true, role: true, passwordHash: true, disabledAt: true, updatedAt: true } }),
      p.session.findMany({ orderBy: { id: 'asc' }, select: { id: true, userId: true, tokenHash: true, expiresAt: true, revokedAt: true } }),
      p.apiToken.findMany({ orderBy: { id: 'asc' }, select: { id: true, name: true, role: true, tokenHash: true, expiresAt: true, revokedAt: true, createdBy: true } }),
      p.slugRedirect.count(),
    ]);
    return { counts, users, sessions, apiTokens, slugRedirects };
  }

  /** A refusal: no data, exactly one error with this code on this field (401 when unauthenticated). */
  function expectRefused(response: GraphQLResponse, field: string, code: string) {
    expect(response.data ?? null).toBeNull();
    expect(onlyError(response)).toMatchObject({ path: [field], extensions: { code } });
    if (code === 'UNAUTHENTICATED') expect(response.status).toBe(401);
  }

  beforeAll(async () => {
    admin = { ...CREDENTIALS[1]!, token: ADMIN_TOKEN, identity: 'admin-token' };
    for (const spec of CREDENTIALS) {
      if (spec.kind === 'public') actors.set(spec.label, { ...spec, token: null, identity: null });
      else if (spec.kind === 'admin-token') actors.set(spec.label, admin);
      else if (spec.kind === 'api-token') actors.set(spec.label, { ...(await makeApiToken(spec.role!)), label: spec.label });
      else actors.set(spec.label, { ...(await makeSession(spec.role!)), label: spec.label });
    }
    for (const spec of CREDENTIALS.filter((s) => s.kind !== 'public')) {
      const me = await send(actors.get(spec.label)!, ME);
      expect(me.data?.me, spec.label).toMatchObject({ role: spec.role });
    }
    for (const name of ['a', 'b']) {
      const t = await succeed(admin, 'mutation($input: CreateTreatmentInput!) { createTreatment(input: $input) { id version } }', { input: { slug: uniqueSlug(`authz-compared-${name}`), name: `Compared ${name}` } }, 'createTreatment');
      await succeed(admin, 'mutation($id: ID!, $v: Int!) { publishTreatment(id: $id, expectedVersion: $v) { id } }', { id: t.id, v: t.version }, 'publishTreatment');
      comparedTreatmentIds.push(t.id);
    }
  });

  const actor = (label: string) => actors.get(label)!;

  // ---------------------------------------------------------------------------------------------
  // Each role against each mutation

  describe('each role against each mutation', () => {
    /** Roles allowed, from policy.ts; 'anyone' includes the public; 'session' needs a signed-in session. */
    type Access = readonly Role[] | 'anyone' | 'session';
    const CONTENT: Access = ['ADMIN', 'EDITOR', 'AUTHOR']; // content:create, and write/delete (authors: their own)
    const PUBLISH: Access = ['ADMIN', 'EDITOR']; // content:publish
    const PURGE: Access = ['ADMIN']; // content:purge
    const TAXONOMY: Access = ['ADMIN', 'EDITOR']; // taxonomy:write
    const ADMINS: Access = ['ADMIN']; // users:manage, tokens:manage

    interface Fixture {
      variables: Record<string, unknown>;
      /** The rows the case is about: unchanged by a refusal, changed by a success. */
      state: () => Promise<unknown>;
      /** More checks after a success. */
      verify?: (result: any) => Promise<void>;
    }
    interface Env {
      /** The caller. */
      actor: Actor;
      /** Who owns the documents the case acts on: an author their own, anyone else the admin token's. */
      owner: Actor;
    }
    interface MutationCase {
      access: Access;
      query: string;
      prepare: (env: Env) => Promise<Fixture>;
    }

    const updatedByActor = (type: DocType, doc: Doc, actorOf: Actor) => async () => {
      expect((await docState(type, doc.id)).row?.updatedBy).toBe(actorOf.identity);
    };

    function documentCases(type: DocType): Record<string, MutationCase> {
      const state = (doc: Doc) => () => docState(type, doc.id);
      return {
        [`create${type}`]: {
          access: CONTENT,
          query: `mutation($input: Create${type}Input!) { create${type}(input: $input) { id version } }`,
          async prepare({ actor }) {
            const slug = uniqueSlug(`matrix-${type.toLowerCase()}`);
            const input: Record<string, unknown> = { slug, [NAME_FIELD[type]]: `Matrix ${slug}`, ...(type === 'Comparison' ? { treatmentIds: comparedTreatmentIds } : {}) };
            return {
              variables: { input },
              state: () => docBySlug(type, slug),
              verify: async () => expect(await docBySlug(type, slug)).toMatchObject({ createdBy: actor.identity, updatedBy: actor.identity }),
            };
          },
        },
        [`update${type}`]: {
          access: CONTENT,
          query: `mutation($id: ID!, $v: Int!) { update${type}(id: $id, input: { ${NAME_FIELD[type]}: "Changed by the matrix" }, expectedVersion: $v) { id version } }`,
          async prepare({ actor, owner }) {
            const doc = await makeDoc(owner, type);
            return { variables: { id: doc.id, v: doc.version }, state: state(doc), verify: updatedByActor(type, doc, actor) };
          },
        },
        [`publish${type}`]: {
          access: PUBLISH,
          query: `mutation($id: ID!, $v: Int!) { publish${type}(id: $id, expectedVersion: $v) { id version } }`,
          async prepare({ owner }) {
            const doc = await makeDoc(owner, type);
            return {
              variables: { id: doc.id, v: doc.version },
              state: state(doc),
              verify: async () => expect((await docState(type, doc.id)).published).not.toBeNull(),
            };
          },
        },
        [`unpublish${type}`]: {
          access: PUBLISH,
          query: `mutation($id: ID!) { unpublish${type}(id: $id) { id version } }`,
          async prepare({ owner }) {
            const doc = await makeDoc(owner, type, { publish: true });
            return { variables: { id: doc.id }, state: state(doc), verify: async () => expect((await docState(type, doc.id)).published).toBeNull() };
          },
        },
        [`restore${type}Revision`]: {
          access: CONTENT,
          query: `mutation($id: ID!, $r: Int!, $v: Int) { restore${type}Revision(id: $id, revision: $r, expectedVersion: $v) { id version } }`,
          async prepare({ actor, owner }) {
            const doc = await makeDoc(owner, type, { edit: true });
            return { variables: { id: doc.id, r: 1, v: doc.version }, state: state(doc), verify: updatedByActor(type, doc, actor) };
          },
        },
        [`delete${type}`]: {
          access: CONTENT,
          query: `mutation($id: ID!) { delete${type}(id: $id) }`,
          async prepare({ owner }) {
            const doc = await makeDoc(owner, type);
            return { variables: { id: doc.id }, state: state(doc), verify: async () => expect((await docState(type, doc.id)).row?.deletedAt).not.toBeNull() };
          },
        },
        [`restore${type}`]: {
          access: CONTENT,
          query: `mutation($id: ID!) { restore${type}(id: $id) { id version } }`,
          async prepare({ owner }) {
            const doc = await makeDoc(owner, type, { trash: true });
            return { variables: { id: doc.id }, state: state(doc), verify: async () => expect((await docState(type, doc.id)).row?.deletedAt).toBeNull() };
          },
        },
        [`purge${type}`]: {
          access: PURGE,
          query: `mutation($id: ID!) { purge${type}(id: $id) }`,
          async prepare({ owner }) {
            const doc = await makeDoc(owner, type, { trash: true });
            return { variables: { id: doc.id }, state: state(doc), verify: async () => expect((await docState(type, doc.id)).row).toBeNull() };
          },
        },
      };
    }

    let categoryCounter = 0;
    const makeCategory = async () => {
      categoryCounter += 1;
      const slug = uniqueSlug('matrix-category');
      return succeed(admin, 'mutation($input: CreateCategoryInput!) { createCategory(input: $input) { id slug } }', { input: { slug, name: `Matrix category ${categoryCounter} ${slug}` } }, 'createCategory');
    };
    const makePerson = () =>
      succeed(admin, 'mutation($input: CreatePersonInput!) { createPerson(input: $input) { id slug } }', { input: { slug: uniqueSlug('matrix-person'), name: 'Matrix Person' } }, 'createPerson');
    const makeTag = () =>
      succeed(admin, 'mutation($input: CreateTagInput!) { createTag(input: $input) { id slug } }', { input: { slug: uniqueSlug('matrix-tag'), name: `Matrix tag ${uniqueSlug('name')}` } }, 'createTag');
    const categoryRow = (id: string) => () => api.db.prisma.category.findUnique({ where: { id } });
    const tagRow = (id: string) => () => api.db.prisma.tag.findUnique({ where: { id } });
    const personRow = (id: string) => () => api.db.prisma.person.findUnique({ where: { id } });
    const userRow = (id: string) => () => api.db.prisma.user.findUnique({ where: { id } });

    /** Every mutation in the schema: who may call it, and a fresh fixture to call it on. */
    const MUTATION_CASES: Record<string, MutationCase> = {
      ...documentCases('Article'),
      setArticleRelatedLinks: {
        access: CONTENT,
        query: 'mutation($id: ID!, $v: Int!, $links: [RelatedLinkInput!]!) { setArticleRelatedLinks(articleId: $id, links: $links, expectedVersion: $v) { id version } }',
        async prepare({ actor, owner }) {
          const doc = await makeDoc(owner, 'Article');
          return {
            variables: { id: doc.id, v: doc.version, links: [{ kind: 'EXTERNAL_REFERENCE', url: 'https://example.org/study', label: 'A study' }] },
            state: () => docState('Article', doc.id),
            verify: async () => {
              expect((await docState('Article', doc.id)).links).toMatchObject([{ url: 'https://example.org/study' }]);
              await updatedByActor('Article', doc, actor)();
            },
          };
        },
      },
      ...documentCases('Treatment'),
      ...documentCases('Comparison'),

      schedulePublish: {
        access: PUBLISH,
        query: 'mutation($id: ID!, $at: DateTime!) { schedulePublish(id: $id, at: $at) { id version } }',
        async prepare({ owner }) {
          const doc = await makeDoc(owner, 'Article');
          return {
            variables: { id: doc.id, at: FUTURE },
            state: () => docState('Article', doc.id),
            verify: async () => expect((await docState('Article', doc.id)).row).toMatchObject({ status: 'SCHEDULED', scheduledAt: new Date(FUTURE) }),
          };
        },
      },
      cancelScheduledPublish: {
        access: PUBLISH,
        query: 'mutation($id: ID!) { cancelScheduledPublish(id: $id) { id version } }',
        async prepare({ owner }) {
          const doc = await makeDoc(owner, 'Article', { schedule: true });
          return { variables: { id: doc.id }, state: () => docState('Article', doc.id), verify: async () => expect((await docState('Article', doc.id)).row?.scheduledAt).toBeNull() };
        },
      },

      createCategory: {
        access: TAXONOMY,
        query: 'mutation($input: CreateCategoryInput!) { createCategory(input: $input) { id } }',
        async prepare() {
          const slug = uniqueSlug('matrix-new-category');
          return { variables: { input: { slug, name: `New ${slug}` } }, state: () => api.db.prisma.category.findUnique({ where: { slug } }) };
        },
      },
      updateCategory: {
        access: TAXONOMY,
        query: 'mutation($id: ID!, $input: UpdateCategoryInput!) { updateCategory(id: $id, input: $input) { id } }',
        async prepare() {
          const category = await makeCategory();
          return { variables: { id: category.id, input: { name: `Renamed ${category.slug}`, description: 'Changed by the matrix' } }, state: categoryRow(category.id) };
        },
      },
      deleteCategory: {
        access: TAXONOMY,
        query: 'mutation($id: ID!) { deleteCategory(id: $id) }',
        async prepare() {
          const category = await makeCategory();
          return { variables: { id: category.id }, state: categoryRow(category.id) };
        },
      },
      createTag: {
        access: TAXONOMY,
        query: 'mutation($input: CreateTagInput!) { createTag(input: $input) { id } }',
        async prepare() {
          const slug = uniqueSlug('matrix-new-tag');
          return { variables: { input: { slug, name: `New ${slug}` } }, state: () => api.db.prisma.tag.findUnique({ where: { slug } }) };
        },
      },
      updateTag: {
        access: TAXONOMY,
        query: 'mutation($id: ID!, $input: UpdateTagInput!) { updateTag(id: $id, input: $input) { id } }',
        async prepare() {
          const tag = await makeTag();
          return { variables: { id: tag.id, input: { name: `Renamed ${tag.slug}`, description: 'Changed by the matrix' } }, state: tagRow(tag.id) };
        },
      },
      deleteTag: {
        access: TAXONOMY,
        query: 'mutation($id: ID!) { deleteTag(id: $id) }',
        async prepare() {
          // In use by an article: deleting a used tag is allowed, and must take it off the article too.
          const tag = await makeTag();
          const article = await makeDoc(admin, 'Article', { input: { tagIds: [tag.id] } });
          const state = async () => ({ tag: await tagRow(tag.id)(), articleTags: await api.db.prisma.articleTag.findMany({ where: { articleId: article.id } }) });
          return { variables: { id: tag.id }, state, verify: async () => expect(await state()).toEqual({ tag: null, articleTags: [] }) };
        },
      },
      createPerson: {
        access: TAXONOMY,
        query: 'mutation($input: CreatePersonInput!) { createPerson(input: $input) { id } }',
        async prepare() {
          const slug = uniqueSlug('matrix-new-person');
          return { variables: { input: { slug, name: 'New Person' } }, state: () => api.db.prisma.person.findUnique({ where: { slug } }) };
        },
      },
      updatePerson: {
        access: TAXONOMY,
        query: 'mutation($id: ID!, $input: UpdatePersonInput!) { updatePerson(id: $id, input: $input) { id } }',
        async prepare() {
          const person = await makePerson();
          return { variables: { id: person.id, input: { name: 'Renamed Person', bio: 'Changed by the matrix' } }, state: personRow(person.id) };
        },
      },
      deletePerson: {
        access: TAXONOMY,
        query: 'mutation($id: ID!) { deletePerson(id: $id) }',
        async prepare() {
          const person = await makePerson();
          return { variables: { id: person.id }, state: personRow(person.id) };
        },
      },

      login: {
        access: 'anyone',
        query: LOGIN,
        async prepare() {
          // A user of their own per case: login attempts are limited per email.
          const user = await makeUser('AUTHOR');
          return {
            variables: { email: user.email, password: user.password },
            state: () => api.db.prisma.session.findMany({ where: { userId: user.id } }),
            verify: async (result) => {
              expect(result).toEqual({ token: expect.stringMatching(/^cms_s_[A-Za-z0-9_-]{43}$/), user: { id: user.id } });
              expect((await api.send(ME, undefined, { authorization: `Bearer ${result.token}` })).data?.me).toMatchObject({ id: user.id, kind: 'SESSION' });
            },
          };
        },
      },
      logout: {
        access: 'session',
        query: 'mutation { logout }',
        async prepare({ actor }) {
          return {
            variables: {},
            state: () => api.db.prisma.session.findMany({ where: actor.userId ? { userId: actor.userId } : {}, select: { id: true, revokedAt: true } }),
            verify: async (result) => {
              expect(result).toBe(true);
              const after = await send(actor, ME);
              expect(after.status).toBe(401);
              expect(onlyError(after).extensions.code).toBe('UNAUTHENTICATED');
            },
          };
        },
      },
      changePassword: {
        access: 'session',
        query: 'mutation($current: String!, $next: String!) { changePassword(currentPassword: $current, newPassword: $next) }',
        async prepare({ actor }) {
          return {
            variables: { current: actor.password ?? PASSWORD, next: 'a brand new passphrase' },
            state: () => api.db.prisma.user.findMany({ where: actor.userId ? { id: actor.userId } : {}, select: { id: true, passwordHash: true } }),
            verify: async (result) => expect(result).toBe(true),
          };
        },
      },
      createUser: {
        access: ADMINS,
        query: 'mutation($input: CreateUserInput!) { createUser(input: $input) { id role } }',
        async prepare() {
          userCounter += 1;
          const email = `matrix-new-${userCounter}@example.org`;
          return {
            variables: { input: { email, name: 'New Admin', role: 'ADMIN', password: PASSWORD } },
            state: () => api.db.prisma.user.findUnique({ where: { email } }),
            verify: async (result) => expect(result.role).toBe('ADMIN'),
          };
        },
      },
      updateUser: {
        access: ADMINS,
        query: 'mutation($id: ID!, $input: UpdateUserInput!) { updateUser(id: $id, input: $input) { id role } }',
        async prepare() {
          const target = await makeUser('AUTHOR');
          return {
            variables: { id: target.id, input: { name: 'Promoted', role: 'ADMIN' } },
            state: userRow(target.id),
            verify: async () => expect(await userRow(target.id)()).toMatchObject({ name: 'Promoted', role: 'ADMIN' }),
          };
        },
      },
      createApiToken: {
        access: ADMINS,
        query: 'mutation($input: CreateApiTokenInput!) { createApiToken(input: $input) { token apiToken { id role createdBy } } }',
        async prepare({ actor }) {
          tokenCounter += 1;
          const name = `matrix token ${tokenCounter}`;
          return {
            variables: { input: { name, role: 'ADMIN' } },
            state: () => api.db.prisma.apiToken.findMany({ where: { name } }),
            verify: async (result) => expect(result.apiToken).toMatchObject({ role: 'ADMIN', createdBy: actor.identity }),
          };
        },
      },
      revokeApiToken: {
        access: ADMINS,
        query: 'mutation($id: ID!) { revokeApiToken(id: $id) { id revokedAt } }',
        async prepare() {
          const target = await makeApiToken('EDITOR');
          return {
            variables: { id: target.tokenId },
            state: () => api.db.prisma.apiToken.findUnique({ where: { id: target.tokenId! } }),
            verify: async () => expect((await send(target, ME)).status).toBe(401),
          };
        },
      },
    };

    type Outcome = 'succeeds' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'BAD_USER_INPUT';

    function expectedOutcome(access: Access, spec: CredentialSpec): Outcome {
      if (access === 'anyone') return 'succeeds';
      if (spec.kind === 'public') return 'UNAUTHENTICATED';
      if (access === 'session') return spec.kind === 'session' ? 'succeeds' : 'BAD_USER_INPUT';
      return access.includes(spec.role!) ? 'succeeds' : 'FORBIDDEN';
    }

    it('the table covers every mutation in the schema', async () => {
      const { data } = await api.query('{ __schema { mutationType { fields { name } } } }');
      expect(data!.__schema.mutationType.fields.map((f: { name: string }) => f.name).sort()).toEqual(Object.keys(MUTATION_CASES).sort());
    });

    it('the matrix has every role, the public, and each kind of credential', () => {
      expect(new Set(CREDENTIALS.map((c) => c.role))).toEqual(new Set(['ADMIN', 'EDITOR', 'AUTHOR', 'PREVIEW', null]));
      expect(new Set(CREDENTIALS.map((c) => c.kind))).toEqual(new Set(['public', 'admin-token', 'api-token', 'session']));
      for (const role of ['EDITOR', 'AUTHOR', 'PREVIEW'] as const) {
        expect(new Set(CREDENTIALS.filter((c) => c.role === role).map((c) => c.kind)), role).toEqual(new Set(['api-token', 'session']));
      }
    });

    for (const [name, testCase] of Object.entries(MUTATION_CASES)) {
      describe(name, () => {
        for (const spec of CREDENTIALS) {
          const outcome = expectedOutcome(testCase.access, spec);
          it(`${spec.label}: ${outcome === 'succeeds' ? 'succeeds' : `${outcome}, nothing written`}`, async () => {
            // Ending a session or changing a password must not end the shared sessions other cases use.
            const caller = testCase.access === 'session' && spec.kind === 'session' ? { ...(await makeSession(spec.role!)), label: spec.label } : actor(spec.label);
            const fixture = await testCase.prepare({ actor: caller, owner: caller.role === 'AUTHOR' ? caller : admin });
            const before = await everything();
            const stateBefore = await fixture.state();

            const response = await send(caller, testCase.query, fixture.variables);

            if (outcome === 'succeeds') {
              expect(response.errors).toBeUndefined();
              expect(response.status).toBe(200);
              expect(response.data?.[name]).toBeDefined();
              expect(response.data?.[name]).not.toBeNull();
              expect(await fixture.state()).not.toEqual(stateBefore);
              await fixture.verify?.(response.data![name]);
            } else {
              expectRefused(response, name, outcome);
              if (outcome === 'BAD_USER_INPUT') expect(onlyError(response).extensions.issues).toEqual([expect.objectContaining({ path: 'authorization' })]);
              expect(await fixture.state()).toEqual(stateBefore);
              expect(await everything()).toEqual(before);
            }
          });
        }
      });
    }
  });

  // ---------------------------------------------------------------------------------------------
  // IDOR: authors act on their own documents only

  describe('IDOR: an author acts by id only on documents they created', () => {
    const AUTHOR = 'AUTHOR (session)';
    /** Whose documents the author tries: another author (an API token with the AUTHOR role), an editor. */
    const OWNERS: Record<string, string> = { "another author's": 'AUTHOR (API token)', "an editor's": 'EDITOR (session)' };

    interface Attempt {
      query: (type: DocType) => string;
      variables: (doc: Doc) => Record<string, unknown>;
      field: (type: DocType) => string;
      types: readonly DocType[];
      /** The document must be in the trash first. */
      trashed?: boolean;
    }
    const ALL_TYPES: readonly DocType[] = ['Article', 'Treatment', 'Comparison'];
    const ATTEMPTS: Record<string, Attempt> = {
      updating: {
        types: ALL_TYPES,
        field: (type) => `update${type}`,
        query: (type) => `mutation($id: ID!, $v: Int!) { update${type}(id: $id, input: { ${NAME_FIELD[type]}: "Hijacked", slug: "hijacked" }, expectedVersion: $v) { id } }`,
        variables: (doc) => ({ id: doc.id, v: doc.version }),
      },
      trashing: {
        types: ALL_TYPES,
        field: (type) => `delete${type}`,
        query: (type) => `mutation($id: ID!) { delete${type}(id: $id) }`,
        variables: (doc) => ({ id: doc.id }),
      },
      'restoring a revision of': {
        types: ALL_TYPES,
        field: (type) => `restore${type}Revision`,
        query: (type) => `mutation($id: ID!, $v: Int) { restore${type}Revision(id: $id, revision: 1, expectedVersion: $v) { id } }`,
        variables: (doc) => ({ id: doc.id, v: doc.version }),
      },
      'setting links on': {
        types: ['Article'],
        field: () => 'setArticleRelatedLinks',
        query: () => 'mutation($id: ID!, $v: Int!) { setArticleRelatedLinks(articleId: $id, links: [{ kind: TRENDING_TOPIC, url: "https://spam.example", label: "Spam" }], expectedVersion: $v) { id } }',
        variables: (doc) => ({ id: doc.id, v: doc.version }),
      },
      'restoring from the trash': {
        types: ALL_TYPES,
        trashed: true,
        field: (type) => `restore${type}`,
        query: (type) => `mutation($id: ID!) { restore${type}(id: $id) { id } }`,
        variables: (doc) => ({ id: doc.id }),
      },
    };

    for (const [ownerName, ownerLabel] of Object.entries(OWNERS)) {
      for (const [attemptName, attempt] of Object.entries(ATTEMPTS)) {
        for (const type of attempt.types) {
          it(`${attemptName} ${ownerName} ${type.toLowerCase()} is FORBIDDEN and changes nothing`, async () => {
            // Edited once (a revision to restore), with links to replace.
            const doc = await makeDoc(actor(ownerLabel), type, {
              edit: true,
              trash: attempt.trashed,
              input: type === 'Article' ? { related: [{ kind: 'EXTERNAL_REFERENCE', url: 'https://example.org/original', label: 'Original' }] } : {},
            });
            const before = await everything();
            const state = await docState(type, doc.id);

            const response = await send(actor(AUTHOR), attempt.query(type), attempt.variables(doc));

            expectRefused(response, attempt.field(type), 'FORBIDDEN');
            expect(onlyError(response).message).toContain('only documents you created');
            const after = await docState(type, doc.id);
            expect(after.row?.version).toBe(doc.version);
            expect(after.revisions).toHaveLength(state.revisions.length);
            expect(after).toEqual(state);
            expect(await everything()).toEqual(before);
          });
        }
      }
    }

    it("updating another author's published article is FORBIDDEN and leaves the published version alone", async () => {
      const doc = await makeDoc(actor('AUTHOR (API token)'), 'Article', { publish: true });
      const before = await everything();
      const state = await docState('Article', doc.id);
      const response = await send(actor(AUTHOR), ATTEMPTS.updating!.query('Article'), ATTEMPTS.updating!.variables(doc));
      expectRefused(response, 'updateArticle', 'FORBIDDEN');
      expect(await docState('Article', doc.id)).toEqual(state);
      expect(await everything()).toEqual(before);
      expect((await api.query('query($slug: String!) { article(slug: $slug) { title } }', { slug: doc.slug })).data?.article.title).toBe(`Article ${doc.slug}`);
    });

    for (const [attemptName, attempt] of Object.entries(ATTEMPTS)) {
      for (const type of attempt.types) {
        it(`${attemptName} their own ${type.toLowerCase()} succeeds`, async () => {
          const author = actor(AUTHOR);
          const doc = await makeDoc(author, type, { edit: true, trash: attempt.trashed });
          const state = await docState(type, doc.id);
          const variables = attempt.variables(doc);
          // Each their own slug: "hijacked" can be taken only once.
          const query = attempt.query(type).replace('slug: "hijacked"', `slug: "${uniqueSlug('own-edit')}"`);

          const response = await send(author, query, variables);

          expect(response.errors).toBeUndefined();
          expect(response.data?.[attempt.field(type)]).toBeTruthy();
          const after = await docState(type, doc.id);
          expect(after.row!.version).toBe(doc.version + 1);
          expect(after.row!.updatedBy).toBe(author.identity);
          expect(after.revisions).toHaveLength(state.revisions.length + 1);
        });
      }
    }

    for (const type of ['Article', 'Treatment', 'Comparison'] as const) {
      it(`an author cannot publish their own ${type.toLowerCase()} (FORBIDDEN, nothing published)`, async () => {
        const doc = await makeDoc(actor(AUTHOR), type);
        const before = await everything();
        const state = await docState(type, doc.id);
        const response = await send(actor(AUTHOR), `mutation($id: ID!, $v: Int!) { publish${type}(id: $id, expectedVersion: $v) { id } }`, { id: doc.id, v: doc.version });
        expectRefused(response, `publish${type}`, 'FORBIDDEN');
        expect(await docState(type, doc.id)).toEqual(state);
        expect(state.published).toBeNull();
        expect(await everything()).toEqual(before);
      });
    }

    it('an author cannot schedule their own draft to publish itself later (FORBIDDEN)', async () => {
      const doc = await makeDoc(actor(AUTHOR), 'Article');
      const before = await everything();
      const state = await docState('Article', doc.id);
      const response = await send(actor(AUTHOR), 'mutation($id: ID!, $at: DateTime!) { schedulePublish(id: $id, at: $at) { id } }', { id: doc.id, at: FUTURE });
      expectRefused(response, 'schedulePublish', 'FORBIDDEN');
      expect(await docState('Article', doc.id)).toEqual(state);
      expect(await everything()).toEqual(before);
    });
  });

  // ---------------------------------------------------------------------------------------------
  // Dead and forged credentials

  describe('expired, revoked, ended and forged credentials', () => {
    const base64url43 = () => randomBytes(32).toString('base64url');

    /** Checks that a credential works, before it is made to stop working. */
    const expectWorks = async (authorization: string) => expect((await api.send(ME, undefined, { authorization })).data?.me).not.toBeNull();
    const BAD_CREDENTIALS: Record<string, () => Promise<string>> = {
      'an expired API token': async () => {
        const token = await makeApiToken('EDITOR', new Date(Date.now() + 3_600_000).toISOString());
        await expectWorks(`Bearer ${token.token}`);
        await api.db.prisma.apiToken.update({ where: { id: token.tokenId! }, data: { expiresAt: new Date(Date.now() - 1000) } });
        return `Bearer ${token.token}`;
      },
      'a revoked API token': async () => {
        const token = await makeApiToken('EDITOR');
        await expectWorks(`Bearer ${token.token}`);
        await succeed(admin, 'mutation($id: ID!) { revokeApiToken(id: $id) { id } }', { id: token.tokenId }, 'revokeApiToken');
        return `Bearer ${token.token}`;
      },
      'a session after logout': async () => {
        const session = await makeSession('EDITOR');
        await expectWorks(`Bearer ${session.token}`);
        expect((await send(session, 'mutation { logout }')).data).toEqual({ logout: true });
        return `Bearer ${session.token}`;
      },
      'an expired session': async () => {
        const session = await makeSession('EDITOR');
        await expectWorks(`Bearer ${session.token}`);
        await api.db.prisma.session.updateMany({ where: { userId: session.userId! }, data: { expiresAt: new Date(Date.now() - 1000) } });
        return `Bearer ${session.token}`;
      },
      'a session of a disabled user': async () => {
        const session = await makeSession('EDITOR');
        await expectWorks(`Bearer ${session.token}`);
        await succeed(admin, 'mutation($id: ID!) { updateUser(id: $id, input: { disabled: true }) { id } }', { id: session.userId }, 'updateUser');
        return `Bearer ${session.token}`;
      },
      'a forged API token (cms_t_ and 43 random base64url characters)': async () => `Bearer cms_t_${base64url43()}`,
      'a forged session token (cms_s_ and 43 random base64url characters)': async () => `Bearer cms_s_${base64url43()}`,
      "an API token's stored hash sent as the token": async () => {
        const token = await makeApiToken('EDITOR');
        const { tokenHash } = await api.db.prisma.apiToken.findUniqueOrThrow({ where: { id: token.tokenId! } });
        return `Bearer ${tokenHash}`;
      },
      'a token of the wrong format (unknown prefix)': async () => `Bearer cms_x_${base64url43()}`,
      'a token of the wrong format (a real API token, truncated)': async () => `Bearer ${(await makeApiToken('EDITOR')).token!.slice(0, -1)}`,
      'a token of the wrong format (two tokens)': async () => `Bearer ${ADMIN_TOKEN} ${ADMIN_TOKEN}`,
      'the admin token under another scheme (Token)': async () => `Token ${ADMIN_TOKEN}`,
      'the admin token with its last character changed': async () => `Bearer ${ADMIN_TOKEN.slice(0, -1)}${ADMIN_TOKEN.endsWith('f') ? 'e' : 'f'}`,
      'the admin token with one character more': async () => `Bearer ${ADMIN_TOKEN}0`,
      'the admin token less its last character': async () => `Bearer ${ADMIN_TOKEN.slice(0, -1)}`,
      'the admin token in upper case': async () => `Bearer ${ADMIN_TOKEN.toUpperCase()}`,
      'the admin token with the API token prefix': async () => `Bearer cms_t_${ADMIN_TOKEN}`,
    };

    for (const [name, make] of Object.entries(BAD_CREDENTIALS)) {
      it(`${name} is UNAUTHENTICATED with HTTP 401 and cannot write`, async () => {
        const authorization = await make();
        const slug = uniqueSlug('forged-write');
        const before = await everything();

        const write = await api.send('mutation($input: CreateArticleInput!) { createArticle(input: $input) { id } }', { input: { slug, title: 'Forged' } }, { authorization });
        expect(write.status).toBe(401);
        expect(onlyError(write).extensions.code).toBe('UNAUTHENTICATED');
        expect(write.data ?? null).toBeNull();
        expect(await api.db.prisma.article.findUnique({ where: { slug } })).toBeNull();
        expect(await everything()).toEqual(before);

        // Refused outright, not read as the public.
        const read = await api.send(ME, undefined, { authorization });
        expect(read.status).toBe(401);
        expect(onlyError(read).extensions.code).toBe('UNAUTHENTICATED');
        expect(read.data ?? null).toBeNull();
      });
    }
  });

  // ---------------------------------------------------------------------------------------------
  // Mass assignment

  describe('mass assignment: fields only the server sets cannot be sent', () => {
    const AUTHOR = 'AUTHOR (session)';
    const DATE = '"2000-01-01T00:00:00.000Z"';
    const SERVER_SET_DOCUMENT_FIELDS: Record<string, string> = {
      id: `"${SOME_ID}"`,
      createdBy: '"someone-else"',
      updatedBy: '"someone-else"',
      version: '99',
      status: 'PUBLISHED',
      publishedBy: '"someone-else"',
      createdAt: DATE,
      updatedAt: DATE,
      deletedAt: DATE,
      scheduledAt: DATE,
    };

    function expectInvalid(response: GraphQLResponse, field: string, code = 'GRAPHQL_VALIDATION_FAILED') {
      expect(response.data ?? null).toBeNull();
      const error = onlyError(response);
      expect(error.extensions.code).toBe(code);
      expect(error.message).toContain(field);
      expect(response.status).toBe(400);
    }

    for (const [field, value] of Object.entries(SERVER_SET_DOCUMENT_FIELDS)) {
      it(`createArticle with ${field} in the input is GRAPHQL_VALIDATION_FAILED and creates nothing`, async () => {
        const slug = uniqueSlug('mass-create');
        const before = await everything();
        const response = await send(actor(AUTHOR), `mutation { createArticle(input: { slug: "${slug}", title: "Mass", ${field}: ${value} }) { id } }`);
        expectInvalid(response, field);
        expect(await api.db.prisma.article.findUnique({ where: { slug } })).toBeNull();
        expect(await everything()).toEqual(before);
      });

      it(`updateArticle with ${field} in the input is GRAPHQL_VALIDATION_FAILED and changes nothing`, async () => {
        const doc = await makeDoc(actor(AUTHOR), 'Article');
        const before = await everything();
        const state = await docState('Article', doc.id);
        const response = await send(actor(AUTHOR), `mutation { updateArticle(id: "${doc.id}", input: { title: "Mass", ${field}: ${value} }, expectedVersion: ${doc.version}) { id } }`);
        expectInvalid(response, field);
        expect(await docState('Article', doc.id)).toEqual(state);
        expect(await everything()).toEqual(before);
      });
    }

    it('server-set fields sent in variables are refused too (BAD_USER_INPUT) and nothing is written', async () => {
      const slug = uniqueSlug('mass-variables');
      const before = await everything();
      const response = await send(actor(AUTHOR), 'mutation($input: CreateArticleInput!) { createArticle(input: $input) { id } }', {
        input: { slug, title: 'Mass', createdBy: 'someone-else' },
      });
      expectInvalid(response, 'createdBy', 'BAD_USER_INPUT');
      expect(await api.db.prisma.article.findUnique({ where: { slug } })).toBeNull();
      expect(await everything()).toEqual(before);
    });

    const USER_FIELDS: Record<string, string> = { passwordHash: '"$argon2id$v=19$m=19456,t=2,p=1$forged"', disabledAt: DATE, id: `"${SOME_ID}"` };
    for (const [field, value] of Object.entries(USER_FIELDS)) {
      it(`createUser with ${field} in the input is GRAPHQL_VALIDATION_FAILED and creates nothing, even for an admin`, async () => {
        const email = `mass-${field.toLowerCase()}@example.org`;
        const before = await everything();
        const response = await send(admin, `mutation { createUser(input: { email: "${email}", name: "Mass", role: AUTHOR, password: "${PASSWORD}", ${field}: ${value} }) { id } }`);
        expectInvalid(response, field);
        expect(await api.db.prisma.user.findUnique({ where: { email } })).toBeNull();
        expect(await everything()).toEqual(before);
      });
    }

    for (const [field, value] of Object.entries({ passwordHash: '"x"', email: '"taken-over@example.org"' })) {
      it(`updateUser with ${field} in the input is GRAPHQL_VALIDATION_FAILED and changes nothing, even for an admin`, async () => {
        const target = await makeUser('AUTHOR');
        const before = await everything();
        const response = await send(admin, `mutation { updateUser(id: "${target.id}", input: { name: "Mass", ${field}: ${value} }) { id } }`);
        expectInvalid(response, field);
        expect(await everything()).toEqual(before);
      });
    }

    const TOKEN_FIELDS: Record<string, string> = { tokenHash: `"${'0'.repeat(64)}"`, createdBy: '"someone-else"', revokedAt: DATE, lastUsedAt: DATE };
    for (const [field, value] of Object.entries(TOKEN_FIELDS)) {
      it(`createApiToken with ${field} in the input is GRAPHQL_VALIDATION_FAILED and creates nothing, even for an admin`, async () => {
        const name = `mass ${field}`;
        const before = await everything();
        const response = await send(admin, `mutation { createApiToken(input: { name: "${name}", role: EDITOR, ${field}: ${value} }) { token } }`);
        expectInvalid(response, field);
        expect(await api.db.prisma.apiToken.findMany({ where: { name } })).toEqual([]);
        expect(await everything()).toEqual(before);
      });
    }

    for (const label of ['EDITOR (session)', 'AUTHOR (session)', 'PREVIEW (session)']) {
      it(`updateUser by ${label} raising their own role to ADMIN is FORBIDDEN and changes nothing`, async () => {
        const self = actor(label);
        const before = await everything();
        const row = await api.db.prisma.user.findUniqueOrThrow({ where: { id: self.userId! } });
        const response = await send(self, 'mutation($id: ID!, $input: UpdateUserInput!) { updateUser(id: $id, input: $input) { id role } }', { id: self.userId, input: { role: 'ADMIN' } });
        expectRefused(response, 'updateUser', 'FORBIDDEN');
        expect(await api.db.prisma.user.findUniqueOrThrow({ where: { id: self.userId! } })).toEqual(row);
        expect(await everything()).toEqual(before);
        expect((await send(self, ME)).data?.me).toMatchObject({ role: self.role });
      });
    }

    for (const label of ['EDITOR (API token)', 'AUTHOR (API token)', 'PREVIEW (API token)']) {
      it(`createApiToken by ${label} minting an ADMIN token is FORBIDDEN and creates nothing`, async () => {
        const name = `escalation by ${label}`;
        const before = await everything();
        const response = await send(actor(label), 'mutation($input: CreateApiTokenInput!) { createApiToken(input: $input) { token } }', { input: { name, role: 'ADMIN' } });
        expectRefused(response, 'createApiToken', 'FORBIDDEN');
        expect(await api.db.prisma.apiToken.findMany({ where: { name } })).toEqual([]);
        expect(await everything()).toEqual(before);
      });
    }
  });

  // ---------------------------------------------------------------------------------------------
  // Drafts are invisible to the public

  describe('drafts are invisible to the public through every path', () => {
    const PREVIEW = 'PREVIEW (API token)';
    /** Every text only a draft holds contains this, in some case; public answers never do. */
    const MARK = 'secret';

    const fx = {} as {
      category: { id: string; slug: string };
      treatment: Doc; // published, with an unpublished draft change
      otherTreatment: Doc; // published
      draftTreatment: Doc; // never published
      comparison: Doc; // published (treatment + otherTreatment), with an unpublished draft change
      draftComparison: Doc; // never published (treatment + draftTreatment)
      mixedComparison: Doc; // published, comparing a never-published treatment too
      draft: Doc; // never published article: category, treatment, comparison
      scheduled: Doc; // scheduled to publish in the future
      archived: Doc; // published, then unpublished
      trashed: Doc; // published, then trashed
      changed: Doc; // published article with an unpublished draft change (new slug, title, body)
      changedSlug: string;
      draftOnlyIds: string[];
    };

    const leaksNothing = (response: unknown) => {
      const text = JSON.stringify(response);
      expect(text.toLowerCase()).not.toContain(MARK);
      for (const id of fx.draftOnlyIds) expect(text).not.toContain(id);
    };

    beforeAll(async () => {
      const secretBody = (what: string) => [paragraph(`The SECRET body of the ${what}.`)];
      fx.category = await succeed(admin, 'mutation($input: CreateCategoryInput!) { createCategory(input: $input) { id slug } }', { input: { slug: uniqueSlug('visible-category'), name: 'Visibility' } }, 'createCategory');
      fx.treatment = await makeDoc(admin, 'Treatment', { publish: true, input: { name: 'Public treatment', summary: 'Public summary' } });
      fx.otherTreatment = await makeDoc(admin, 'Treatment', { publish: true, input: { name: 'Other public treatment' } });
      fx.draftTreatment = await makeDoc(admin, 'Treatment', { input: { slug: uniqueSlug('secret-treatment'), name: 'Secret treatment' } });
      fx.comparison = await makeDoc(admin, 'Comparison', { publish: true, input: { title: 'Public comparison', verdict: 'Public verdict', treatmentIds: [fx.treatment.id, fx.otherTreatment.id] } });
      fx.draftComparison = await makeDoc(admin, 'Comparison', {
        input: { slug: uniqueSlug('secret-comparison'), title: 'Secret comparison', treatmentIds: [fx.treatment.id, fx.draftTreatment.id] },
      });
      fx.mixedComparison = await makeDoc(admin, 'Comparison', {
        publish: true,
        input: {
          title: 'Mixed comparison',
          treatmentIds: [fx.treatment.id, fx.draftTreatment.id, fx.otherTreatment.id],
          rows: [
            {
              aspect: 'Cost',
              cells: [
                { treatmentId: fx.treatment.id, text: 'Public cell' },
                { treatmentId: fx.draftTreatment.id, text: 'Secret cell' },
              ],
            },
          ],
        },
      });
      fx.draft = await makeDoc(actor('AUTHOR (session)'), 'Article', {
        input: {
          slug: uniqueSlug('secret-draft'),
          title: 'Secret draft title',
          summary: 'Secret summary',
          body: secretBody('draft'),
          categoryId: fx.category.id,
          treatmentIds: [fx.treatment.id],
          comparisonIds: [fx.comparison.id],
          publishedAt: '2030-01-01T00:00:00.000Z',
        },
      });
      fx.scheduled = await makeDoc(admin, 'Article', {
        schedule: true,
        input: { slug: uniqueSlug('secret-scheduled'), title: 'Secret scheduled title', body: secretBody('scheduled article'), categoryId: fx.category.id, treatmentIds: [fx.treatment.id] },
      });
      fx.archived = await makeDoc(admin, 'Article', {
        publish: true,
        input: { slug: uniqueSlug('secret-archived'), title: 'Secret archived title', categoryId: fx.category.id, treatmentIds: [fx.treatment.id], comparisonIds: [fx.comparison.id] },
      });
      await succeed(admin, 'mutation($id: ID!) { unpublishArticle(id: $id) { id } }', { id: fx.archived.id }, 'unpublishArticle');
      // Trashed once the published article below links to it (a link to a trashed article is refused).
      fx.trashed = await makeDoc(admin, 'Article', {
        publish: true,
        input: { slug: uniqueSlug('secret-trashed'), title: 'Secret trashed title', categoryId: fx.category.id, treatmentIds: [fx.treatment.id], comparisonIds: [fx.comparison.id] },
      });

      // Published with links to every hidden article and references to hidden documents ...
      fx.changed = await makeDoc(admin, 'Article', {
        publish: true,
        input: {
          title: 'Public title',
          summary: 'Public summary',
          body: [paragraph('The public body.')],
          categoryId: fx.category.id,
          treatmentIds: [fx.treatment.id, fx.draftTreatment.id],
          comparisonIds: [fx.comparison.id, fx.draftComparison.id],
          publishedAt: '2020-01-01T00:00:00.000Z',
          related: [
            { kind: 'RELATED_ARTICLE', articleId: fx.draft.id },
            { kind: 'RELATED_ARTICLE', articleId: fx.scheduled.id },
            { kind: 'RELATED_ARTICLE', articleId: fx.archived.id },
            { kind: 'TRENDING_TOPIC', articleId: fx.trashed.id, label: 'Trending' },
            { kind: 'EXTERNAL_REFERENCE', url: 'https://example.org/public', label: 'Public reference' },
          ],
        },
      });
      await succeed(admin, 'mutation($id: ID!) { deleteArticle(id: $id) }', { id: fx.trashed.id }, 'deleteArticle');
      // ... then changed in the draft only.
      fx.changedSlug = uniqueSlug('secret-new-slug');
      await succeed(
        admin,
        'mutation($id: ID!, $v: Int!, $input: UpdateArticleInput!) { updateArticle(id: $id, input: $input, expectedVersion: $v) { id } }',
        {
          id: fx.changed.id,
          v: fx.changed.version,
          input: { slug: fx.changedSlug, title: 'Secret new title', summary: 'Secret new summary', body: secretBody('change'), related: [{ kind: 'EXTERNAL_REFERENCE', url: 'https://example.org/secret', label: 'Secret reference' }] },
        },
        'updateArticle',
      );
      await succeed(admin, 'mutation($id: ID!, $v: Int!) { updateTreatment(id: $id, input: { summary: "Secret treatment summary" }, expectedVersion: $v) { id } }', { id: fx.treatment.id, v: fx.treatment.version }, 'updateTreatment');
      await succeed(admin, 'mutation($id: ID!, $v: Int!) { updateComparison(id: $id, input: { verdict: "Secret verdict" }, expectedVersion: $v) { id } }', { id: fx.comparison.id, v: fx.comparison.version }, 'updateComparison');
      fx.draftOnlyIds = [fx.draft.id, fx.scheduled.id, fx.archived.id, fx.trashed.id, fx.draftTreatment.id, fx.draftComparison.id];

      // The fixture has teeth: each hidden state is what it should be.
      const statuses = await api.db.prisma.article.findMany({ where: { id: { in: [fx.draft.id, fx.scheduled.id, fx.archived.id, fx.changed.id] } }, select: { id: true, status: true } });
      expect(Object.fromEntries(statuses.map((s) => [s.id, s.status]))).toEqual({
        [fx.draft.id]: 'DRAFT',
        [fx.scheduled.id]: 'SCHEDULED',
        [fx.archived.id]: 'ARCHIVED',
        [fx.changed.id]: 'CHANGED',
      });
    });

    const ARTICLE_FIELDS = 'id slug title summary status version updatedBy publishedAt';
    const FULL_ARTICLE = `${ARTICLE_FIELDS} body { ... on ParagraphBlock { text } } category { slug } treatments { id slug name } comparisons { id slug title } related { kind label url article { id slug title } }`;

    it('article(slug) answers null for a draft, a scheduled, an unpublished and a trashed article, and for a draft-only slug', async () => {
      for (const slug of [fx.draft.slug, fx.scheduled.slug, fx.archived.slug, fx.trashed.slug, fx.changedSlug]) {
        const response = await api.query(`query($slug: String!) { article(slug: $slug) { ${FULL_ARTICLE} } }`, { slug });
        expect(response, slug).toEqual({ status: 200, data: { article: null } });
      }
    });

    it('article(slug) of a published article with draft changes answers the published version only', async () => {
      const response = await api.query(`query($slug: String!) { article(slug: $slug) { ${FULL_ARTICLE} } }`, { slug: fx.changed.slug });
      expect(response.errors).toBeUndefined();
      const article = response.data!.article;
      const publishedVersion = (await api.db.prisma.publishedArticle.findUniqueOrThrow({ where: { articleId: fx.changed.id } })).version;
      expect(article).toMatchObject({ slug: fx.changed.slug, title: 'Public title', status: 'PUBLISHED', version: publishedVersion, updatedBy: null, body: [{ text: 'The public body.' }] });
      // Hidden documents drop out of its relations and links.
      expect(article.treatments.map((t: { id: string }) => t.id)).toEqual([fx.treatment.id]);
      expect(article.comparisons.map((c: { id: string }) => c.id)).toEqual([fx.comparison.id]);
      expect(article.related).toEqual([{ kind: 'EXTERNAL_REFERENCE', label: 'Public reference', url: 'https://example.org/public', article: null }]);
      // Related documents show their published versions too.
      expect(article.treatments[0].name).toBe('Public treatment');
      leaksNothing(response);
    });

    const ORDERS = ['PUBLISHED_AT_DESC', 'UPDATED_AT_DESC', 'TITLE_ASC'] as const;
    const FILTERS: Record<string, () => Record<string, unknown> | null> = {
      'no filter': () => null,
      categorySlug: () => ({ categorySlug: fx.category.slug }),
      'treatmentSlug (published treatment)': () => ({ treatmentSlug: fx.treatment.slug }),
      'treatmentSlug (draft treatment)': () => ({ treatmentSlug: fx.draftTreatment.slug }),
      'status DRAFT': () => ({ status: 'DRAFT' }),
      'status CHANGED': () => ({ status: 'CHANGED' }),
      'status SCHEDULED': () => ({ status: 'SCHEDULED' }),
      'status ARCHIVED': () => ({ status: 'ARCHIVED' }),
      'status PUBLISHED': () => ({ status: 'PUBLISHED' }),
      'categorySlug and status DRAFT': () => ({ categorySlug: fx.category.slug, status: 'DRAFT' }),
    };
    const LIST = `query($where: ArticleWhereInput, $orderBy: ArticleOrderBy, $after: String) {
      articles(first: 100, where: $where, orderBy: $orderBy, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { ${ARTICLE_FIELDS} } } }
    }`;

    for (const orderBy of ORDERS) {
      for (const [filterName, where] of Object.entries(FILTERS)) {
        it(`articles ordered ${orderBy} with ${filterName} lists published articles only`, async () => {
          const response = await api.query(LIST, { where: where(), orderBy });
          expect(response.errors).toBeUndefined();
          const ids: string[] = response.data!.articles.edges.map((e: { node: { id: string } }) => e.node.id);
          const published = new Set((await api.db.prisma.publishedArticle.findMany({ select: { articleId: true } })).map((p) => p.articleId));
          for (const id of ids) expect(published.has(id), id).toBe(true);
          expect(response.data!.articles.totalCount).toBe(ids.length);
          for (const edge of response.data!.articles.edges) expect(edge.node).toMatchObject({ status: 'PUBLISHED', updatedBy: null });
          const w = where();
          if (w?.categorySlug || w?.treatmentSlug === fx.treatment.slug) expect(ids).toEqual(w?.status && w.status !== 'PUBLISHED' ? [] : [fx.changed.id]);
          if (w?.treatmentSlug === fx.draftTreatment.slug) expect(ids).toEqual([]);
          leaksNothing(response);
        });
      }
    }

    it('search finds no text only a draft holds, and shows published versions only', async () => {
      const SEARCH = `query($q: String!) { search(query: $q, first: 20) { totalCount edges { node { score snippet { html } highlightedTitle { html } document {
        __typename ... on Article { ${FULL_ARTICLE} } ... on Treatment { id slug name summary status } ... on Comparison { id slug title verdict rows { aspect cells { text } } }
      } } } } }`;
      // Every hidden text says "secret", in the draft-only documents and in the drafts of published
      // ones, and in a published comparison's cell for a treatment that is not published.
      const secret = await api.query(SEARCH, { q: 'secret' });
      expect(secret).toEqual({ status: 200, data: { search: { totalCount: 0, edges: [] } } });
      for (const q of ['public', 'public OR comparison OR treatment OR title', 'cost', 'public*']) {
        const response = await api.query(SEARCH, { q });
        expect(response.errors, q).toBeUndefined();
        expect(response.data!.search.totalCount, q).toBeGreaterThan(0);
        for (const edge of response.data!.search.edges) expect(edge.node.document.status ?? 'PUBLISHED', q).toBe('PUBLISHED');
        leaksNothing(response);
      }
    });

    it('treatment(slug).articles and .comparisons show published documents only, as published', async () => {
      const response = await api.query(
        'query($slug: String!) { treatment(slug: $slug) { id name summary status articles(first: 50) { id slug title } comparisons { id slug title verdict } } }',
        { slug: fx.treatment.slug },
      );
      expect(response.errors).toBeUndefined();
      const treatment = response.data!.treatment;
      expect(treatment).toMatchObject({ summary: 'Public summary', status: 'PUBLISHED' });
      expect(treatment.articles).toEqual([{ id: fx.changed.id, slug: fx.changed.slug, title: 'Public title' }]);
      expect(treatment.comparisons).toHaveLength(2);
      expect(treatment.comparisons).toEqual(
        expect.arrayContaining([
          { id: fx.comparison.id, slug: fx.comparison.slug, title: 'Public comparison', verdict: 'Public verdict' },
          { id: fx.mixedComparison.id, slug: fx.mixedComparison.slug, title: 'Mixed comparison', verdict: null },
        ]),
      );
      leaksNothing(response);
    });

    it('comparison(slug).articles and .treatments show published documents only', async () => {
      const response = await api.query('query($slug: String!) { comparison(slug: $slug) { id verdict treatments { id name } articles { id slug title } } }', { slug: fx.comparison.slug });
      expect(response.errors).toBeUndefined();
      expect(response.data!.comparison).toMatchObject({ verdict: 'Public verdict', articles: [{ id: fx.changed.id, title: 'Public title' }] });
      expect(response.data!.comparison.treatments.map((t: { id: string }) => t.id)).toEqual([fx.treatment.id, fx.otherTreatment.id]);
      leaksNothing(response);
    });

    it('a published comparison of a never-published treatment leaves that treatment and its cells out', async () => {
      const response = await api.query(
        'query($slug: String!) { comparison(slug: $slug) { treatments { id name } rows { aspect cells { text treatment { id name } } } } }',
        { slug: fx.mixedComparison.slug },
      );
      expect(response.errors).toBeUndefined();
      expect(response.data!.comparison).toEqual({
        treatments: [
          { id: fx.treatment.id, name: 'Public treatment' },
          { id: fx.otherTreatment.id, name: 'Other public treatment' },
        ],
        rows: [
          {
            aspect: 'Cost',
            cells: [
              { text: 'Public cell', treatment: { id: fx.treatment.id, name: 'Public treatment' } },
              { text: null, treatment: { id: fx.otherTreatment.id, name: 'Other public treatment' } },
            ],
          },
        ],
      });
      leaksNothing(response);
    });

    it('treatment(slug) and comparison(slug) answer null for never-published ones', async () => {
      const treatment = await api.query('query($slug: String!) { treatment(slug: $slug) { id name } }', { slug: fx.draftTreatment.slug });
      const comparison = await api.query('query($slug: String!) { comparison(slug: $slug) { id title } }', { slug: fx.draftComparison.slug });
      expect(treatment).toEqual({ status: 200, data: { treatment: null } });
      expect(comparison).toEqual({ status: 200, data: { comparison: null } });
    });

    it('treatments and comparisons lists, and their filters, show published documents only', async () => {
      const queries: [string, Record<string, unknown>][] = [
        ['{ treatments(first: 100) { totalCount edges { node { id name summary } } } }', {}],
        ['query($slug: String!) { treatments(first: 100, where: { comparedWithSlug: $slug }) { totalCount edges { node { id name } } } }', { slug: fx.treatment.slug }],
        ['query($slug: String!) { treatments(first: 100, where: { categorySlug: $slug }) { totalCount edges { node { id name } } } }', { slug: fx.category.slug }],
        ['{ comparisons(first: 100) { totalCount edges { node { id title verdict } } } }', {}],
        ['query($slug: String!) { comparisons(first: 100, where: { treatmentSlug: $slug }) { totalCount edges { node { id title } } } }', { slug: fx.treatment.slug }],
        ['query($slug: String!) { comparisons(first: 100, where: { treatmentSlug: $slug }) { totalCount edges { node { id title } } } }', { slug: fx.draftTreatment.slug }],
      ];
      for (const [query, variables] of queries) {
        const response = await api.query(query, variables);
        expect(response.errors, query).toBeUndefined();
        leaksNothing(response);
      }
      const comparedWith = await api.query('query($slug: String!) { treatments(where: { comparedWithSlug: $slug }) { edges { node { id } } } }', { slug: fx.treatment.slug });
      expect(comparedWith.data!.treatments.edges).toEqual([{ node: { id: fx.otherTreatment.id } }]);
    });

    const HISTORY: Record<string, () => [string, Record<string, unknown>]> = {
      trash: () => ['{ trash(first: 50) { totalCount edges { node { id slug } } } }', {}],
      articleRevisions: () => ['query($id: ID!) { articleRevisions(id: $id) { totalCount edges { node { version snapshot } } } }', { id: fx.draft.id }],
      treatmentRevisions: () => ['query($id: ID!) { treatmentRevisions(id: $id) { totalCount edges { node { version snapshot } } } }', { id: fx.draftTreatment.id }],
      comparisonRevisions: () => ['query($id: ID!) { comparisonRevisions(id: $id) { totalCount edges { node { version snapshot } } } }', { id: fx.draftComparison.id }],
      revision: () => ['query($id: ID!) { revision(documentId: $id, version: 1) { version snapshot } }', { id: fx.draft.id }],
      compareRevisions: () => ['query($id: ID!, $to: Int!) { compareRevisions(documentId: $id, from: 1, to: $to) { field before after } }', { id: fx.changed.id, to: fx.changed.version + 1 }],
    };
    for (const [field, make] of Object.entries(HISTORY)) {
      it(`${field} is UNAUTHENTICATED for the public and answers nothing`, async () => {
        const [query, variables] = make();
        const response = await api.query(query, variables);
        expect(onlyError(response)).toMatchObject({ path: [field], extensions: { code: 'UNAUTHENTICATED' } });
        expect(response.status).toBe(401);
        expect(response.data?.[field] ?? null).toBeNull();
        leaksNothing(response);
      });
    }

    const PREVIEWS: Record<string, () => [string, Record<string, unknown>]> = {
      article: () => ['query($slug: String!) { article(slug: $slug, preview: true) { id title } }', { slug: fx.draft.slug }],
      articles: () => ['{ articles(preview: true, where: { status: DRAFT }) { totalCount edges { node { id title } } } }', {}],
      treatment: () => ['query($slug: String!) { treatment(slug: $slug, preview: true) { id name } }', { slug: fx.draftTreatment.slug }],
      treatments: () => ['{ treatments(preview: true) { totalCount edges { node { id name } } } }', {}],
      comparison: () => ['query($slug: String!) { comparison(slug: $slug, preview: true) { id title } }', { slug: fx.draftComparison.slug }],
      comparisons: () => ['{ comparisons(preview: true) { totalCount edges { node { id title } } } }', {}],
    };
    for (const [field, make] of Object.entries(PREVIEWS)) {
      it(`${field}(preview: true) is UNAUTHENTICATED for the public and answers nothing`, async () => {
        const [query, variables] = make();
        const response = await api.query(query, variables);
        expect(onlyError(response)).toMatchObject({ path: [field], extensions: { code: 'UNAUTHENTICATED' } });
        expect(response.status).toBe(401);
        expect(response.data?.[field] ?? null).toBeNull();
        leaksNothing(response);
      });

      it(`${field}(preview: true) with a PREVIEW token answers drafts`, async () => {
        const [query, variables] = make();
        const response = await send(actor(PREVIEW), query, variables);
        expect(response.errors).toBeUndefined();
        expect(JSON.stringify(response.data).toLowerCase()).toContain(MARK);
      });
    }

    it('a PREVIEW token sees draft changes, hidden relations, history and the trash', async () => {
      const preview = actor(PREVIEW);
      const changed = await send(preview, `query($slug: String!) { article(slug: $slug, preview: true) { ${FULL_ARTICLE} } }`, { slug: fx.changedSlug });
      expect(changed.errors).toBeUndefined();
      expect(changed.data!.article).toMatchObject({ id: fx.changed.id, title: 'Secret new title', status: 'CHANGED', body: [{ text: 'The SECRET body of the change.' }] });
      expect(changed.data!.article.treatments.map((t: { id: string }) => t.id)).toEqual([fx.treatment.id, fx.draftTreatment.id]);

      const treatment = await send(preview, 'query($slug: String!) { treatment(slug: $slug, preview: true) { summary articles(first: 50) { id } comparisons { id } } }', { slug: fx.treatment.slug });
      expect(treatment.data!.treatment.summary).toBe('Secret treatment summary');
      expect(treatment.data!.treatment.articles.map((a: { id: string }) => a.id)).toEqual(expect.arrayContaining([fx.draft.id, fx.scheduled.id, fx.changed.id]));
      expect(treatment.data!.treatment.comparisons.map((c: { id: string }) => c.id)).toEqual(expect.arrayContaining([fx.comparison.id, fx.draftComparison.id]));

      for (const [field, make] of Object.entries(HISTORY)) {
        const [query, variables] = make();
        const response = await send(preview, query, variables);
        expect(response.errors, field).toBeUndefined();
        expect(JSON.stringify(response.data).toLowerCase(), field).toContain(MARK);
      }
    });

    it('a PREVIEW token without preview: true reads the published versions like the public', async () => {
      const response = await send(actor(PREVIEW), `query($slug: String!) { article(slug: $slug) { ${FULL_ARTICLE} } }`, { slug: fx.changed.slug });
      expect(response.data!.article.title).toBe('Public title');
      expect(response.data!.article.related).toHaveLength(1);
      leaksNothing(response);
    });

    const PREVIEW_WRITES: Record<string, () => [string, Record<string, unknown>]> = {
      updateArticle: () => ['mutation($id: ID!, $v: Int!) { updateArticle(id: $id, input: { title: "Overwritten by preview" }, expectedVersion: $v) { id } }', { id: fx.draft.id, v: fx.draft.version }],
      publishArticle: () => ['mutation($id: ID!, $v: Int!) { publishArticle(id: $id, expectedVersion: $v) { id } }', { id: fx.draft.id, v: fx.draft.version }],
      deleteArticle: () => ['mutation($id: ID!) { deleteArticle(id: $id) }', { id: fx.draft.id }],
      restoreArticle: () => ['mutation($id: ID!) { restoreArticle(id: $id) { id } }', { id: fx.trashed.id }],
    };
    for (const [field, make] of Object.entries(PREVIEW_WRITES)) {
      for (const label of ['PREVIEW (API token)', 'PREVIEW (session)']) {
        it(`a ${label} that can read the drafts cannot write them: ${field} is FORBIDDEN`, async () => {
          const [query, variables] = make();
          const id = String(variables.id);
          const before = await everything();
          const state = await docState('Article', id);
          const response = await send(actor(label), query, variables);
          expectRefused(response, field, 'FORBIDDEN');
          expect(await docState('Article', id)).toEqual(state);
          expect(await everything()).toEqual(before);
        });
      }
    }
  });

  // ---------------------------------------------------------------------------------------------
  // No filtering or ordering on private fields

  describe('no filtering or ordering on private fields', () => {
    const STATUSES = ['DRAFT', 'CHANGED', 'SCHEDULED', 'ARCHIVED'] as const;
    const LIST = 'query($where: ArticleWhereInput, $orderBy: ArticleOrderBy, $first: Int, $after: String) { articles(first: $first, where: $where, orderBy: $orderBy, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id title } } } }';

    let category: { id: string; slug: string };
    let alpha: Doc;
    let bravo: Doc;
    let hidden: Doc;

    beforeAll(async () => {
      category = await succeed(admin, 'mutation($input: CreateCategoryInput!) { createCategory(input: $input) { id slug } }', { input: { slug: uniqueSlug('order-category'), name: 'Ordering' } }, 'createCategory');
      // Published: alpha first (older publication date), then bravo.
      alpha = await makeDoc(admin, 'Article', { publish: true, input: { title: 'Alpha (public)', categoryId: category.id, publishedAt: '2020-01-01T00:00:00.000Z' } });
      bravo = await makeDoc(admin, 'Article', { publish: true, input: { title: 'Bravo (public)', categoryId: category.id, publishedAt: '2021-01-01T00:00:00.000Z' } });
      hidden = await makeDoc(admin, 'Article', { input: { title: 'Aaa secret draft', categoryId: category.id, publishedAt: '2040-01-01T00:00:00.000Z' } });
      // Drafts of every other hidden status, for the status filter (outside the category).
      await makeDoc(admin, 'Article', { schedule: true, input: { title: 'Secret scheduled' } });
      const archived = await makeDoc(admin, 'Article', { publish: true, input: { title: 'Secret archived' } });
      await succeed(admin, 'mutation($id: ID!) { unpublishArticle(id: $id) { id } }', { id: archived.id }, 'unpublishArticle');
      // Draft changes that reverse every ordering: bravo edited first, then alpha (most recently edited),
      // with titles and dates that sort the other way round.
      const update = 'mutation($id: ID!, $v: Int!, $input: UpdateArticleInput!) { updateArticle(id: $id, input: $input, expectedVersion: $v) { id } }';
      await succeed(admin, update, { id: bravo.id, v: bravo.version, input: { title: 'Aardvark secret', publishedAt: '2000-01-01T00:00:00.000Z' } }, 'updateArticle');
      await new Promise((resolve) => setTimeout(resolve, 20));
      await succeed(admin, update, { id: alpha.id, v: alpha.version, input: { title: 'Zulu secret', publishedAt: '2030-01-01T00:00:00.000Z' } }, 'updateArticle');
    });

    for (const status of STATUSES) {
      it(`the public articles(where: { status: ${status} }) answers nothing`, async () => {
        // There is something to find: drafts with this status exist.
        const preview = await send(actor('PREVIEW (API token)'), LIST.replace('articles(', 'articles(preview: true, '), { where: { status }, first: 100 });
        expect(preview.data!.articles.totalCount).toBeGreaterThan(0);

        for (const where of [{ status }, { status, categorySlug: category.slug }]) {
          const response = await api.query(LIST, { where, first: 100 });
          expect(response.errors).toBeUndefined();
          expect(response.data!.articles).toEqual({ totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, edges: [] });
        }
      });
    }

    it('the public articles(where: { status: PUBLISHED }) answers exactly the published articles', async () => {
      const response = await api.query(LIST, { where: { status: 'PUBLISHED' }, first: 100 });
      expect(response.data!.articles.totalCount).toBe(await api.db.prisma.publishedArticle.count());
      const inCategory = await api.query(LIST, { where: { status: 'PUBLISHED', categorySlug: category.slug }, first: 100, orderBy: 'TITLE_ASC' });
      expect(inCategory.data!.articles.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([alpha.id, bravo.id]);
    });

    const EXPECTED: Record<string, { public: () => string[]; drafts: () => string[] }> = {
      TITLE_ASC: { public: () => [alpha.id, bravo.id], drafts: () => [hidden.id, bravo.id, alpha.id] },
      PUBLISHED_AT_DESC: { public: () => [bravo.id, alpha.id], drafts: () => [hidden.id, alpha.id, bravo.id] },
      UPDATED_AT_DESC: { public: () => [bravo.id, alpha.id], drafts: () => [alpha.id, bravo.id, hidden.id] },
    };
    for (const [orderBy, expected] of Object.entries(EXPECTED)) {
      it(`ordering the public list ${orderBy} uses the published values and cannot reveal drafts`, async () => {
        // Drafts sort differently: the ordering would tell if draft values leaked into it.
        const preview = await send(actor('PREVIEW (API token)'), LIST.replace('articles(', 'articles(preview: true, '), { where: { categorySlug: category.slug }, orderBy, first: 100 });
        expect(preview.data!.articles.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual(expected.drafts());

        const response = await api.query(LIST, { where: { categorySlug: category.slug }, orderBy, first: 100 });
        expect(response.errors).toBeUndefined();
        expect(response.data!.articles.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual(expected.public());
        expect(response.data!.articles.totalCount).toBe(2);
        expect(JSON.stringify(response).toLowerCase()).not.toContain('secret');

        // Page by page, through cursors, the same order and nothing more.
        const paged: string[] = [];
        let after: string | null = null;
        for (let page = 0; page < 5; page += 1) {
          const next: GraphQLResponse<Record<string, any>> = await api.query(LIST, { where: { categorySlug: category.slug }, orderBy, first: 1, after });
          expect(next.errors).toBeUndefined();
          expect(JSON.stringify(next).toLowerCase()).not.toContain('secret');
          paged.push(...next.data!.articles.edges.map((e: { node: { id: string } }) => e.node.id));
          if (!next.data!.articles.pageInfo.hasNextPage) break;
          after = next.data!.articles.pageInfo.endCursor;
        }
        expect(paged).toEqual(expected.public());
      });
    }
  });
});
