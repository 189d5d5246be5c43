import type { Repositories } from '../../core/repositories.ts';

/** Sign-in policy, set by admins; these defaults apply until they change it. */
export interface SecuritySettings {
  idleTimeoutMinutes: number;
  absoluteTimeoutHours: number;
  /** When true, staff may sign in only with a passkey. */
  requirePasskeys: boolean;
}

export const DEFAULT_SECURITY: SecuritySettings = {
  idleTimeoutMinutes: 30,
  absoluteTimeoutHours: 12,
  requirePasskeys: false,
};

export async function securitySettings(
  repos: Pick<Repositories, 'settings'>,
): Promise<SecuritySettings> {
  return {
    ...DEFAULT_SECURITY,
    ...((await repos.settings.get<Partial<SecuritySettings>>('security')) ?? {}),
  };
}
