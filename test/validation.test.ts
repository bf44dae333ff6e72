/**
 * The pure input rules shared by every domain.
 */
import { describe, expect, it } from 'vitest';
import { headingAnchor } from '../src/content/body.js';
import { isSafeUrl } from '../src/shared/validation.js';

describe('isSafeUrl', () => {
  it.each(['https://example.org/a?b=c#d', 'http://example.org', 'mailto:editor@example.org', '/articles/dry-needling', '#section', '?page=2'])('accepts %s', (url) => {
    expect(isSafeUrl(url)).toBe(true);
  });

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    'data:text/html;base64,PHNjcmlwdD4=',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    '//evil.example/path',
    '/\\evil.example',
    'relative/without/slash',
    'https://',
    '',
  ])('refuses %j', (url) => {
    expect(isSafeUrl(url)).toBe(false);
  });

  it('refuses mailto where only images make sense', () => {
    expect(isSafeUrl('mailto:a@b.c', { mailto: false })).toBe(false);
  });
});

describe('headingAnchor', () => {
  it('makes a fragment id from heading text', () => {
    expect(headingAnchor('Where do the needles go?')).toBe('where-do-the-needles-go');
    expect(headingAnchor('Dry needling vs. acupuncture — origins')).toBe('dry-needling-vs-acupuncture-origins');
    expect(headingAnchor('Café crème')).toBe('cafe-creme');
  });
});
