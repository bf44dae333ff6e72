/**
 * The plain text search indexes for each kind of document, extracted from the snapshot the
 * published version stores. Pure: the app (search.index.ts) and the benchmark's bulk loader
 * (bench/corpus.ts) both call it, so both index exactly the same text.
 */
import type { ArticleSnapshot } from '../articles/articles.snapshot.js';
import type { ComparisonSnapshot } from '../comparisons/comparisons.snapshot.js';
import type { BodyBlock } from '../content/body.js';
import { spansText } from '../content/body.js';
import type { TreatmentSnapshot } from '../treatments/treatments.snapshot.js';

/**
 * Bump when what is extracted changes: rows written by an older extraction are rebuilt at the
 * next start (see reindexSearch).
 */
export const SEARCH_TEXT_VERSION = 1;

/**
 * The most body text indexed per document, in characters. A tsvector holds at most 1 MB and
 * positions up to 16,383, and ts_headline re-reads the text for every hit shown: past this, a
 * body is cut (at a word) rather than refused.
 */
export const MAX_INDEXED_BODY_CHARS = 100_000;

/**
 * What '<' is indexed (and highlighted) as. PostgreSQL's text-search parser reads its input as
 * HTML: `<b>` or `<script>` become tags, and ts_headline drops the words between `<` and `>`.
 * Our content is plain text, so '<' is stored as U+FF1C (FULLWIDTH LESS-THAN SIGN), which the
 * parser treats as punctuation on both engines; snippets turn it back into '<' (snippet.ts).
 */
export const LESS_THAN_STANDIN = '\uFF1C';

/** The three weighted parts of a document's text: A, B and C. */
/**
 * SQL for a document's summary and body as lines, over a row `d` with `summary` and `body`
 * columns. The index stores one vector per line (`lineVectors`, search.index.ts) and snippets
 * pair those vectors with the lines split again at query time (snippet.ts): both must split
 * the same way, so both use this.
 */
export const SEARCH_LINES_SQL = String.raw`string_to_array(concat_ws(E'\n', nullif(d.summary, ''), nullif(d.body, '')), E'\n')`;

export interface SearchText {
  title: string;
  summary: string;
  body: string;
}

export function articleSearchText(article: Pick<ArticleSnapshot, 'title' | 'dek' | 'summary' | 'body'>): SearchText {
  return searchText(article.title, [article.dek, article.summary], blocksText(article.body));
}

/** A treatment's other names count as summary: they are how readers may know it. */
export function treatmentSearchText(treatment: Pick<TreatmentSnapshot, 'name' | 'summary' | 'description' | 'otherNames'>): SearchText {
  return searchText(treatment.name, [treatment.summary, treatment.otherNames.join(', ')], blocksText(treatment.description));
}

/**
 * A comparison's cells count only for the treatments readers can see (`visibleTreatmentIds`, the
 * published ones), as on its page: a published comparison keeps the column of a treatment that is
 * not published (yet, or any more), and its cells must not be found.
 */
export function comparisonSearchText(comparison: Pick<ComparisonSnapshot, 'title' | 'intro' | 'verdict' | 'rows'>, visibleTreatmentIds: ReadonlySet<string>): SearchText {
  const rows = comparison.rows.flatMap((row) => [row.aspect, ...row.cells.filter((cell) => visibleTreatmentIds.has(cell.treatmentId)).map((cell) => cell.text)]);
  return searchText(comparison.title, [comparison.intro, comparison.verdict], rows);
}

/** The readable text of body blocks, one line per block (list items each on theirs). */
export function blocksText(blocks: readonly BodyBlock[]): string[] {
  return blocks.flatMap((block): string[] => {
    switch (block.type) {
      case 'heading':
        return [block.text];
      case 'paragraph':
        return [spansText(block.spans)];
      case 'list':
        return block.items.map((item) => spansText(item.spans));
      case 'quote':
        return [block.attribution ? `${block.text} (${block.attribution})` : block.text];
      case 'image':
        // The caption is read on the page; alt text describes the picture, not the subject.
        return block.caption ? [block.caption] : [];
      default:
        return [];
    }
  });
}

function searchText(title: string, summary: (string | null | undefined)[], body: string[]): SearchText {
  return {
    title: clean(title),
    summary: clean(joinLines(summary)),
    body: clean(cut(joinLines(body), MAX_INDEXED_BODY_CHARS)),
  };
}

function joinLines(parts: (string | null | undefined)[]): string {
  return parts.filter((part): part is string => Boolean(part?.trim())).join('\n');
}

/** Cuts `text` to at most `max` characters, at the last space before the limit when there is one. */
function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const head = text.slice(0, max);
  const space = head.lastIndexOf(' ');
  return space > max / 2 ? head.slice(0, space) : head;
}

/**
 * Control characters become spaces (newlines stay): snippets use three of them as markers, so
 * no text may contain them. '<' becomes its stand-in (see LESS_THAN_STANDIN).
 */
function clean(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g, ' ').replaceAll('<', LESS_THAN_STANDIN);
}
