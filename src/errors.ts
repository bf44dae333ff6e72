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
  /** Too many requests or login attempts; `extensions.retryAfterSeconds` says when to try again. */
  RATE_LIMITED: 'RATE_LIMITED',
  /** The database is overloaded (a statement or the wait for a connection timed out); retry shortly. */
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
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
 * Over a rate limit. `retryAfterSeconds` is when the next attempt will be let through. With
 * `http`, the whole response is refused: status 429 and a Retry-After header.
 */
export function rateLimited(message: string, retryAfterSeconds: number, options: { http?: boolean } = {}): GraphQLError {
  const extensions: Record<string, unknown> = { code: ErrorCode.RATE_LIMITED, retryAfterSeconds };
  if (options.http) extensions.http = { status: 429, headers: new Map([['retry-after', String(retryAfterSeconds)]]) };
  return new GraphQLError(message, { extensions });
}

export const DATABASE_BUSY_MESSAGE = 'The database is busy; try again shortly.';

export function serviceUnavailable(): GraphQLError {
  return errorWithCode(DATABASE_BUSY_MESSAGE, ErrorCode.SERVICE_UNAVAILABLE);
}

/**
 * SQLSTATEs that mean "overloaded, not broken": 57014 query_canceled (the statement timeout
 * fired), 55P03 lock_not_available (a lock timeout), 53300 too_many_connections.
 */
const BUSY_SQLSTATES = new Set(['57014', '55P03', '53300']);

/** The SQLSTATE the database answered, when a driver adapter passed it on. */
function sqlState(error: Prisma.PrismaClientKnownRequestError): string | undefined {
  const cause = (error.meta as { driverAdapterError?: { cause?: { originalCode?: unknown } } } | undefined)?.driverAdapterError?.cause;
  return typeof cause?.originalCode === 'string' ? cause.originalCode : undefined;
}

/** pg-pool's error when no connection came free within `connectionTimeoutMillis`. */
const POOL_TIMEOUT_MESSAGE = 'timeout exceeded when trying to connect';

/**
 * Whether `error` (or what it wraps: a resolver's GraphQLError keeps the original) says the
 * database was too busy to answer in time: a statement cancelled by the statement timeout, no
 * pooled connection free in time, a transaction that could not start (or finish) in time. A
 * lost connection or any other failure is not "busy": it stays an internal error.
 */
export function isDatabaseBusy(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current instanceof Error; depth += 1) {
    if (current instanceof Prisma.PrismaClientKnownRequestError) {
      if (current.code === 'P2024' || current.code === 'P2037') return true; // pool timeout, too many connections
      if (current.code === 'P2028') {
        // Unable to start a transaction within maxWait, or it ran past its timeout; not
        // the other transaction-API errors, which are bugs.
        return current.message.includes('Unable to start a transaction in the given time') || typeof current.meta?.timeout === 'number';
      }
      const code = sqlState(current);
      return code !== undefined && BUSY_SQLSTATES.has(code);
    }
    if (current.message === POOL_TIMEOUT_MESSAGE) return true;
    // A driver's own error (the public read path's plain SQL, db/sql.ts) carries the SQLSTATE.
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && BUSY_SQLSTATES.has(code)) return true;
    current = (current as { originalError?: unknown }).originalError ?? current.cause;
  }
  return false;
}

/**
 * Turns the Prisma errors a client can cause into client errors, naming what clashed, and an
 * overloaded database into SERVICE_UNAVAILABLE; answers any other error unchanged (it is then masked as internal). `describeConflict` phrases a
 * unique-constraint clash for the entity at hand ("slug" → "An article with slug … exists").
 */
export function fromPrismaError(error: unknown, entity: string, id?: string): unknown {
  if (isDatabaseBusy(error)) return serviceUnavailable();
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
    case 'P2039': // any database error Prisma does not map: only PGlite's restricting foreign key (23001) is a conflict
      if (error.code === 'P2039' && sqlState(error) !== '23001') return error;
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
