/**
 * Relay-style cursor pagination over keyset ordering: a page starts strictly after the cursor's
 * sort key, so deep pages cost the same as the first (no OFFSET), and edits between requests do
 * not shift items between pages.
 */
import { sql, type Sql } from '../db/sql.js';
import { badUserInput } from '../errors.js';
import { isUuid } from './ids.js';
import { MAX_PAGE_SIZE, MIN_PAGE_SIZE } from '../security/limits.js';

export { MAX_PAGE_SIZE };

export const DEFAULT_PAGE_SIZE = 20;

export interface PageInfoMapper {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

export interface EdgeMapper<T> {
  cursor: string;
  node: T;
}

export interface ConnectionMapper<T> {
  edges: EdgeMapper<T>[];
  pageInfo: PageInfoMapper;
  /** Counted only when the client asks for it (graphql-js calls function-valued fields). */
  totalCount: () => Promise<number>;
}

type SortValue = string | number | Date | null;

/** One ordering: the sort field, its direction, and whether it can be null (nulls sort last). */
export interface KeysetOrder {
  field: string;
  direction: 'asc' | 'desc';
  nullable?: boolean;
  /** The unique tie-break column; `id` unless the table names it otherwise. */
  idField?: string;
  /** What the sort field holds; cursors for plain-SQL pages (sqlPageQuery) are checked against it. */
  type?: 'date' | 'text';
}

export interface PageArgs {
  first?: number | null | undefined;
  after?: string | null | undefined;
}

export interface PageQuery {
  /** Prisma `where` restricting rows to those after the cursor (undefined on the first page). */
  after: Record<string, unknown> | undefined;
  orderBy: Record<string, unknown>[];
  /** One more than the page size, to learn whether a next page exists. */
  take: number;
}

/** Checks `first` and decodes `after`; throws BAD_USER_INPUT naming the argument at fault. */
export function pageQuery(args: PageArgs, order: KeysetOrder): PageQuery & { size: number } {
  const size = pageSize(args.first);
  const fieldOrder = order.nullable
    ? { [order.field]: { sort: order.direction, nulls: 'last' } }
    : { [order.field]: order.direction };
  return {
    size,
    take: size + 1,
    orderBy: [fieldOrder, { [order.idField ?? 'id']: order.direction }],
    after: args.after ? afterCursor(decodeCursor(args.after), order) : undefined,
  };
}

export interface SqlPageQuery {
  size: number;
  /** One more than the page size, to learn whether a next page exists. */
  take: number;
  /** The condition for rows after the cursor, or null on the first page. */
  after: Sql | null;
  orderBy: Sql;
}

/**
 * `pageQuery` for plain SQL (db/sql.ts), over a sort column that is never null. The cursor is
 * checked against `order.type` and the tie-break is a uuid, so a forged cursor is BAD_USER_INPUT,
 * never a failed cast. Column names come from `order`, which the code writes, never a client.
 */
export function sqlPageQuery(args: PageArgs, order: KeysetOrder & { type: 'date' | 'text' }): SqlPageQuery {
  if (order.nullable) throw new Error(`sqlPageQuery: ${order.field} may be null`);
  const size = pageSize(args.first);
  const field = sql.raw(`"${order.field}"`);
  const id = sql.raw(`"${order.idField ?? 'id'}"`);
  const direction = sql.raw(order.direction === 'desc' ? 'DESC' : 'ASC');
  const beyond = sql.raw(order.direction === 'desc' ? '<' : '>');
  let after: Sql | null = null;
  if (args.after) {
    const cursor = decodeCursor(args.after);
    const fits = order.type === 'date' ? cursor.value instanceof Date : typeof cursor.value === 'string';
    if (!fits || !isUuid(cursor.id)) throw badUserInput([{ path: 'after', message: 'is not a cursor this list gave out' }]);
    // The bound first, as in afterCursor: a range on the (field, id) index.
    after = sql`${field} ${beyond}= ${cursor.value} AND (${field} ${beyond} ${cursor.value} OR ${id} ${beyond} ${cursor.id}::uuid)`;
  }
  return { size, take: size + 1, after, orderBy: sql`${field} ${direction}, ${id} ${direction}` };
}

/** The page size `first` asks for (DEFAULT_PAGE_SIZE when absent); throws BAD_USER_INPUT when out of range. */
export function pageSize(first: number | null | undefined): number {
  const size = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < MIN_PAGE_SIZE || size > MAX_PAGE_SIZE) {
    throw badUserInput([{ path: 'first', message: `must be between ${MIN_PAGE_SIZE} and ${MAX_PAGE_SIZE}` }]);
  }
  return size;
}

/**
 * Builds the connection from rows fetched with `take` = size + 1. Cursors come from the rows;
 * `toNodes` turns the page's rows into what the connection serves (in the same order).
 */
export async function toConnection<R extends object, T = R>(
  rows: R[],
  query: { size: number },
  order: KeysetOrder,
  hadCursor: boolean,
  count: () => Promise<number>,
  toNodes: (rows: R[]) => Promise<T[]> | T[] = (page) => page as unknown as T[],
): Promise<ConnectionMapper<T>> {
  const page = rows.slice(0, query.size);
  const nodes = await toNodes(page);
  const edges = page.map((row, index) => {
    const fields = row as Record<string, unknown>;
    return { node: nodes[index]!, cursor: encodeCursor(fields[order.field] as SortValue, fields[order.idField ?? 'id'] as string) };
  });
  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > query.size,
      hasPreviousPage: hadCursor,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount: count,
  };
}

interface Cursor {
  value: SortValue;
  id: string;
}

function encodeCursor(value: SortValue, id: string): string {
  const encoded = value instanceof Date ? { d: value.toISOString() } : { v: value };
  return Buffer.from(JSON.stringify([encoded, id])).toString('base64url');
}

function decodeCursor(cursor: string): Cursor {
  try {
    const [encoded, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [{ d?: string; v?: SortValue }, string];
    if (typeof id !== 'string') throw new Error('id');
    if (typeof encoded.d === 'string') {
      const date = new Date(encoded.d);
      if (Number.isNaN(date.getTime())) throw new Error('date');
      return { value: date, id };
    }
    return { value: encoded.v ?? null, id };
  } catch {
    throw badUserInput([{ path: 'after', message: 'is not a cursor this list gave out' }]);
  }
}

/**
 * Rows strictly after the cursor in (field, id) order, nulls last. For a column that is never
 * null the bound comes first (`field <= value AND (field < value OR id < id)`): PostgreSQL
 * reads it as a range on the (field, id) index, so a deep page costs what the first one does;
 * the plain OR form would make it walk and discard every row before the cursor.
 */
function afterCursor({ value, id }: Cursor, order: KeysetOrder): Record<string, unknown> {
  const beyond = order.direction === 'desc' ? 'lt' : 'gt';
  const idField = order.idField ?? 'id';
  if (value === null) {
    return { [order.field]: null, [idField]: { [beyond]: id } };
  }
  const strictlyBeyond = [{ [order.field]: { [beyond]: value } }, { [order.field]: value, [idField]: { [beyond]: id } }];
  if (order.nullable) return { OR: [...strictlyBeyond, { [order.field]: null }] };
  return { AND: [{ [order.field]: { [`${beyond}e`]: value } }, { OR: strictlyBeyond }] };
}
