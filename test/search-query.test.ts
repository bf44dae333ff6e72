/**
 * The pure parts of search: the query language (what reaches to_tsquery), snippets (from
 * ts_headline's markers to segments and escaped HTML) and the text extracted for the index.
 */
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { parseSearchQuery } from '../src/search/query.js';
import { FRAGMENT_BREAK, MATCH_START, MATCH_STOP, parseHeadline } from '../src/search/snippet.js';
import { articleSearchText, comparisonSearchText, MAX_INDEXED_BODY_CHARS, treatmentSearchText } from '../src/search/text.js';
import { MAX_SEARCH_QUERY_LENGTH, MAX_SEARCH_TERMS } from '../src/security/limits.js';

const tsquery = (input: string) => parseSearchQuery(input).tsquery;

/** The BAD_USER_INPUT a query is refused with. */
function refusal(input: string) {
  try {
    parseSearchQuery(input);
  } catch (error) {
    if (error instanceof GraphQLError) return { message: error.message, extensions: error.extensions };
    throw error;
  }
  throw new Error(`${JSON.stringify(input)} was accepted`);
}

describe('search query language', () => {
  it('ANDs words', () => {
    expect(tsquery('knee pain')).toBe("'knee' & 'pain'");
    expect(tsquery('  knee\tpain  ')).toBe("'knee' & 'pain'");
  });

  it('makes a quoted phrase one term, which to_tsquery turns into <->', () => {
    expect(tsquery('"lower back pain" exercise')).toBe("'lower back pain' & 'exercise'");
    expect(tsquery('"lower back')).toBe("'lower back'");
    expect(tsquery('"knee"')).toBe("'knee'");
  });

  it('reads a trailing * as a prefix', () => {
    expect(tsquery('acupunct*')).toBe("'acupunct':*");
    expect(tsquery('acupunct** needl*')).toBe("'acupunct':* & 'needl':*");
    expect(tsquery('"dry needl*"')).toBe("'dry needl'");
  });

  it('reads a leading minus as an exclusion, of a word or a phrase', () => {
    expect(tsquery('sciatica -surgery')).toBe("'sciatica' & !'surgery'");
    expect(tsquery('sciatica -"steroid injection"')).toBe("'sciatica' & !'steroid injection'");
    expect(tsquery('sciatica - surgery')).toBe("'sciatica' & 'surgery'");
  });

  it('ORs the terms on either side of OR, inside the AND', () => {
    expect(tsquery('yoga OR pilates')).toBe("( 'yoga' | 'pilates' )");
    expect(tsquery('knee yoga or pilates OR "tai chi"')).toBe("'knee' & ( 'yoga' | 'pilates' | 'tai chi' )");
    expect(tsquery('yoga | pilates')).toBe("( 'yoga' | 'pilates' )");
    expect(tsquery('OR yoga OR')).toBe("'yoga'");
    expect(tsquery('yoga OR -surgery')).toBe("'yoga' & !'surgery'");
    expect(tsquery('-surgery OR yoga')).toBe("!'surgery' & 'yoga'");
  });

  it('names any of the words and phrases to look for, leaving the exclusions out (what a snippet\'s lines must hold one of)', () => {
    const anyTerm = (input: string) => parseSearchQuery(input).anyTerm;
    expect(anyTerm('knee pain')).toBe("'knee' | 'pain'");
    expect(anyTerm('"lower back pain" -surgery acupunct*')).toBe("'lower back pain' | 'acupunct':*");
    expect(anyTerm('knee yoga OR pilates')).toBe("'knee' | 'yoga' | 'pilates'");
  });

  it('loosens each phrase to look for into its words in any order, for the index to answer without positions', () => {
    const loose = (input: string) => parseSearchQuery(input).looseTsquery;
    expect(loose('"lower back pain" exercise')).toBe("( 'lower' & 'back' & 'pain' ) & 'exercise'");
    expect(loose('yoga OR "tai chi"')).toBe("( 'yoga' | ( 'tai' & 'chi' ) )");
    // An exclusion stays a phrase: loosened, it would leave out documents the query finds.
    expect(loose('sciatica -"steroid injection"')).toBe("'sciatica' & !'steroid injection'");
    expect(loose('knee pain')).toBe(tsquery('knee pain'));
  });

  it('splits words joined by punctuation into a phrase, as PostgreSQL indexes them', () => {
    expect(tsquery('dry-needling')).toBe("'dry needling'");
    expect(tsquery("don't x-ray*")).toBe("'don t' & 'x ray'");
    expect(tsquery('covid-19')).toBe("'covid 19'");
  });

  it('keeps letters of any script, with their marks', () => {
    expect(tsquery('naïve café 日本語 Müller')).toBe("'naïve' & 'café' & '日本語' & 'Müller'");
    expect(tsquery('cafe\u0301')).toBe("'cafe\u0301'");
  });

  it('never passes on tsquery syntax: every term is quoted letters, digits and spaces', () => {
    expect(tsquery("knee' & !pain | back:* <-> (x) \\ 'y'")).toBe("'knee' & ( 'pain' | 'back':* ) & 'x' & 'y'");
    const hostile = ["a'b", "'; DROP TABLE \"Article\"; --", '!!knee', '(pain)', 'pain:A', 'pain:*A', 'x<2>y', "\\'knee\\'", '"a\'b" -"c\'d"', 'knee\u0000pain'];
    for (const input of hostile) {
      expect(tsquery(input)).toMatch(/^(?:'[\p{L}\p{M}\p{N} ]+'(?::\*)?|[!&|() ])+$/u);
    }
  });

  it('refuses a query with nothing to look for', () => {
    for (const input of ['', '   ', '!!!', '* - OR ""', '" "']) {
      expect(refusal(input).extensions).toEqual({ code: 'BAD_USER_INPUT', issues: [{ path: 'query', message: 'must contain a word to search for (letters or digits)' }] });
    }
    expect(refusal('-surgery -"steroid injection"').extensions).toEqual({
      code: 'BAD_USER_INPUT',
      issues: [{ path: 'query', message: 'must contain a word to search for, not only words to leave out (-word)' }],
    });
  });

  it('refuses a query too long, with too many terms, or with a short prefix', () => {
    expect(() => parseSearchQuery('a'.repeat(MAX_SEARCH_QUERY_LENGTH))).not.toThrow();
    expect(refusal('a'.repeat(MAX_SEARCH_QUERY_LENGTH + 1)).extensions).toEqual({
      code: 'BAD_USER_INPUT',
      issues: [{ path: 'query', message: `must be at most ${MAX_SEARCH_QUERY_LENGTH} characters` }],
    });
    const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');
    expect(() => parseSearchQuery(words(MAX_SEARCH_TERMS))).not.toThrow();
    expect(refusal(words(MAX_SEARCH_TERMS + 1)).extensions.issues).toEqual([{ path: 'query', message: `must have at most ${MAX_SEARCH_TERMS} words and phrases` }]);
    expect(refusal('knee ac*').extensions.issues).toEqual([{ path: 'query', message: 'a prefix search needs at least 3 letters before the *, not "ac*"' }]);
    expect(tsquery('acu*')).toBe("'acu':*");
  });
});

