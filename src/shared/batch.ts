/**
 * Helpers for DataLoader batch functions, which must answer one result per key, in key order.
 */
import DataLoader from 'dataloader';

/** A loader of one row per id (null for a missing id), fetched with one query per batch. */
export function loaderById<T extends { id: string }>(fetch: (ids: string[]) => Promise<T[]>): DataLoader<string, T | null> {
  return new DataLoader(async (ids) => {
    const rows = await fetch([...ids]);
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}

/**
 * A loader of the values that belong to each key, where one value may belong to several keys
 * (e.g. articles whose treatmentIds hold a treatment), fetched with one query per batch.
 * `fetch` answers each value with the keys it belongs to, in the order lists should keep.
 */
export function loaderOfMembers<T>(fetch: (keys: string[]) => Promise<{ keys: string[]; value: T }[]>): DataLoader<string, T[]> {
  return new DataLoader(async (keys) => {
    const groups = new Map<string, T[]>(keys.map((key) => [key, []]));
    for (const { keys: owners, value } of await fetch([...keys])) {
      for (const key of owners) groups.get(key)?.push(value);
    }
    return keys.map((key) => groups.get(key) ?? []);
  });
}

/** Answers the loaded values that exist, in key order, dropping misses. */
export async function loadPresent<T>(loader: Pick<DataLoader<string, T | null>, 'loadMany'>, ids: readonly string[]): Promise<T[]> {
  const values = await loader.loadMany(ids);
  return values.filter((v): v is T => v !== null && !(v instanceof Error));
}
