/**
 * Brute-force protection for password checks: every attempt (each aliased `login` in one
 * request counts) is charged to the client address and the email before the password is
 * checked. The limits themselves live in src/security.
 */
import type { Context } from '../context.js';
import { consumeLoginAttempt } from '../security/rate-limits.js';

export function guardLoginAttempt(ctx: Pick<Context, 'rateLimits' | 'request'>, email: string): Promise<void> {
  return consumeLoginAttempt(ctx.rateLimits, ctx.request.ip, email);
}
