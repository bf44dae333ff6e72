export type { Treatment as TreatmentMapper } from '../__generated__/prisma/client.js';