describe('snippets', () => {
  const marked = (word: string) => `${MATCH_START}${word}${MATCH_STOP}`;

  it('turns the markers into segments and <mark>', () => {
    expect(parseHeadline(`Dry ${marked('needling')} and ${marked('acupuncture')}`)).toEqual({
      segments: [
        { text: 'Dry ', highlighted: false },
        { text: 'needling', highlighted: true },
        { text: ' and ', highlighted: false },
        { text: 'acupuncture', highlighted: true },
      ],
      html: 'Dry <mark>needling</mark> and <mark>acupuncture</mark>',
    });
  });

  it('merges adjacent highlights, marks fragment breaks and handles text without matches', () => {
    expect(parseHeadline(`${marked('lower')}${marked('back')} pain${FRAGMENT_BREAK}more`).segments).toEqual([
      { text: 'lowerback', highlighted: true },
      { text: ' pain … more', highlighted: false },
    ]);
    expect(parseHeadline('no match here')).toEqual({ segments: [{ text: 'no match here', highlighted: false }], html: 'no match here' });
    expect(parseHeadline('')).toEqual({ segments: [], html: '' });
  });

  it('escapes everything but its own <mark>, and gives back the < the index stood in for', () => {
    const headline = `\uFF1Cscript>alert("x&y")\uFF1C/script> ${marked("it's \uFF1Cb>")} 'q'`;
    expect(parseHeadline(headline)).toEqual({
      segments: [
        { text: '<script>alert("x&y")</script> ', highlighted: false },
        { text: "it's <b>", highlighted: true },
        { text: " 'q'", highlighted: false },
      ],
      html: "&lt;script&gt;alert(&quot;x&amp;y&quot;)&lt;/script&gt; <mark>it&#39;s &lt;b&gt;</mark> &#39;q&#39;",
    });
  });
});

