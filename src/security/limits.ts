/**
 * The limits that keep one request from costing the server more than a page render should:
 * every number the request-shape checks use lives here, so they are tuned in one place.
 * (Read by query-limits.ts, server.ts and shared/pagination.ts.)
 */

/** Deepest field nesting an operation may have (`{ a { b } }` is 2), through fragments too. */
export const MAX_QUERY_DEPTH = 8;
/**
 * How deep a real introspection query may nest below `__schema` / `__type` (the fields, not an
 * alias or a name): tools' standard introspection query nests 13 deep. Those fields can hold
 * only schema metadata, never content, so they cannot hide a deep data query.
 */
export const MAX_INTROSPECTION_DEPTH = 15;

/** Aliased fields an operation may have, counting a fragment's aliases once per spread. */
export const MAX_ALIASES = 15;

/** Directive uses (`@include`, `@skip`, ...) an operation may have, counted like aliases. */
export const MAX_DIRECTIVES = 20;

/** Lexical tokens a document may have; the parser gives up past this (graphql's `maxLexicalTokens`). */
export const MAX_TOKENS = 2000;

/**
 * The estimated cost an operation may have: every field costs 1, times the sizes of the lists
 * around it (a list's size is its `first` argument, else DEFAULT_LIST_SIZE_ESTIMATE).
 */
export const MAX_QUERY_COST = 5000;

/** The size the cost estimate assumes for a connection (or list with `first`) when `first` is unknown. */
export const DEFAULT_LIST_SIZE_ESTIMATE = 20;

/**
 * The size the cost estimate assumes for a plain list (no `first`): its length is set by the
 * content (body blocks, spans, comparison rows, ...), not by the client. Lists nest three deep
 * in an article's body, so the estimate compounds quickly: at 20 the reference page
 * (examples/page.graphql) would be estimated at about 60,000; at 5 it is about 1,350.
 */
export const ASSUMED_LIST_SIZE = 5;

/** The smallest and largest page (`first`) a connection serves. */
export const MIN_PAGE_SIZE = 1;
export const MAX_PAGE_SIZE = 100;

/** The largest HTTP request body accepted, in bytes (1 MiB); larger ones get 413. */
export const MAX_BODY_BYTES = 1_048_576;

/**
 * Request-rate limits (read by rate-limits.ts; tests pass smaller ones through createApp).
 * Every GraphQL request, read or write, is charged to its credential (the Authorization
 * header) or, without one, to the client address; each login attempt is charged to the email
 * and to the address as well.
 */
export const RATE_LIMITS = {
  /** Requests one credential may send per window. */
  requestsPerCredential: 300,
  /** Requests one address may send per window without a credential. */
  requestsPerIp: 600,
  /** The request window, in seconds. */
  requestWindowSeconds: 60,
  /** Login attempts for one email per login window. */
  loginAttemptsPerEmail: 5,
  /** Login attempts from one address per login window, whatever the email. */
  loginAttemptsPerIp: 20,
  /** The login window, in seconds (15 minutes). */
  loginWindowSeconds: 15 * 60,
} as const;

/**
 * Full-text search (src/search/query.ts). A query is at most this many characters, and holds at
 * most MAX_SEARCH_TERMS words and phrases: each term is one more index lookup, and the
 * ranking reads every match.
 */
export const MAX_SEARCH_QUERY_LENGTH = 200;
export const MAX_SEARCH_TERMS = 12;
/**
 * Letters a prefix search (`acupunct*`) needs before the `*`: a shorter one matches most of
 * the index, and every match is read to rank it.
 */
export const MIN_SEARCH_PREFIX_LENGTH = 3;
