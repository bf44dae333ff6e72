export type { Category as CategoryMapper } from '../__generated__/prisma/client.js';