describe('indexed text', () => {
  it('takes an article title (A), dek and summary (B), and its body text (C)', () => {
    const text = articleSearchText({
      title: 'Dry needling',
      dek: 'A dek',
      summary: null,
      body: [
        { type: 'heading', level: 2, text: 'Where it comes from' },
        { type: 'paragraph', spans: [{ text: 'Trigger ' }, { text: 'points', bold: true }] },
        { type: 'list', style: 'BULLETED', items: [{ spans: [{ text: 'One' }] }, { spans: [{ text: 'Two' }] }] },
        { type: 'quote', text: 'It helps.', attribution: 'A patient' },
        { type: 'image', url: '/a.jpg', alt: 'Alt text', caption: 'A caption' },
        { type: 'image', url: '/b.jpg', alt: 'No caption' },
      ],
    });
    expect(text).toEqual({ title: 'Dry needling', summary: 'A dek', body: 'Where it comes from\nTrigger points\nOne\nTwo\nIt helps. (A patient)\nA caption' });
  });

  it('takes treatments and comparisons whole', () => {
    expect(treatmentSearchText({ name: 'Acupuncture', summary: 'Needles', otherNames: ['TCM needling', 'Zhen jiu'], description: [{ type: 'paragraph', spans: [{ text: 'Old.' }] }] })).toEqual({
      title: 'Acupuncture',
      summary: 'Needles\nTCM needling, Zhen jiu',
      body: 'Old.',
    });
    const comparison = { title: 'A vs B', intro: 'Intro', verdict: null, rows: [{ aspect: 'Origins', cells: [{ treatmentId: 'a', text: 'West' }, { treatmentId: 'b', text: 'East' }] }] };
    expect(comparisonSearchText(comparison, new Set(['a', 'b']))).toEqual({ title: 'A vs B', summary: 'Intro', body: 'Origins\nWest\nEast' });
    // The cells of a column readers cannot see (an unpublished treatment) are not indexed.
    expect(comparisonSearchText(comparison, new Set(['a']))).toEqual({ title: 'A vs B', summary: 'Intro', body: 'Origins\nWest' });
  });

  it('keeps the markers and the HTML-minded parser out of the text, and bounds the body', () => {
    const text = articleSearchText({ title: `a\u0002b\u0003<c>`, dek: null, summary: null, body: [{ type: 'paragraph', spans: [{ text: 'word '.repeat(30_000) }] }] });
    expect(text.title).toBe('a b \uFF1Cc>');
    expect(text.body.length).toBeLessThanOrEqual(MAX_INDEXED_BODY_CHARS);
    expect(text.body.endsWith('word')).toBe(true);
  });
});
