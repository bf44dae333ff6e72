/**
 * Bearer credentials: random strings shown once, stored only as their SHA-256. The prefix tells
 * what a token is (and lets secret scanners recognise it) without a database lookup.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export const SESSION_PREFIX = 'cms_s_';
export const API_TOKEN_PREFIX = 'cms_t_';

/** A new token: the prefix and 32 random bytes (256 bits), base64url. */
export function newToken(prefix: string): string {
  return prefix + randomBytes(32).toString('base64url');
}

/** What is stored and looked up: a fast hash is enough for 256-bit random secrets. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Compares two secrets in time that does not depend on where they differ. */
export function sameSecret(a: string, b: string): boolean {
  return timingSafeEqual(createHash('sha256').update(a).digest(), createHash('sha256').update(b).digest());
}
