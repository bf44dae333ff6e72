/**
 * The executable schema: schema.graphql (the contract) with every domain's resolvers.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DateTimeResolver, JSONResolver } from 'graphql-scalars';
import type { Resolvers } from './__generated__/graphql.js';
import { apiTokenResolvers } from './api-tokens/api-tokens.resolvers.js';
import { articleResolvers } from './articles/articles.resolvers.js';
import { categoryResolvers } from './categories/categories.resolvers.js';
import { comparisonResolvers } from './comparisons/comparisons.resolvers.js';
import { bodyResolvers } from './content/body.resolvers.js';
import { prismaDir } from './db/migrations.js';
import { personResolvers } from './people/people.resolvers.js';
import { searchResolvers } from './search/search.resolvers.js';
import { tagResolvers } from './tags/tags.resolvers.js';
import { treatmentResolvers } from './treatments/treatments.resolvers.js';
import { userResolvers } from './users/users.resolvers.js';
import { workflowResolvers } from './workflow/workflow.resolvers.js';

/** schema.graphql sits at the repository root, beside prisma/. */
export const typeDefs = readFileSync(path.join(prismaDir, '..', 'schema.graphql'), 'utf8');

const domainResolvers: Resolvers[] = [
  apiTokenResolvers,
  articleResolvers,
  bodyResolvers,
  categoryResolvers,
  comparisonResolvers,
  personResolvers,
  tagResolvers,
  searchResolvers,
  treatmentResolvers,
  userResolvers,
  workflowResolvers,
];

/** Merges the domain resolver maps type by type. */
export const resolvers: Resolvers = domainResolvers.reduce<Resolvers>(
  (merged, domain) => {
    for (const [typeName, fields] of Object.entries(domain)) {
      merged[typeName] = { ...(merged[typeName] as object | undefined), ...(fields as object) };
    }
    return merged;
  },
  { DateTime: DateTimeResolver, JSON: JSONResolver },
);
