import type { RelatedLinkKind } from '../__generated__/prisma/client.js';
import type { ArticleView } from '../articles/articles.snapshot.js';

/** A related link with its target resolved for the stage being read. */
export interface RelatedLinkMapper {
  kind: RelatedLinkKind;
  label: string;
  url: string;
  article: ArticleView | null;
}
