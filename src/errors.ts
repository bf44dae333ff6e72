/**
 * The errors a client can cause. Every one is a GraphQLError with a stable `extensions.code`
 * from `ErrorCode`; this is the only module that constructs them. Anything else a resolver
 * throws is an internal error, masked before it reaches the client (see server.ts).
 */
import { GraphQLError } from 'graphql';
import { Prisma } from './__generated__/prisma/client.js';

export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** One invalid input field: `path` names it as the client sent it (`input.rows.2.cells.0.treatmentId`). */
export interface Issue {
  path: string;
  message: string;
}

function errorWithCode(message: string, code: ErrorCode, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { ...extensions, code } });
}

/** Invalid input. The message lists every issue so a person can fix them all at once. */
export function badUserInput(issues: Issue[]): GraphQLError {
  const listed = issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ');
  return errorWithCode(`Invalid input: ${listed}`, ErrorCode.BAD_USER_INPUT, { issues });
}

export function notFound(what: string, id: string): GraphQLError {
  return errorWithCode(`No ${what} with id "${id}".`, ErrorCode.NOT_FOUND, { id });
}

export function conflict(message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return errorWithCode(message, ErrorCode.CONFLICT, extensions);
}

export function unauthenticated(message: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: ErrorCode.UNAUTHENTICATED, http: { status: 401 } },
  });
}

export function forbidden(message: string): GraphQLError {
  return errorWithCode(message, ErrorCode.FORBIDDEN);
}

/**
 * Turns the Prisma errors a client can cause into client errors, naming what clashed; answers
 * any other error unchanged (it is then masked as internal). `describeConflict` phrases a
 * unique-constraint clash for the entity at hand ("slug" → "An article with slug … exists").
 */
export function fromPrismaError(error: unknown, entity: string, id?: string): unknown {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return error;
  switch (error.code) {
    case 'P2002': {
      const fields = uniqueFields(error);
      const field = fields.join(', ') || 'value';
      return errorWithCode(`Another ${entity} already uses this ${field}.`, ErrorCode.CONFLICT, { fields });
    }
    case 'P2025':
      return id === undefined ? errorWithCode(`The ${entity} does not exist (it may have been deleted).`, ErrorCode.NOT_FOUND) : notFound(entity, id);
    case 'P2003':
    case 'P2039': // PGlite reports a restricting foreign key as SQLSTATE 23001
      // A foreign key refused the write: something still refers to the row (or it vanished).
      return errorWithCode(`The ${entity} is in use by other content, or something it refers to was just removed; reload and try again.`, ErrorCode.CONFLICT);
    default:
      return error;
  }
}

function uniqueFields(error: Prisma.PrismaClientKnownRequestError): string[] {
  type Cause = { table?: string; constraint?: { fields?: unknown; index?: unknown } };
  const meta = error.meta as { target?: unknown; driverAdapterError?: { cause?: Cause } } | undefined;
  if (Array.isArray(meta?.target)) return meta.target.map(String);
  const cause = meta?.driverAdapterError?.cause;
  const fields = cause?.constraint?.fields;
  if (Array.isArray(fields)) return fields.map((f) => String(f).replace(/"/g, ''));
  // PostgreSQL names only the index: Prisma calls it <Table>_<field>_<field>_key.
  const index = cause?.constraint?.index;
  if (typeof index === 'string' && cause?.table && index.startsWith(`${cause.table}_`) && index.endsWith('_key')) {
    return index.slice(cause.table.length + 1, -'_key'.length).split('_');
  }
  return [];
}
