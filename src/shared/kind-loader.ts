/**
 * One DataLoader for rows of several tables at once, so a page that needs treatments,
 * comparisons and linked articles (or categories and people) in the same tick costs one SQL
 * statement, not one per table. Each kind is served through a facade with DataLoader's
 * load/loadMany/prime, keyed by plain ids.
 */
import DataLoader from 'dataloader';

export interface IdLoader<T> {
  load(id: string): Promise<T | null>;
  loadMany(ids: readonly string[]): Promise<Array<T | null | Error>>;
  prime(id: string, value: T): unknown;
}

/**
 * `fetch` answers the rows found for each kind's ids (in one statement); `of(kind, toValue)`
 * gives the loader of one kind, mapping its rows to values once per request. Rows `fetch`
 * answers beyond those asked for (say, an article's category fetched with the article) are
 * kept, so asking for them later costs no statement.
 */
export function kindLoader<K extends string, Row>(fetch: (idsByKind: Record<K, string[]>, kinds: readonly K[]) => Promise<{ kind: K; id: string; row: Row }[]>, kinds: readonly K[]) {
  const rows = new DataLoader<string, Row | null>(async (keys) => {
    const idsByKind = Object.fromEntries(kinds.map((kind) => [kind, [] as string[]])) as Record<K, string[]>;
    for (const key of keys) {
      const split = key.indexOf(':');
      idsByKind[key.slice(0, split) as K].push(key.slice(split + 1));
    }
    const found = new Map((await fetch(idsByKind, kinds)).map((r) => [`${r.kind}:${r.id}`, r.row]));
    const asked = new Set(keys);
    for (const [key, row] of found) if (!asked.has(key)) rows.prime(key, row);
    return keys.map((key) => found.get(key) ?? null);
  });

  return {
    /**
     * Rows another statement read (a page's, along with its root): each is kept as if fetched,
     * and each key in `asked` that none of them answers is known to be missing, so no statement
     * asks for it again.
     */
    prime(found: readonly { kind: K; id: string; row: Row }[], asked: readonly { kind: K; id: string }[]): void {
      for (const r of found) rows.prime(`${r.kind}:${r.id}`, r.row);
      // prime() leaves a key it already holds alone: only the missing ones become null.
      for (const a of asked) rows.prime(`${a.kind}:${a.id}`, null);
    },
    of<T>(kind: K, toValue: (row: Row) => T): IdLoader<T> {
      const values = new Map<string, T | null>();
      const load = async (id: string): Promise<T | null> => {
        if (values.has(id)) return values.get(id)!;
        const row = await rows.load(`${kind}:${id}`);
        const value = row === null ? null : toValue(row);
        values.set(id, value);
        return value;
      };
      return {
        load,
        loadMany: (ids) => Promise.all(ids.map((id) => load(id).catch((error: unknown) => (error instanceof Error ? error : new Error(String(error)))))),
        prime: (id, value) => void values.set(id, value),
      };
    },
  };
}
