import type { ArticleView } from '../articles/articles.snapshot.js';
import type { ComparisonView } from '../comparisons/comparisons.snapshot.js';
import type { TreatmentView } from '../treatments/treatments.snapshot.js';
import type { Snippet } from './snippet.js';

/** One search hit: the published document it found, its score and highlights. */
export interface SearchHitMapper {
  document: ArticleView | TreatmentView | ComparisonView;
  score: number;
  snippet: Snippet;
  highlightedTitle: Snippet;
}
