import { z } from 'zod';
import { LIMITS, imageUrl, optionalText, text } from '../shared/validation.js';

const dimension = z.number().int().min(1, 'must be a positive number of pixels').max(20_000, 'must be at most 20000 pixels').nullish();

export const imageInput = z.object({
  url: imageUrl,
  alt: text(LIMITS.shortText),
  credit: optionalText(LIMITS.shortText),
  width: dimension,
  height: dimension,
});
