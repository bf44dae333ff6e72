import { z } from 'zod';
import { LIMITS, optionalText, slug, text } from '../shared/validation.js';

export const createPersonInput = z.object({
  slug,
  name: text(LIMITS.name),
  credentials: optionalText(LIMITS.name),
  jobTitle: optionalText(LIMITS.name),
  bio: optionalText(LIMITS.longText),
});

export const updatePersonInput = z.object({
  slug: slug.optional(),
  name: text(LIMITS.name).optional(),
  credentials: optionalText(LIMITS.name),
  jobTitle: optionalText(LIMITS.name),
  bio: optionalText(LIMITS.longText),
});
