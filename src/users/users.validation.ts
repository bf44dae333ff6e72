import { z } from 'zod';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../auth/passwords.js';
import { LIMITS, text } from '../shared/validation.js';

const role = z.enum(['ADMIN', 'EDITOR', 'AUTHOR', 'PREVIEW']);

export const password = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `must be at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(PASSWORD_MAX_LENGTH, `must be at most ${PASSWORD_MAX_LENGTH} characters`);

export const email = z
  .string()
  .trim()
  .max(254, 'must be at most 254 characters')
  .pipe(z.email('is not an email address'))
  .transform((value) => value.toLowerCase());

export const createUserInput = z.object({ email, name: text(LIMITS.name), role, password });

export const updateUserInput = z.object({
  name: text(LIMITS.name).optional(),
  role: role.optional(),
  disabled: z.boolean().nullish(),
});
