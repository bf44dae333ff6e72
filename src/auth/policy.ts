/**
 * Who may do what: the one place access is decided. Services call `authorize` first, before
 * validating or touching the database, so a refused request changes and reveals nothing; for
 * actions on one document, `authorizeDocument` adds the ownership rule once the row is locked.
 *
 *   ADMIN    everything, including users and API tokens, and purging for good
 *   EDITOR   all content: write, publish, unpublish, schedule, trash; categories, tags and people
 *   AUTHOR   create documents and edit, trash and restore their own; cannot publish
 *   PREVIEW  read drafts (preview frontends)
 *   public   published content only
 */
import { forbidden, unauthenticated } from '../errors.js';
import type { Role, Viewer } from './viewer.js';

export type Action =
  /** Create documents (articles, treatments, comparisons). */
  | 'content:create'
  /** Edit a document's draft; authors only their own. */
  | 'content:write'
  /** Publish, unpublish and schedule. */
  | 'content:publish'
  /** Move to the trash and back; authors only their own. */
  | 'content:delete'
  /** Delete for good. */
  | 'content:purge'
  /** Read drafts (preview), revisions and the trash. */
  | 'drafts:read'
  /** Create, edit and delete categories, tags and people. */
  | 'taxonomy:write'
  /** Manage user accounts. */
  | 'users:manage'
  /** Create, list and revoke API tokens. */
  | 'tokens:manage';

const allowedRoles: Record<Action, readonly Role[]> = {
  'content:create': ['ADMIN', 'EDITOR', 'AUTHOR'],
  'content:write': ['ADMIN', 'EDITOR', 'AUTHOR'],
  'content:publish': ['ADMIN', 'EDITOR'],
  'content:delete': ['ADMIN', 'EDITOR', 'AUTHOR'],
  'content:purge': ['ADMIN'],
  'drafts:read': ['ADMIN', 'EDITOR', 'AUTHOR', 'PREVIEW'],
  'taxonomy:write': ['ADMIN', 'EDITOR'],
  'users:manage': ['ADMIN'],
  'tokens:manage': ['ADMIN'],
};

/** Actions on one document that authors may take on their own documents only. */
const ownDocumentsOnly: Partial<Record<Action, readonly Role[]>> = {
  'content:write': ['AUTHOR'],
  'content:delete': ['AUTHOR'],
};

/** Throws UNAUTHENTICATED for the anonymous public and FORBIDDEN for a role without `action`. */
export function authorize(viewer: Viewer | null, action: Action): asserts viewer is Viewer {
  if (!viewer) {
    throw unauthenticated(
      action === 'drafts:read'
        ? 'Reading drafts needs a token: send "Authorization: Bearer <token>".'
        : 'This needs a token: send "Authorization: Bearer <token>".',
    );
  }
  if (!allowedRoles[action].includes(viewer.role)) {
    throw forbidden(`Your role (${viewer.role}) may not do this (${action}).`);
  }
}

/** `authorize`, plus: authors act only on documents they created. */
export function authorizeDocument(viewer: Viewer | null, action: Action, document: { createdBy: string | null }): asserts viewer is Viewer {
  authorize(viewer, action);
  if (ownDocumentsOnly[action]?.includes(viewer.role) && document.createdBy !== viewer.id) {
    throw forbidden(`Your role (${viewer.role}) may change only documents you created; this one is someone else's.`);
  }
}
