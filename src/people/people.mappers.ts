export type { Person as PersonMapper } from '../__generated__/prisma/client.js';
