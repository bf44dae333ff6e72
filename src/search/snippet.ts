/**
 * Snippets: PostgreSQL's ts_headline marks the matched words with sentinel characters (which
 * indexed text never contains: text.ts turns control characters into spaces); this turns its
 * answer into segments, and into HTML with every piece of text escaped and matches in <mark>.
 * Pure, so it is tested directly.
 */
import { LESS_THAN_STANDIN, SEARCH_LINES_SQL } from './text.js';

/** Marks the start of a matched word in ts_headline's answer. */
export const MATCH_START = '\u0002';
/** Marks the end of a matched word. */
export const MATCH_STOP = '\u0003';
/** Separates the fragments of a snippet. */
export const FRAGMENT_BREAK = '\u0004';

/** What a client sees between fragments. */
const FRAGMENT_SEPARATOR = ' … ';

/**
 * ts_headline options for the snippet: up to two fragments of 12 to 24 words around the
 * matches (the opening words when the text has no match).
 */
export const SNIPPET_OPTIONS = `StartSel=${MATCH_START}, StopSel=${MATCH_STOP}, FragmentDelimiter=${FRAGMENT_BREAK}, MaxFragments=2, MaxWords=24, MinWords=12`;
/** How many lines of a hit (search.index.ts: `lineVectors`) its snippet is cut from. */
export const SNIPPET_LINES = 3;

/**
 * SQL for the text a hit's snippet is cut from, with `d` a SearchDocument row and `q` holding
 * the query (`query`) and any of its terms (`anyTerm`): the SNIPPET_LINES lines of the summary
 * and body that match best, in their order; the first two lines when none matches (a match in
 * the title only). ts_headline parses all the text it is given, so giving it a few lines instead
 * of the whole body keeps a snippet's cost the same however long the document.
 */
export const SNIPPET_TEXT_SQL = String.raw`coalesce(
  (SELECT string_agg(best.line, E'\n' ORDER BY best.n) FROM (
    SELECT l.line, l.n
    FROM unnest(${SEARCH_LINES_SQL}, d."lineVectors") WITH ORDINALITY AS l(line, vector, n)
    WHERE l.vector @@ q."anyTerm"
    ORDER BY ts_rank(l.vector, q.query) DESC, l.n
    LIMIT ${SNIPPET_LINES}) best),
  array_to_string((${SEARCH_LINES_SQL})[1:2], E'\n'))`;

/** ts_headline options for a title: the whole title, matches marked. */
export const TITLE_OPTIONS = `StartSel=${MATCH_START}, StopSel=${MATCH_STOP}, HighlightAll=true`;

export interface SnippetSegment {
  text: string;
  highlighted: boolean;
}

export interface Snippet {
  segments: SnippetSegment[];
  html: string;
}

/**
 * Parses ts_headline's answer into segments: text between MATCH_START and MATCH_STOP is
 * highlighted, FRAGMENT_BREAK becomes " … ", adjacent segments of the same kind are merged and
 * empty ones dropped. A marker out of place (never from ts_headline) is treated as plain text.
 */
export function parseHeadline(headline: string): Snippet {
  const segments: SnippetSegment[] = [];
  const push = (text: string, highlighted: boolean) => {
    if (!text) return;
    const last = segments.at(-1);
    if (last && last.highlighted === highlighted) last.text += text;
    else segments.push({ text, highlighted });
  };
  let highlighted = false;
  let current = '';
  for (const char of headline.replaceAll(FRAGMENT_BREAK, FRAGMENT_SEPARATOR).replaceAll(LESS_THAN_STANDIN, '<')) {
    if (char === MATCH_START || char === MATCH_STOP) {
      push(current, highlighted);
      current = '';
      highlighted = char === MATCH_START;
    } else {
      current += char;
    }
  }
  push(current, highlighted);
  return { segments, html: toHtml(segments) };
}

/** The segments as HTML: text escaped, highlighted segments in <mark>. */
export function toHtml(segments: readonly SnippetSegment[]): string {
  return segments.map((s) => (s.highlighted ? `<mark>${escapeHtml(s.text)}</mark>` : escapeHtml(s.text))).join('');
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for use in HTML content or a quoted attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char]!);
}
