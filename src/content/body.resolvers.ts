import type { Resolvers } from '../__generated__/graphql.js';
import { headingAnchor, spansText } from './body.js';

const typeNames = {
  heading: 'HeadingBlock',
  paragraph: 'ParagraphBlock',
  list: 'ListBlock',
  quote: 'QuoteBlock',
  image: 'ImageBlock',
} as const;

export const bodyResolvers: Resolvers = {
  BodyBlock: {
    __resolveType: (block) => typeNames[block.type],
  },
  HeadingBlock: {
    anchor: (block) => headingAnchor(block.text),
  },
  ParagraphBlock: {
    text: (block) => spansText(block.spans),
  },
  ListItem: {
    text: (item) => spansText(item.spans),
  },
  TextSpan: {
    bold: (span) => span.bold ?? false,
    italic: (span) => span.italic ?? false,
    href: (span) => span.href ?? null,
  },
  QuoteBlock: {
    person: (block, _args, ctx) => (block.personId ? ctx.loaders.personById.load(block.personId) : null),
  },
};
