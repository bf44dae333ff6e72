/**
 * Checks that ids an editor refers to exist, so a dangling reference is reported as
 * BAD_USER_INPUT naming the field, instead of surfacing as a foreign-key failure.
 */
import type { Db } from '../context.js';
import type { Issue } from '../errors.js';

export type ReferencedModel = 'category' | 'person' | 'treatment' | 'comparison' | 'article' | 'tag';

export interface Reference {
  model: ReferencedModel;
  id: string;
  /** Where the client gave the id, e.g. `input.experts.1.personId`. */
  path: string;
}

const nouns: Record<ReferencedModel, string> = {
  category: 'category',
  person: 'person',
  treatment: 'treatment',
  comparison: 'comparison',
  article: 'article',
  tag: 'tag',
};

/** Ids of `model` rows that exist; documents in the trash do not count. */
function existingIds(db: Db, model: ReferencedModel, ids: string[]): Promise<{ id: string }[]> {
  const args = { where: { id: { in: ids } }, select: { id: true } } as const;
  const live = { where: { id: { in: ids }, deletedAt: null }, select: { id: true } } as const;
  switch (model) {
    case 'category':
      return db.category.findMany(args);
    case 'person':
      return db.person.findMany(args);
    case 'treatment':
      return db.treatment.findMany(live);
    case 'comparison':
      return db.comparison.findMany(live);
    case 'article':
      return db.article.findMany(live);
    case 'tag':
      return db.tag.findMany(args);
  }
}

/** Answers an issue for each reference whose row does not exist (one query per model used). */
export async function missingReferences(db: Db, references: Reference[]): Promise<Issue[]> {
  const models = [...new Set(references.map((r) => r.model))];
  const found = new Map<ReferencedModel, Set<string>>();
  for (const model of models) {
    const ids = [...new Set(references.filter((r) => r.model === model).map((r) => r.id))];
    found.set(model, new Set((await existingIds(db, model, ids)).map((row) => row.id)));
  }
  return references
    .filter((r) => !found.get(r.model)?.has(r.id))
    .map((r) => ({ path: r.path, message: `no ${nouns[r.model]} has id "${r.id}"` }));
}
