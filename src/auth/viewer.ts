/**
 * Who is calling. A request without credentials is anonymous (`null`); a request with a
 * credential that does not check out is refused outright rather than treated as anonymous, so a
 * mistyped token never silently turns an editor into the public.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { unauthenticated } from '../errors.js';

export type Role = 'ADMIN';

export interface Viewer {
  /** A stable identity for logs and, later, revision authorship. */
  id: string;
  role: Role;
}

export type Authenticate = (authorization: string | undefined) => Viewer | null;

/** Builds the authenticator for one server: today the only credential is the admin token. */
export function createAuthenticator(adminToken: string): Authenticate {
  const adminDigest = digest(adminToken);
  return (authorization) => {
    if (authorization === undefined || authorization.trim() === '') return null;
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    if (!match?.[1]) {
      throw unauthenticated('The Authorization header must be "Bearer <token>".');
    }
    // Compare digests, not the strings, so the comparison takes the same time whatever the input.
    if (!timingSafeEqual(digest(match[1]), adminDigest)) {
      throw unauthenticated('The token is not valid.');
    }
    return { id: 'admin-token', role: 'ADMIN' };
  };
}

function digest(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}
