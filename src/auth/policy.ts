/**
 * Who may do what: the one place operations are authorized. Services call `authorize` first,
 * before validating or touching the database, so a refused request changes and reveals nothing.
 */
import { forbidden, unauthenticated } from '../errors.js';
import type { Role, Viewer } from './viewer.js';

export type Action = 'content:write';

const allowedRoles: Record<Action, readonly Role[]> = {
  'content:write': ['ADMIN'],
};

/** Throws UNAUTHENTICATED for the anonymous public and FORBIDDEN for a role without `action`. */
export function authorize(viewer: Viewer | null, action: Action): asserts viewer is Viewer {
  if (!viewer) {
    throw unauthenticated('Editing content needs a token: send "Authorization: Bearer <token>".');
  }
  if (!allowedRoles[action].includes(viewer.role)) {
    throw forbidden(`Your role (${viewer.role}) may not perform ${action}.`);
  }
}
