/**
 * Who is calling. A request without credentials is anonymous (`null`); a request with a
 * credential that does not check out is refused outright rather than treated as anonymous, so a
 * mistyped, expired or revoked token never silently turns an editor into the public.
 */
import { unauthenticated } from '../errors.js';
import type { Role } from '../__generated__/prisma/client.js';
import type { PrismaClient } from '../db/client.js';
import { API_TOKEN_PREFIX, SESSION_PREFIX, sameSecret, tokenHash } from './tokens.js';

export type { Role };

export interface Viewer {
  /** A stable identity for revisions and logs: a user id, `token:<id>`, or a built-in name. */
  id: string;
  role: Role;
  /** How the caller signed in. */
  kind: 'admin-token' | 'session' | 'api-token' | 'system';
  userId?: string;
  sessionId?: string;
  tokenId?: string;
}

export type Authenticate = (authorization: string | undefined) => Promise<Viewer | null>;

/** Skip writing lastUsedAt more often than this: a write per request would be a cost, not a record. */
const LAST_USED_RESOLUTION_MS = 60_000;

/** Builds the authenticator: the bootstrap admin token, sessions, and API tokens. */
export function createAuthenticator(prisma: PrismaClient, adminToken: string): Authenticate {
  return async (authorization) => {
    if (authorization === undefined || authorization.trim() === '') return null;
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    if (!match?.[1]) throw unauthenticated('The Authorization header must be "Bearer <token>".');
    const token = match[1];
    if (sameSecret(token, adminToken)) return { id: 'admin-token', role: 'ADMIN', kind: 'admin-token' };

    const now = new Date();
    if (token.startsWith(SESSION_PREFIX)) {
      const session = await prisma.session.findUnique({ where: { tokenHash: tokenHash(token) }, include: { user: true } });
      if (session && !session.revokedAt && session.expiresAt > now && !session.user.disabledAt) {
        if (!session.lastUsedAt || now.getTime() - session.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
          await prisma.session.update({ where: { id: session.id }, data: { lastUsedAt: now } });
        }
        return { id: session.userId, role: session.user.role, kind: 'session', userId: session.userId, sessionId: session.id };
      }
    } else if (token.startsWith(API_TOKEN_PREFIX)) {
      const apiToken = await prisma.apiToken.findUnique({ where: { tokenHash: tokenHash(token) } });
      if (apiToken && !apiToken.revokedAt && (!apiToken.expiresAt || apiToken.expiresAt > now)) {
        if (!apiToken.lastUsedAt || now.getTime() - apiToken.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
          await prisma.apiToken.update({ where: { id: apiToken.id }, data: { lastUsedAt: now } });
        }
        return { id: `token:${apiToken.id}`, role: apiToken.role, kind: 'api-token', tokenId: apiToken.id };
      }
    }
    throw unauthenticated('The token is not valid: it may be mistyped, expired or revoked.');
  };
}
