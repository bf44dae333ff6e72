import type { ExpertRole, Person } from '../__generated__/prisma/client.js';
import type { ArticleView } from './articles.snapshot.js';

export type ArticleMapper = ArticleView;
export interface ArticleExpertMapper {
  role: ExpertRole;
  person: Person;
}
