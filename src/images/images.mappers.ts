export type { Image as ImageMapper } from '../__generated__/prisma/client.js';
