import { z } from 'zod';
import { bodyInput } from '../content/body.js';
import { LIMITS, optionalText, slug, text } from '../shared/validation.js';

const otherNames = z
  .array(text(LIMITS.name))
  .max(20, 'must have at most 20 names')
  .refine((names) => new Set(names.map((n) => n.toLowerCase())).size === names.length, 'must not repeat a name');

export const createTreatmentInput = z.object({
  slug,
  name: text(LIMITS.name),
  summary: optionalText(LIMITS.summary),
  description: bodyInput.optional(),
  otherNames: otherNames.optional(),
});

export const updateTreatmentInput = z.object({
  slug: slug.optional(),
  name: text(LIMITS.name).optional(),
  summary: optionalText(LIMITS.summary),
  description: bodyInput.nullish().transform((v) => (v === null ? [] : v)),
  otherNames: otherNames.nullish().transform((v) => (v === null ? [] : v)),
});
