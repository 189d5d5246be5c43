import type { UserRole } from './content-types.ts';
import type { PublicationStatus } from './publication-status.ts';

/**
 * What each role may do. Every admin route names one action, and `can` is the only place that
 * answers; the authorization test walks the route table against this matrix.
 */
export const ACTIONS = [
  'admin.enter',
  'publication.create',
  'publication.edit',
  'publication.publish',
  'publication.delete',
  'entities.edit',
  'redirects.edit',
  'files.upload',
  'jobs.read',
  'trash.restore',
  'trash.purge',
  'users.manage',
  'settings.manage',
  'audit.read',
  'tokens.manage',
] as const;
export type Action = (typeof ACTIONS)[number];

/** An editor may do all a contributor may, and more. */
const CONTRIBUTOR_ACTIONS: readonly Action[] = [
  'admin.enter',
  'publication.create',
  'publication.edit',
  'files.upload',
];

const GRANTS: Record<UserRole, ReadonlySet<Action>> = {
  contributor: new Set<Action>(CONTRIBUTOR_ACTIONS),
  editor: new Set<Action>([
    ...CONTRIBUTOR_ACTIONS,
    'publication.publish',
    'publication.delete',
    'entities.edit',
    'redirects.edit',
    'jobs.read',
  ]),
  admin: new Set<Action>(ACTIONS),
};

export interface Actor {
  id: number;
  role: UserRole;
}

/** Facts about a publication that decide whether a contributor may touch it. */
export interface PublicationOwnership {
  createdByUserId: number | null;
  status: PublicationStatus;
}

export function can(user: Actor, action: Action, publication?: PublicationOwnership): boolean {
  if (!GRANTS[user.role].has(action)) return false;
  if (
    user.role === 'contributor' &&
    publication &&
    (action === 'publication.edit' || action === 'files.upload')
  ) {
    // A contributor writes and submits their own drafts; once published, editors own them.
    return (
      publication.createdByUserId === user.id &&
      (publication.status === 'draft' || publication.status === 'in-review')
    );
  }
  return true;
}

/** Statuses a role may save. Contributors submit for review; only editors publish. */
export function allowedStatuses(role: UserRole): PublicationStatus[] {
  return role === 'contributor'
    ? ['draft', 'in-review']
    : ['draft', 'in-review', 'scheduled', 'published', 'withdrawn'];
}
