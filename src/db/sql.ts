/**
 * Plain SQL for the public read path (published pages, lists, search), sent on the same pool
 * as Prisma's queries but not through Prisma Client.
 *
 * Why: for the reads every page view makes, Prisma's per-statement work (building the query,
 * mapping and re-parsing each row) cost about 1 ms of CPU per statement, half of a page's whole
 * time in Node, while the driver itself needs a tenth of that (see README, "Performance").
 * Writes, editors' reads and anything in a transaction stay on Prisma Client, with its types and
 * its error mapping.
 *
 * Values are always bound parameters: `sql` never puts a value into the statement's text.
 * On PostgreSQL each distinct text is a named prepared statement, so the server parses and plans
 * it once per connection; the texts here come from a fixed set of templates, so they stay few.
 */
import { createHash } from 'node:crypto';
import type { PGlite } from '@electric-sql/pglite';
import type pg from 'pg';

/** A statement or a fragment of one: text with holes, and the values that fill them. */
export class Sql {
  constructor(
    readonly strings: readonly string[],
    readonly values: readonly unknown[],
  ) {}

  /** The text with $1, $2, … for the values, and the values in that order. */
  compile(): { text: string; values: unknown[] } {
    const values: unknown[] = [];
    const text = this.render(values);
    return { text, values };
  }

  private render(values: unknown[]): string {
    let text = this.strings[0]!;
    for (let i = 0; i < this.values.length; i += 1) {
      const value = this.values[i];
      if (value instanceof Sql) text += value.render(values);
      else {
        values.push(value);
        text += `$${values.length}`;
      }
      text += this.strings[i + 1]!;
    }
    return text;
  }
}

/** sql`SELECT … WHERE slug = ${slug}`: each `${}` is a bound parameter, or a nested `sql` fragment. */
export function sql(strings: TemplateStringsArray, ...values: unknown[]): Sql {
  return new Sql(strings, values);
}

/** Fragments joined by `separator` (say, conditions by ' AND '). */
sql.join = (fragments: readonly Sql[], separator: string): Sql => {
  if (fragments.length === 0) return new Sql([''], []);
  return new Sql(['', ...Array<string>(fragments.length - 1).fill(separator), ''], fragments);
};

/** Text written in the code (a column or keyword picked from a fixed set), never a client's value. */
sql.raw = (text: string): Sql => new Sql([text], []);

export interface SqlReader {
  /**
   * Runs one read statement outside any transaction. Rows come back as objects by column name:
   * json/jsonb parsed, timestamptz as Date, int as number (cast counts to int: int8 arrives as
   * text on PostgreSQL). Errors are the driver's (SQLSTATE in `code`).
   */
  query<Row extends object>(statement: Sql): Promise<Row[]>;
}

/** Called with each statement's text (tests and the benchmark count them). */
export type OnQuery = ((text: string) => void) | undefined;

export function postgresReader(pool: pg.Pool, onQuery: OnQuery): SqlReader {
  const names = new Map<string, string>();
  const nameOf = (text: string): string => {
    let name = names.get(text);
    if (!name) {
      name = `cms_${createHash('sha1').update(text).digest('base64url').slice(0, 22)}`;
      names.set(text, name);
    }
    return name;
  };
  return {
    async query<Row extends object>(statement: Sql): Promise<Row[]> {
      const { text, values } = statement.compile();
      onQuery?.(text);
      const result = await pool.query<Row>({ name: nameOf(text), text, values });
      return result.rows;
    },
  };
}

export function pgliteReader(pglite: PGlite, onQuery: OnQuery): SqlReader {
  return {
    async query<Row extends object>(statement: Sql): Promise<Row[]> {
      const { text, values } = statement.compile();
      onQuery?.(text);
      // Queued behind any open transaction (PGlite runs one at a time), never inside it.
      return (await pglite.query<Row>(text, values)).rows;
    },
  };
}
