import type { Actor } from '../../core/actor.ts';
import { USER_ROLES } from '../../core/content-types.ts';
import type { User } from '../../core/entities.ts';
import { NotFoundError, ValidationError } from '../../core/errors.ts';
import type { Clock } from '../../core/ports.ts';
import type { Repositories } from '../../core/repositories.ts';
import { changeRole, type ManageUsersDeps, setDisabled } from './manage-users.ts';

export interface StaffMember extends User {
  passkeys: number;
  activeSessions: number;
}

/** Every account with what an admin checks first: how they sign in and where they are signed in. */
export async function staffOverview(deps: {
  repos: Pick<Repositories, 'users' | 'credentials' | 'sessions'>;
  clock: Clock;
}): Promise<StaffMember[]> {
  const now = deps.clock.now().toISOString();
  const users = await deps.repos.users.list();
  return Promise.all(
    users.map(async (u) => ({
      ...u,
      passkeys: (await deps.repos.credentials.passkeysOf(u.id)).length,
      activeSessions: (await deps.repos.sessions.activeOf(u.id, now)).length,
    })),
  );
}

/**
 * An admin may not demote or disable their own account from the back office: one slip would
 * leave the archive with no admin to undo it. Another admin (or `dossier user`) can.
 */
function notOwnAccount(actor: Actor, userId: number, what: string): void {
  if (actor.userId === userId) {
    throw new ValidationError(`You cannot ${what} your own account; ask another admin`, [
      { path: 'user', message: `You cannot ${what} your own account; ask another admin` },
    ]);
  }
}

export async function changeStaffRole(
  deps: ManageUsersDeps,
  userId: number,
  role: string,
  actor: Actor,
): Promise<void> {
  const known = USER_ROLES.find((r) => r === role);
  if (!known) {
    throw new ValidationError('role: Choose a role', [{ path: 'role', message: 'Choose a role' }]);
  }
  notOwnAccount(actor, userId, 'change the role of');
  await changeRole(deps, userId, known, actor);
}

export async function setStaffDisabled(
  deps: ManageUsersDeps,
  userId: number,
  disabled: boolean,
  actor: Actor,
): Promise<void> {
  if (!(await deps.repos.users.findById(userId))) throw new NotFoundError('No such user');
  if (disabled) notOwnAccount(actor, userId, 'disable');
  await setDisabled(deps, userId, disabled, actor);
}
