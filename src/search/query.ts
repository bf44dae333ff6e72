/**
 * The search query language, parsed into a PostgreSQL tsquery source string. Pure, so it is
 * unit-tested directly.
 *
 *   knee pain          both words (in any order, anywhere)
 *   "lower back pain"  the words next to each other, in this order
 *   acupunct*          any word starting with "acupunct"
 *   -surgery           without the word (or -"phrase")
 *   yoga OR pilates    either (binds tighter than the implicit AND: `a b OR c` is a AND (b OR c))
 *
 * Safety: user text never reaches SQL as SQL. Each term is reduced to letters, digits and
 * spaces and single-quoted, so the tsquery source holds no operator the user wrote; it is sent
 * as a bound parameter to `to_tsquery('english', $1)`, which stems each quoted term, turns a
 * multi-word one into a phrase (`<->`, stop words counted as gaps) and drops stop words.
 * Whether anything is left after that is known only in PostgreSQL: search.service.ts asks.
 */
import { badUserInput } from '../errors.js';
import { MAX_SEARCH_QUERY_LENGTH, MAX_SEARCH_TERMS, MIN_SEARCH_PREFIX_LENGTH } from '../security/limits.js';

/** One word or phrase of a query. */
export interface SearchTerm {
  /** The words, in order: one for a word or prefix, several for a phrase. */
  words: string[];
  /** `word*`: any word that starts with it. */
  prefix: boolean;
  /** `-word`: documents with it are left out. */
  negated: boolean;
}

export interface ParsedQuery {
  /** Terms ANDed together; each inner list holds terms ORed together (negated terms stand alone). */
  clauses: SearchTerm[][];
  /** The tsquery source for `to_tsquery('english', …)`. */
  tsquery: string;
  /** Any of the query's words or phrases (its exclusions left out), as tsquery source. */
  anyTerm: string;
  /**
   * `tsquery` with each phrase it looks for loosened to its words in any order (exclusions kept
   * as they are), so it finds everything `tsquery` finds and more: what the GIN index answers
   * without rechecking word positions. The same text as `tsquery` when there is no phrase.
   */
  looseTsquery: string;
}

type Token = { kind: 'or' } | { kind: 'term'; term: SearchTerm };

/**
 * Parses a query. Throws BAD_USER_INPUT (path `query`) when it is too long, holds no word to
 * look for (nothing but punctuation, or only exclusions), has too many terms, or has a prefix
 * too short to search.
 */
export function parseSearchQuery(input: string, path = 'query'): ParsedQuery {
  const fail = (message: string) => badUserInput([{ path, message }]);
  if (input.length > MAX_SEARCH_QUERY_LENGTH) throw fail(`must be at most ${MAX_SEARCH_QUERY_LENGTH} characters`);

  const tokens = tokenize(input);
  const terms = tokens.flatMap((token) => (token.kind === 'term' ? [token.term] : []));
  if (!terms.some((term) => !term.negated)) {
    throw fail(
      terms.length === 0
        ? 'must contain a word to search for (letters or digits)'
        : 'must contain a word to search for, not only words to leave out (-word)',
    );
  }
  if (terms.length > MAX_SEARCH_TERMS) throw fail(`must have at most ${MAX_SEARCH_TERMS} words and phrases`);
  const short = terms.find((term) => term.prefix && term.words[0]!.length < MIN_SEARCH_PREFIX_LENGTH);
  if (short) throw fail(`a prefix search needs at least ${MIN_SEARCH_PREFIX_LENGTH} letters before the *, not "${short.words[0]}*"`);

  const clauses = groupOr(tokens);
  const positive = clauses.flat().filter((term) => !term.negated);
  return {
    clauses,
    tsquery: clauses.map((clause) => clauseSource(clause, termSource)).join(' & '),
    anyTerm: positive.map(termSource).join(' | '),
    looseTsquery: clauses.map((clause) => clauseSource(clause, looseTermSource)).join(' & '),
  };
}

/** Splits the input into terms and OR operators. */
function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  // A quoted phrase (the closing quote may be missing), optionally negated; or a bare run of non-spaces.
  const pattern = /(-?)"([^"]*)"?|(\S+)/g;
  for (const match of input.matchAll(pattern)) {
    const [, minus, phrase, bare] = match;
    if (phrase !== undefined) {
      const words = wordsOf(phrase);
      if (words.length) tokens.push({ kind: 'term', term: { words, prefix: false, negated: minus === '-' } });
      continue;
    }
    let text = bare!;
    if (text.toUpperCase() === 'OR' || text === '|') {
      tokens.push({ kind: 'or' });
      continue;
    }
    const negated = text.length > 1 && text.startsWith('-');
    if (negated) text = text.slice(1);
    const prefix = text.endsWith('*');
    const words = wordsOf(text);
    if (!words.length) continue;
    // `dry-needling`, `x-ray`, `don't`: one token of several words is a phrase, as PostgreSQL
    // indexes them (a star on it is ignored: only a single word can be a prefix).
    tokens.push({ kind: 'term', term: { words, prefix: prefix && words.length === 1, negated } });
  }
  return tokens;
}

/** Letters (with their marks) and digits; everything else separates words. */
function wordsOf(text: string): string[] {
  return text.split(/[^\p{L}\p{M}\p{N}]+/u).filter(Boolean);
}

/** Folds `a OR b` into one clause; an OR with no positive term on either side is ignored. */
function groupOr(tokens: Token[]): SearchTerm[][] {
  const clauses: SearchTerm[][] = [];
  let orPending = false;
  for (const token of tokens) {
    if (token.kind === 'or') {
      orPending = true;
      continue;
    }
    const previous = clauses.at(-1);
    if (orPending && !token.term.negated && previous && !previous[0]!.negated) previous.push(token.term);
    else clauses.push([token.term]);
    orPending = false;
  }
  return clauses;
}

function clauseSource(clause: SearchTerm[], source: (term: SearchTerm) => string): string {
  const sources = clause.map(source);
  return sources.length === 1 ? sources[0]! : `( ${sources.join(' | ')} )`;
}

/** A term as tsquery source: quoted (its words hold no quote: see wordsOf), prefix and negation marked. */
function termSource(term: SearchTerm): string {
  return `${term.negated ? '!' : ''}'${term.words.join(' ')}'${term.prefix ? ':*' : ''}`;
}

/** A phrase to look for as its words ANDed; any other term as termSource has it. */
function looseTermSource(term: SearchTerm): string {
  if (term.negated || term.words.length === 1) return termSource(term);
  return `( ${term.words.map((word) => `'${word}'`).join(' & ')} )`;
}
