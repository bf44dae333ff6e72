export type { Tag as TagMapper } from '../__generated__/prisma/client.js';
