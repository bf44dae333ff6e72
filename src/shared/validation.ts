/**
 * Building blocks for input validation, shared by every domain's `*.validation.ts`: field
 * rules written once (slugs, bounded text, safe URLs) and the step that turns zod's findings
 * into one BAD_USER_INPUT error naming each field the client got wrong.
 */
import { z } from 'zod';
import { badUserInput, type Issue } from '../errors.js';

export const LIMITS = {
  slug: 120,
  title: 200,
  name: 120,
  shortText: 300,
  summary: 1_000,
  longText: 5_000,
  url: 2_048,
  blockText: 10_000,
  bodyBlocks: 500,
  listItems: 100,
  spans: 200,
  links: 50,
  references: 50,
  /** Tags on one article: a few describe it; dozens would only be noise. */
  tags: 20,
  rows: 60,
} as const;

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const slug = z
  .string()
  .max(LIMITS.slug, `must be at most ${LIMITS.slug} characters`)
  .regex(SLUG, 'must be lowercase words joined by single hyphens (e.g. "dry-needling")');

/** Required text: trimmed, not empty, at most `max` characters. */
export function text(max: number) {
  return z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);
}

/** Optional text: absent leaves it, null or blank clears it. */
export function optionalText(max: number) {
  return z
    .string()
    .trim()
    .max(max, `must be at most ${max} characters`)
    .nullish()
    .transform((value) => (value === '' ? null : value));
}

const SCHEME = /^([a-zA-Z][a-zA-Z0-9+.-]*):/;
const SAFE_SCHEMES = new Set(['http', 'https', 'mailto']);

/**
 * Whether a link target is safe to put in an href: http(s), mailto, or a path on this site.
 * Anything with another scheme (javascript:, data:, vbscript:), whitespace or control characters
 * (which browsers strip, turning "java\nscript:" into a scheme), backslashes, or a
 * protocol-relative "//host" is refused.
 */
export function isSafeUrl(value: string, options: { mailto?: boolean } = {}): boolean {
  // eslint-disable-next-line no-control-regex
  if (/[\s\u0000-\u001f\u007f\\]/.test(value)) return false;
  const scheme = SCHEME.exec(value)?.[1]?.toLowerCase();
  if (scheme !== undefined) {
    if (!SAFE_SCHEMES.has(scheme) || (scheme === 'mailto' && options.mailto === false)) return false;
    try {
      new URL(value);
      return true;
    } catch {
      return false;
    }
  }
  return (value.startsWith('/') && !value.startsWith('//')) || value.startsWith('#') || value.startsWith('?');
}

export const linkUrl = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(LIMITS.url, `must be at most ${LIMITS.url} characters`)
  .refine((value) => isSafeUrl(value), 'must be an http(s), mailto or relative URL');

export const imageUrl = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(LIMITS.url, `must be at most ${LIMITS.url} characters`)
  .refine((value) => isSafeUrl(value, { mailto: false }), 'must be an http(s) or relative URL');

/** An id as clients send it; ids are compared in lower case, as PostgreSQL prints them. */
export const id = z.uuid('is not a valid id').transform((value) => value.toLowerCase());

/** A list of ids with no repeats, at most `max` long. */
export function idList(max: number = LIMITS.references) {
  return z
    .array(id)
    .max(max, `must have at most ${max} entries`)
    .refine((ids) => new Set(ids).size === ids.length, 'must not repeat an id');
}

/**
 * Validates `input` against `schema` and answers the parsed value, or throws one BAD_USER_INPUT
 * listing every problem, each named by its path from `root` (e.g. `input.body.3.quote.text`).
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, root = 'input'): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw badUserInput(result.error.issues.map((issue) => ({ path: [root, ...issue.path.map(String)].join('.'), message: issue.message })));
}

/** Throws BAD_USER_INPUT when `issues` is not empty. */
export function assertNoIssues(issues: Issue[]): void {
  if (issues.length > 0) throw badUserInput(issues);
}
