/**
 * Structured body content: an ordered list of typed blocks, stored as JSON on the document and
 * served as the GraphQL `BodyBlock` union. Never HTML: text is text, and links are checked.
 */
import { z } from 'zod';
import type { BodyBlockInput } from '../__generated__/graphql.js';
import type { Prisma } from '../__generated__/prisma/client.js';
import { LIMITS, id, imageUrl, isSafeUrl, optionalText, text } from '../shared/validation.js';
import { slugify } from '../shared/slugs.js';

export interface TextSpan {
  text: string;
  bold?: boolean;
  italic?: boolean;
  href?: string | null;
}
export interface HeadingBlock {
  type: 'heading';
  level: number;
  text: string;
}
export interface ParagraphBlock {
  type: 'paragraph';
  spans: TextSpan[];
}
export interface ListItem {
  spans: TextSpan[];
}
export interface ListBlock {
  type: 'list';
  style: 'BULLETED' | 'NUMBERED';
  items: ListItem[];
}
export interface QuoteBlock {
  type: 'quote';
  text: string;
  personId?: string | null;
  attribution?: string | null;
}
export interface ImageBlock {
  type: 'image';
  url: string;
  alt: string;
  credit?: string | null;
  caption?: string | null;
}
export type BodyBlock = HeadingBlock | ParagraphBlock | ListBlock | QuoteBlock | ImageBlock;

const span = z.object({
  text: z.string().min(1, 'must not be empty').max(LIMITS.blockText, `must be at most ${LIMITS.blockText} characters`),
  bold: z.boolean().nullish().transform((v) => v ?? false),
  italic: z.boolean().nullish().transform((v) => v ?? false),
  href: z
    .string()
    .trim()
    .max(LIMITS.url, `must be at most ${LIMITS.url} characters`)
    .refine((value) => isSafeUrl(value), 'must be an http(s), mailto or relative URL')
    .nullish()
    .transform((v) => v || null),
});
const spans = z.array(span).min(1, 'must have at least one span').max(LIMITS.spans, `must have at most ${LIMITS.spans} spans`);

/**
 * Input shape: the @oneOf input (GraphQL guarantees exactly one member is set). Each member is
 * validated on its own path, so an error names e.g. `input.body.3.heading.level`.
 */
const blockInput = z
  .object({
    heading: z.object({ level: z.number().int().min(2, 'must be 2 to 6').max(6, 'must be 2 to 6'), text: text(LIMITS.title) }).nullish(),
    paragraph: z.object({ spans }).nullish(),
    list: z
      .object({
        style: z.enum(['BULLETED', 'NUMBERED']),
        items: z.array(z.object({ spans })).min(1, 'must have at least one item').max(LIMITS.listItems, `must have at most ${LIMITS.listItems} items`),
      })
      .nullish(),
    quote: z.object({ text: text(LIMITS.blockText), personId: id.nullish(), attribution: optionalText(LIMITS.shortText) }).nullish(),
    image: z
      .object({ url: imageUrl, alt: text(LIMITS.shortText), credit: optionalText(LIMITS.shortText), caption: optionalText(LIMITS.summary) })
      .nullish(),
  })
  .transform((input, ctx): BodyBlock => {
    if (input.heading) return { type: 'heading', ...input.heading };
    if (input.paragraph) return { type: 'paragraph', spans: input.paragraph.spans };
    if (input.list) return { type: 'list', ...input.list };
    if (input.quote) {
      const { text: quoteText, personId, attribution } = input.quote;
      return { type: 'quote', text: quoteText, personId: personId ?? null, attribution: attribution ?? null };
    }
    if (input.image) {
      const { url, alt, credit, caption } = input.image;
      return { type: 'image', url, alt, credit: credit ?? null, caption: caption ?? null };
    }
    ctx.addIssue({ code: 'custom', message: 'must set exactly one block type' });
    return z.NEVER;
  });

/** The zod rule for a body given as `[BodyBlockInput!]`. */
export const bodyInput = z.array(blockInput).max(LIMITS.bodyBlocks, `must have at most ${LIMITS.bodyBlocks} blocks`);

/** Blocks as the JSON value Prisma stores. */
export function bodyJson(blocks: BodyBlock[]): Prisma.InputJsonValue {
  return blocks as unknown as Prisma.InputJsonValue;
}

/** Narrows a stored JSON value to blocks; the value was validated when written. */
export function storedBody(value: unknown): BodyBlock[] {
  return Array.isArray(value) ? (value as BodyBlock[]) : [];
}

/** The ids of the people quoted in `blocks`, with the path of each quote, for existence checks. */
export function quotedPeople(blocks: BodyBlock[], root: string): { personId: string; path: string }[] {
  return blocks.flatMap((block, index) =>
    block.type === 'quote' && block.personId ? [{ personId: block.personId, path: `${root}.${index}.quote.personId` }] : [],
  );
}

export function spansText(list: TextSpan[]): string {
  return list.map((s) => s.text).join('');
}

/** A URL fragment id for a heading: lowercase words joined by hyphens. */
export function headingAnchor(value: string): string {
  return slugify(value);
}

export type { BodyBlockInput };
