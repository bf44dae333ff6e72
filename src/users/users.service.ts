/**
 * Accounts and sessions: signing in and out, passwords, and user management (admins only).
 */
import type { CreateUserInput, UpdateUserInput } from '../__generated__/graphql.js';
import type { User } from '../__generated__/prisma/client.js';
import { hashPassword, verifyPassword } from '../auth/passwords.js';
import { authorize } from '../auth/policy.js';
import { newToken, SESSION_PREFIX, tokenHash } from '../auth/tokens.js';
import type { Viewer } from '../auth/viewer.js';
import { inTransaction, type Context, type ServiceContext } from '../context.js';
import { badUserInput, fromPrismaError, notFound, unauthenticated } from '../errors.js';
import { existingId } from '../shared/ids.js';
import { pageQuery, toConnection, type ConnectionMapper, type KeysetOrder, type PageArgs } from '../shared/pagination.js';
import { parseInput } from '../shared/validation.js';
import { createUserInput, password as passwordRule, updateUserInput } from './users.validation.js';
import { guardLoginAttempt } from './login-attempts.js';

/** How long a session lasts: short, so a stolen one is worth little. */
export const SESSION_TTL_MS = 8 * 60 * 60 * 1000;

export interface LoginResult {
  token: string;
  expiresAt: Date;
  user: User;
}

/** Signs in; wrong email and wrong password get the same answer in the same time. */
export async function login(ctx: Context, email: string, password: string): Promise<LoginResult> {
  const normalized = email.trim().toLowerCase();
  await guardLoginAttempt(ctx, normalized);
  const user = await ctx.prisma.user.findUnique({ where: { email: normalized } });
  const valid = await verifyPassword(user?.passwordHash ?? null, password);
  if (!user || !valid || user.disabledAt) throw unauthenticated('The email or password is wrong.');
  const token = newToken(SESSION_PREFIX);
  const expiresAt = new Date(Date.now() + SESSION_TTL_MS);
  await ctx.prisma.session.create({ data: { userId: user.id, tokenHash: tokenHash(token), expiresAt } });
  return { token, expiresAt, user };
}

/** Ends the current session at once. */
export async function logout(ctx: ServiceContext): Promise<boolean> {
  const viewer = requireSession(ctx.viewer);
  await ctx.prisma.session.update({ where: { id: viewer.sessionId }, data: { revokedAt: new Date() } });
  return true;
}

/** Changes the signed-in user's password after checking the current one; ends their other sessions. */
export async function changePassword(ctx: Context, currentPassword: string, newPassword: string): Promise<boolean> {
  const viewer = requireSession(ctx.viewer);
  const next = parseInput(passwordRule, newPassword, 'newPassword');
  const user = await ctx.prisma.user.findUniqueOrThrow({ where: { id: viewer.userId } });
  await guardLoginAttempt(ctx, user.email);
  if (!(await verifyPassword(user.passwordHash, currentPassword))) {
    throw badUserInput([{ path: 'currentPassword', message: 'is wrong' }]);
  }
  const passwordHash = await hashPassword(next);
  await inTransaction(ctx, async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash } });
    await tx.session.updateMany({ where: { userId: user.id, revokedAt: null, NOT: { id: viewer.sessionId } }, data: { revokedAt: new Date() } });
  });
  return true;
}

function requireSession(viewer: Viewer | null): Viewer & { sessionId: string; userId: string } {
  if (!viewer) throw unauthenticated('This needs a signed-in session: send "Authorization: Bearer <session token>".');
  if (viewer.kind !== 'session' || !viewer.sessionId || !viewer.userId) {
    throw badUserInput([{ path: 'authorization', message: 'is not a session: only a signed-in user can do this (revoke API tokens with revokeApiToken)' }]);
  }
  return viewer as Viewer & { sessionId: string; userId: string };
}

const byEmail: KeysetOrder = { field: 'email', direction: 'asc' };

export async function list(ctx: ServiceContext, args: PageArgs): Promise<ConnectionMapper<User>> {
  authorize(ctx.viewer, 'users:manage');
  const query = pageQuery(args, byEmail);
  const rows = await ctx.prisma.user.findMany({ where: query.after ?? {}, orderBy: query.orderBy, take: query.take });
  return toConnection(rows, query, byEmail, Boolean(args.after), () => ctx.prisma.user.count());
}

export async function create(ctx: ServiceContext, input: CreateUserInput): Promise<User> {
  authorize(ctx.viewer, 'users:manage');
  const { password, ...data } = parseInput(createUserInput, input);
  try {
    return await ctx.prisma.user.create({ data: { ...data, passwordHash: await hashPassword(password) } });
  } catch (error) {
    throw fromPrismaError(error, 'user');
  }
}

/** Renames, changes the role of, or disables a user; disabling ends their sessions at once. */
export async function update(ctx: ServiceContext, id: string, input: UpdateUserInput): Promise<User> {
  authorize(ctx.viewer, 'users:manage');
  const userId = existingId('user', id);
  const { disabled, ...data } = parseInput(updateUserInput, input);
  return inTransaction(ctx, async (tx) => {
    const current = await tx.user.findUnique({ where: { id: userId } });
    if (!current) throw notFound('user', id);
    const disabledAt = disabled === undefined || disabled === null ? undefined : disabled ? (current.disabledAt ?? new Date()) : null;
    if (disabledAt) await tx.session.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: new Date() } });
    return tx.user.update({ where: { id: userId }, data: { ...data, disabledAt } });
  });
}

/** The `me` query: the credential's identity (null for the public). */
export function me(ctx: Context): Viewer | null {
  return ctx.viewer;
}

/** The user behind a session viewer, or null for other credentials. */
export function userOf(ctx: Context, viewer: Viewer): Promise<User | null> | null {
  return viewer.userId ? ctx.prisma.user.findUnique({ where: { id: viewer.userId } }) : null;
}
