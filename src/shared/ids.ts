import { notFound } from '../errors.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(id: string): boolean {
  return UUID.test(id);
}

/** Answers `id` when it can name a row; an id that cannot exist is NOT_FOUND like a deleted one. */
export function existingId(what: string, id: string): string {
  if (!UUID.test(id)) throw notFound(what, id);
  return id.toLowerCase();
}
