import { z } from 'zod';
import { LIMITS, id, linkUrl, optionalText } from '../shared/validation.js';

const relatedLink = z
  .object({
    kind: z.enum(['RELATED_ARTICLE', 'TRENDING_TOPIC', 'EXTERNAL_REFERENCE']),
    articleId: id.nullish(),
    url: linkUrl.nullish(),
    label: optionalText(LIMITS.title),
  })
  .superRefine((link, ctx) => {
    if (Boolean(link.articleId) === Boolean(link.url)) {
      ctx.addIssue({ code: 'custom', path: ['articleId'], message: 'give exactly one of articleId (an article of ours) or url' });
    } else if (link.url && !link.label) {
      ctx.addIssue({ code: 'custom', path: ['label'], message: 'is required for a link to a URL' });
    }
    if (link.kind === 'EXTERNAL_REFERENCE' && link.articleId) {
      ctx.addIssue({ code: 'custom', path: ['kind'], message: 'EXTERNAL_REFERENCE links need a url, not an articleId' });
    }
  });

export type RelatedLinkData = z.output<typeof relatedLink>;

export const relatedLinks = z.array(relatedLink).max(LIMITS.links, `must have at most ${LIMITS.links} links`);
