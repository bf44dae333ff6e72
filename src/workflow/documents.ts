/**
 * What every document (article, treatment, comparison) has besides its content: identity,
 * version and workflow state, and which stage a view of it shows.
 */
import type { DocumentStatus, DocumentType } from '../__generated__/prisma/client.js';

export type { DocumentStatus, DocumentType };

/** A view shows either the working draft (editors' preview) or the published version. */
export type Stage = 'DRAFT' | 'PUBLISHED';

export interface DocumentMeta {
  id: string;
  type: DocumentType;
  stage: Stage;
  version: number;
  status: DocumentStatus;
  createdAt: Date;
  updatedAt: Date;
  scheduledAt: Date | null;
  updatedBy: string | null;
  deletedAt: Date | null;
  /** The slug the document was looked up by, when that is an old one (see redirectTo). */
  requestedSlug?: string;
}

/** Any view of a document: its workflow state and at least its slug. */
export type DocumentView = DocumentMeta & { slug: string };

/** The workflow columns of a document row, as Prisma answers them. */
export type DocumentRow = Pick<DocumentMeta, 'id' | 'version' | 'status' | 'createdAt' | 'updatedAt' | 'scheduledAt' | 'updatedBy' | 'deletedAt'> & {
  createdBy: string | null;
};

export function draftMeta(type: DocumentType, row: DocumentRow): DocumentMeta {
  return {
    id: row.id,
    type,
    stage: 'DRAFT',
    version: row.version,
    status: row.status,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    scheduledAt: row.scheduledAt,
    updatedBy: row.updatedBy,
    deletedAt: row.deletedAt,
  };
}

/** A published version as the public sees it: always PUBLISHED, at the version it was published. */
export function publishedMeta(type: DocumentType, row: { version: number; updatedAt: Date }, id: string, createdAt: Date): DocumentMeta {
  return {
    id,
    type,
    stage: 'PUBLISHED',
    version: row.version,
    status: 'PUBLISHED',
    createdAt,
    updatedAt: row.updatedAt,
    scheduledAt: null,
    updatedBy: null,
    deletedAt: null,
  };
}

export const documentNouns: Record<DocumentType, string> = {
  ARTICLE: 'article',
  TREATMENT: 'treatment',
  COMPARISON: 'comparison',
};
