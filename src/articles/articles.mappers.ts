export type { Article as ArticleMapper, ArticleExpert as ArticleExpertMapper } from '../__generated__/prisma/client.js';
