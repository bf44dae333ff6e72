/**
 * API tokens: credentials for machines, with a role and an optional expiry. The secret is
 * answered once at creation; only its hash is stored. Admins only.
 */
import { z } from 'zod';
import type { CreateApiTokenInput } from '../__generated__/graphql.js';
import type { ApiToken } from '../__generated__/prisma/client.js';
import { authorize } from '../auth/policy.js';
import { API_TOKEN_PREFIX, newToken, tokenHash } from '../auth/tokens.js';
import type { ServiceContext } from '../context.js';
import { notFound } from '../errors.js';
import { existingId } from '../shared/ids.js';
import { pageQuery, toConnection, type ConnectionMapper, type KeysetOrder, type PageArgs } from '../shared/pagination.js';
import { LIMITS, parseInput, text } from '../shared/validation.js';

const createInput = z.object({
  name: text(LIMITS.name),
  role: z.enum(['ADMIN', 'EDITOR', 'AUTHOR', 'PREVIEW']),
  expiresAt: z
    .date()
    .nullish()
    .refine((at) => !at || at.getTime() > Date.now(), 'must be in the future'),
});

export async function create(ctx: ServiceContext, input: CreateApiTokenInput): Promise<{ token: string; apiToken: ApiToken }> {
  authorize(ctx.viewer, 'tokens:manage');
  const data = parseInput(createInput, input);
  const token = newToken(API_TOKEN_PREFIX);
  const apiToken = await ctx.prisma.apiToken.create({
    data: { name: data.name, role: data.role, expiresAt: data.expiresAt ?? null, tokenHash: tokenHash(token), createdBy: ctx.viewer.id },
  });
  return { token, apiToken };
}

/** Revokes a token at once; revoking a revoked token keeps its first revocation time. */
export async function revoke(ctx: ServiceContext, id: string): Promise<ApiToken> {
  authorize(ctx.viewer, 'tokens:manage');
  const tokenId = existingId('API token', id);
  const current = await ctx.prisma.apiToken.findUnique({ where: { id: tokenId } });
  if (!current) throw notFound('API token', id);
  if (current.revokedAt) return current;
  return ctx.prisma.apiToken.update({ where: { id: tokenId }, data: { revokedAt: new Date() } });
}

const newestFirst: KeysetOrder = { field: 'createdAt', direction: 'desc' };

export async function list(ctx: ServiceContext, args: PageArgs): Promise<ConnectionMapper<ApiToken>> {
  authorize(ctx.viewer, 'tokens:manage');
  const query = pageQuery(args, newestFirst);
  const rows = await ctx.prisma.apiToken.findMany({ where: query.after ?? {}, orderBy: query.orderBy, take: query.take });
  return toConnection(rows, query, newestFirst, Boolean(args.after), () => ctx.prisma.apiToken.count());
}
