import { z } from 'zod';
import { LIMITS, optionalText, slug, text } from '../shared/validation.js';

export const createTagInput = z.object({
  slug,
  name: text(LIMITS.name),
  description: optionalText(LIMITS.summary),
});

export const updateTagInput = z.object({
  slug: slug.optional(),
  name: text(LIMITS.name).optional(),
  description: optionalText(LIMITS.summary),
});
