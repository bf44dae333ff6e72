import { z } from 'zod';
import { bodyInput } from '../content/body.js';
import { imageInput } from '../images/images.validation.js';
import { relatedLinks } from '../links/links.validation.js';
import { LIMITS, id, idList, optionalText, slug, text } from '../shared/validation.js';

const experts = z
  .array(z.object({ personId: id, role: z.enum(['AUTHOR', 'QUOTED', 'REVIEWER']) }))
  .max(LIMITS.references, `must have at most ${LIMITS.references} entries`)
  .refine(
    (list) => new Set(list.map((e) => `${e.personId}/${e.role}`)).size === list.length,
    'must not name the same person twice in the same role',
  );

const articleFields = {
  dek: optionalText(LIMITS.shortText),
  summary: optionalText(LIMITS.summary),
  categoryId: id.nullish(),
  heroImage: imageInput.nullish(),
  publishedAt: z.date().nullish(),
};

export const createArticleInput = z.object({
  slug,
  title: text(LIMITS.title),
  ...articleFields,
  body: bodyInput.optional(),
  experts: experts.optional(),
  treatmentIds: idList().optional(),
  comparisonIds: idList().optional(),
  tagIds: idList(LIMITS.tags).optional(),
  related: relatedLinks.optional(),
});

/** Lists given as null are cleared, like an empty list. */
function clearable<S extends z.ZodType<unknown[]>>(schema: S) {
  return schema.nullish().transform((v) => (v === null ? [] : v) as z.output<S> | undefined);
}

export const updateArticleInput = z.object({
  slug: slug.optional(),
  title: text(LIMITS.title).optional(),
  ...articleFields,
  body: clearable(bodyInput),
  experts: clearable(experts),
  treatmentIds: clearable(idList()),
  comparisonIds: clearable(idList()),
  tagIds: clearable(idList(LIMITS.tags)),
  related: clearable(relatedLinks),
});

export type ArticleInputData = z.output<typeof updateArticleInput>;
