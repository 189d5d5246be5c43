import type { Actor } from '../../../core/actor.ts';
import type { AuditTrail } from '../../../core/audit-trail.ts';
import { ValidationError } from '../../../core/errors.ts';
import type { Clock, Transactor, Tx } from '../../../core/ports.ts';
import type { Repositories } from '../../../core/repositories.ts';
import {
  type SecuritySettingsInput,
  type SiteSettingsInput,
  securitySettingsInput,
  siteSettingsInput,
} from '../../../core/settings-schemas.ts';
import { validate } from '../../../core/validate.ts';
import type { SecuritySettings } from '../../accounts/index.ts';

export interface SiteSettingsDeps {
  repos: Pick<Repositories, 'settings' | 'audit' | 'credentials'>;
  transactor: Transactor;
  clock: Clock;
  audit: AuditTrail;
}

/** The 'site' setting as the public pages read it (src/http/public/page-context.ts). */
export interface StoredSite {
  name?: string;
  nameKo?: string | null;
  tagline?: string | null;
  taglineKo?: string | null;
  logoPath?: string | null;
  /** The identity stylesheet's path (identity.ts), when colours or fonts are set. */
  identityCss?: string | null;
  footer?: string | null;
  footerKo?: string | null;
  navigation?: Array<{ label: string; labelKo: string | null; path: string }>;
}

async function recordChange(deps: SiteSettingsDeps, actor: Actor, key: string, tx: Tx) {
  await deps.audit.record(actor, 'settings.update', { type: 'setting', id: key }, { key }, tx);
}

/**
 * Saves the site's identity. Fields this form does not edit (the logo) are kept. Without a
 * navigation the menu follows the sections, so the key is left out rather than stored empty.
 */
export async function saveSiteSettings(
  deps: SiteSettingsDeps,
  input: SiteSettingsInput,
  actor: Actor,
): Promise<void> {
  const data = validate(siteSettingsInput, input);
  const at = deps.clock.now().toISOString();
  await deps.transactor.transaction(async (tx) => {
    const current = (await deps.repos.settings.get<StoredSite>('site', tx)) ?? {};
    const { navigation, ...identity } = data;
    const next: StoredSite = { ...current, ...identity };
    if (navigation) next.navigation = navigation;
    else delete next.navigation;
    await deps.repos.settings.set('site', next, at, tx);
    await recordChange(deps, actor, 'site', tx);
  });
}

/**
 * Saves the sign-in policy. Requiring passkeys is refused to an admin who has none: saving it
 * would lock them out at their next sign-in, and perhaps every admin with them.
 */
export async function saveSecuritySettings(
  deps: SiteSettingsDeps,
  input: SecuritySettingsInput,
  actor: Actor,
): Promise<SecuritySettings> {
  const data = validate(securitySettingsInput, input);
  const at = deps.clock.now().toISOString();
  return deps.transactor.transaction(async (tx) => {
    if (data.requirePasskeys) {
      const own =
        actor.userId === null ? [] : await deps.repos.credentials.passkeysOf(actor.userId, tx);
      if (own.length === 0) {
        const message = 'Add a passkey to your own account first, or this would lock you out';
        throw new ValidationError(`requirePasskeys: ${message}`, [
          { path: 'requirePasskeys', message },
        ]);
      }
    }
    await deps.repos.settings.set('security', data, at, tx);
    await recordChange(deps, actor, 'security', tx);
    return data;
  });
}
