/**
 * Accounts and credentials: users sign in for short-lived sessions, admins manage users and
 * API tokens, and revoking or ending a credential takes effect at once.
 */
import { describe, expect, it } from 'vitest';
import { onlyError, useTestApi, type TestApi } from './setup/server.js';

const LOGIN = 'mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token expiresAt user { id email role } } }';
const ME = '{ me { id role kind user { email name role } } }';
const CREATE_USER = 'mutation($input: CreateUserInput!) { createUser(input: $input) { id email name role disabled } }';
const UPDATE_USER = 'mutation($id: ID!, $input: UpdateUserInput!) { updateUser(id: $id, input: $input) { id name role disabled } }';
const CREATE_TOKEN = 'mutation($input: CreateApiTokenInput!) { createApiToken(input: $input) { token apiToken { id name role expiresAt revokedAt createdBy } } }';

let counter = 0;
async function makeUser(api: TestApi, role: string, password = 'correct horse battery staple') {
  counter += 1;
  const email = `user${counter}@example.org`;
  const { data, errors } = await api.asEditor(CREATE_USER, { input: { email, name: `User ${counter}`, role, password } });
  if (errors) throw new Error(JSON.stringify(errors));
  return { ...data!.createUser, email, password };
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe('accounts', () => {
  const api = useTestApi();

  it('signs a user in for a session that identifies them', async () => {
    const user = await makeUser(api, 'EDITOR');
    const { data, errors } = await api.query(LOGIN, { email: user.email.toUpperCase(), password: user.password });
    expect(errors).toBeUndefined();
    expect(data!.login.token).toMatch(/^cms_s_[A-Za-z0-9_-]{43}$/);
    expect(new Date(data!.login.expiresAt).getTime()).toBeGreaterThan(Date.now());
    expect(data!.login.user).toEqual({ id: user.id, email: user.email, role: 'EDITOR' });

    const me = await api.send(ME, undefined, bearer(data!.login.token));
    expect(me.data!.me).toEqual({ id: user.id, role: 'EDITOR', kind: 'SESSION', user: { email: user.email, name: user.name, role: 'EDITOR' } });
    expect((await api.query(ME)).data).toEqual({ me: null });
  });

  it('stores passwords only as Argon2id hashes and session tokens only as hashes', async () => {
    const user = await makeUser(api, 'AUTHOR');
    const stored = await api.db.prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(stored.passwordHash).not.toContain(user.password);
    const { data } = await api.query(LOGIN, { email: user.email, password: user.password });
    const sessions = await api.db.prisma.session.findMany({ where: { userId: user.id } });
    expect(sessions.map((s) => s.tokenHash)).not.toContain(data!.login.token);
    expect(sessions[0]!.tokenHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('answers a wrong password and an unknown email alike', async () => {
    const user = await makeUser(api, 'EDITOR');
    const wrong = onlyError(await api.query(LOGIN, { email: user.email, password: 'not the password at all' }));
    const unknown = onlyError(await api.query(LOGIN, { email: 'nobody@example.org', password: 'not the password at all' }));
    expect(wrong).toMatchObject({ message: 'The email or password is wrong.', extensions: { code: 'UNAUTHENTICATED' } });
    expect(unknown).toMatchObject({ message: 'The email or password is wrong.', extensions: { code: 'UNAUTHENTICATED' } });
    expect(await api.db.prisma.session.count({ where: { userId: user.id } })).toBe(0);
  });

  it('ends the session at once on logout', async () => {
    const user = await makeUser(api, 'EDITOR');
    const token = (await api.query(LOGIN, { email: user.email, password: user.password })).data!.login.token;
    expect((await api.send('mutation { logout }', undefined, bearer(token))).data).toEqual({ logout: true });
    const after = await api.send(ME, undefined, bearer(token));
    expect(after.status).toBe(401);
    expect(onlyError(after).extensions.code).toBe('UNAUTHENTICATED');
  });

  it('refuses an expired session', async () => {
    const user = await makeUser(api, 'EDITOR');
    const token = (await api.query(LOGIN, { email: user.email, password: user.password })).data!.login.token;
    await api.db.prisma.session.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(onlyError(await api.send(ME, undefined, bearer(token))).extensions.code).toBe('UNAUTHENTICATED');
  });

  it('changes a password after checking the current one, ending the other sessions', async () => {
    const user = await makeUser(api, 'AUTHOR');
    const first = (await api.query(LOGIN, { email: user.email, password: user.password })).data!.login.token;
    const second = (await api.query(LOGIN, { email: user.email, password: user.password })).data!.login.token;
    const CHANGE = 'mutation($current: String!, $next: String!) { changePassword(currentPassword: $current, newPassword: $next) }';

    const wrong = onlyError(await api.send(CHANGE, { current: 'wrong password!!', next: 'a brand new passphrase' }, bearer(first)));
    expect(wrong.extensions).toMatchObject({ code: 'BAD_USER_INPUT', issues: [{ path: 'currentPassword', message: 'is wrong' }] });
    const short = onlyError(await api.send(CHANGE, { current: user.password, next: 'short' }, bearer(first)));
    expect(short.extensions).toMatchObject({ code: 'BAD_USER_INPUT', issues: [{ path: 'newPassword', message: 'must be at least 12 characters' }] });

    expect((await api.send(CHANGE, { current: user.password, next: 'a brand new passphrase' }, bearer(first))).data).toEqual({ changePassword: true });
    expect((await api.send(ME, undefined, bearer(first))).data!.me.id).toBe(user.id);
    expect(onlyError(await api.send(ME, undefined, bearer(second))).extensions.code).toBe('UNAUTHENTICATED');
    expect(onlyError(await api.query(LOGIN, { email: user.email, password: user.password })).extensions.code).toBe('UNAUTHENTICATED');
    expect((await api.query(LOGIN, { email: user.email, password: 'a brand new passphrase' })).errors).toBeUndefined();
  });

  describe('user management', () => {
    it('validates new users and refuses a taken email', async () => {
      const error = onlyError(await api.asEditor(CREATE_USER, { input: { email: 'not-an-email', name: ' ', role: 'EDITOR', password: 'short' } }));
      expect(error.extensions.code).toBe('BAD_USER_INPUT');
      expect(error.extensions.issues.map((i: { path: string }) => i.path).sort()).toEqual(['input.email', 'input.name', 'input.password']);
      const user = await makeUser(api, 'EDITOR');
      const taken = onlyError(await api.asEditor(CREATE_USER, { input: { email: user.email.toUpperCase(), name: 'Twin', role: 'EDITOR', password: 'another long password' } }));
      expect(taken.extensions.code).toBe('CONFLICT');
    });

    it('applies a role change at once and ends a disabled user\'s sessions', async () => {
      const user = await makeUser(api, 'EDITOR');
      const token = (await api.query(LOGIN, { email: user.email, password: user.password })).data!.login.token;
      await api.asEditor(UPDATE_USER, { id: user.id, input: { role: 'PREVIEW' } });
      expect((await api.send(ME, undefined, bearer(token))).data!.me.role).toBe('PREVIEW');
      const disabled = await api.asEditor(UPDATE_USER, { id: user.id, input: { disabled: true } });
      expect(disabled.data!.updateUser).toMatchObject({ disabled: true });
      expect(onlyError(await api.send(ME, undefined, bearer(token))).extensions.code).toBe('UNAUTHENTICATED');
      expect(onlyError(await api.query(LOGIN, { email: user.email, password: user.password })).extensions.code).toBe('UNAUTHENTICATED');
    });

    it('lists users for admins only', async () => {
      const editor = await makeUser(api, 'EDITOR');
      const token = (await api.query(LOGIN, { email: editor.email, password: editor.password })).data!.login.token;
      const listed = await api.asEditor('{ users(first: 100) { totalCount edges { node { email } } } }');
      expect(listed.data!.users.edges).toContainEqual({ node: { email: editor.email } });
      expect(onlyError(await api.send('{ users { totalCount } }', undefined, bearer(token))).extensions.code).toBe('FORBIDDEN');
    });
  });

  describe('API tokens', () => {
    it('shows the token once, stores only its hash, and lets it act with its role', async () => {
      const { data, errors } = await api.asEditor(CREATE_TOKEN, { input: { name: 'Preview site', role: 'PREVIEW' } });
      expect(errors).toBeUndefined();
      const { token, apiToken } = data!.createApiToken;
      expect(token).toMatch(/^cms_t_[A-Za-z0-9_-]{43}$/);
      expect(apiToken).toMatchObject({ name: 'Preview site', role: 'PREVIEW', expiresAt: null, revokedAt: null, createdBy: 'admin-token' });
      const stored = await api.db.prisma.apiToken.findUniqueOrThrow({ where: { id: apiToken.id } });
      expect(stored.tokenHash).not.toBe(token);
      expect(JSON.stringify(await api.asEditor('{ apiTokens { edges { node { id name } } } }'))).not.toContain(token);

      const me = await api.send(ME, undefined, bearer(token));
      expect(me.data!.me).toEqual({ id: `token:${apiToken.id}`, role: 'PREVIEW', kind: 'API_TOKEN', user: null });
      expect((await api.db.prisma.apiToken.findUniqueOrThrow({ where: { id: apiToken.id } })).lastUsedAt).not.toBeNull();
    });

    it('stops working at once when revoked, and after it expires', async () => {
      const created = (await api.asEditor(CREATE_TOKEN, { input: { name: 'Importer', role: 'EDITOR' } })).data!.createApiToken;
      const revoked = await api.asEditor('mutation($id: ID!) { revokeApiToken(id: $id) { id revokedAt } }', { id: created.apiToken.id });
      expect(revoked.data!.revokeApiToken.revokedAt).not.toBeNull();
      expect(onlyError(await api.send(ME, undefined, bearer(created.token))).extensions.code).toBe('UNAUTHENTICATED');

      const expiring = (await api.asEditor(CREATE_TOKEN, { input: { name: 'Short', role: 'EDITOR', expiresAt: new Date(Date.now() + 60_000).toISOString() } })).data!.createApiToken;
      expect((await api.send(ME, undefined, bearer(expiring.token))).data!.me.role).toBe('EDITOR');
      await api.db.prisma.apiToken.update({ where: { id: expiring.apiToken.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
      expect(onlyError(await api.send(ME, undefined, bearer(expiring.token))).extensions.code).toBe('UNAUTHENTICATED');
    });

    it('refuses an expiry in the past', async () => {
      const error = onlyError(await api.asEditor(CREATE_TOKEN, { input: { name: 'Late', role: 'EDITOR', expiresAt: new Date(Date.now() - 60_000).toISOString() } }));
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', issues: [{ path: 'input.expiresAt', message: 'must be in the future' }] });
    });
  });
});
