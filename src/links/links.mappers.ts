export type { RelatedLink as RelatedLinkMapper } from '../__generated__/prisma/client.js';
