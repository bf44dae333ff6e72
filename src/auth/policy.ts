/**
 * Who may do what: the one place operations are authorized. Services call `authorize` first,
 * before validating or touching the database, so a refused request changes and reveals nothing.
 */
import { forbidden, unauthenticated } from '../errors.js';
import type { Role, Viewer } from './viewer.js';

export type Action =
  /** Create and edit drafts, categories and people. */
  | 'content:write'
  /** Publish, unpublish and schedule. */
  | 'content:publish'
  /** Move to the trash and back. */
  | 'content:delete'
  /** Delete for good. */
  | 'content:purge'
  /** Read drafts (preview), revisions and the trash. */
  | 'drafts:read';

const allowedRoles: Record<Action, readonly Role[]> = {
  'content:write': ['ADMIN'],
  'content:publish': ['ADMIN'],
  'content:delete': ['ADMIN'],
  'content:purge': ['ADMIN'],
  'drafts:read': ['ADMIN'],
};

/** Throws UNAUTHENTICATED for the anonymous public and FORBIDDEN for a role without `action`. */
export function authorize(viewer: Viewer | null, action: Action): asserts viewer is Viewer {
  if (!viewer) {
    throw unauthenticated(
      action === 'drafts:read'
        ? 'Reading drafts needs a token: send "Authorization: Bearer <token>".'
        : 'Editing content needs a token: send "Authorization: Bearer <token>".',
    );
  }
  if (!allowedRoles[action].includes(viewer.role)) {
    throw forbidden(`Your role (${viewer.role}) may not perform ${action}.`);
  }
}
