import type {
  AttachmentRole,
  ContributionRole,
  PublicationType,
  UserRole,
} from '../../core/content-types.ts';
import type { PublicationStatus } from '../../core/publication-status.ts';
import type { Locale } from '../i18n/locales.ts';
import { en } from '../i18n/messages.en.ts';
import { ko } from '../i18n/messages.ko.ts';

/**
 * The words the back office shows for the archive's codes: "Satellite imagery report", not
 * "imagery-report". Types and roles read as the public site names them; statuses and file
 * states say what they mean for the editor. Each has its English and Korean words in the
 * interface catalogs; the back office itself is in English, the default here.
 */
const CATALOGS: Record<Locale, Record<string, string>> = { en, ko };

/** A code the catalogs do not know (a new job state, say) shows as itself, never as a key. */
const say = (locale: Locale, key: string, code: string) => CATALOGS[locale][key] ?? code;

export function typeLabel(type: PublicationType, locale: Locale = 'en'): string {
  return say(locale, `type.${type}`, type);
}

export function roleLabel(role: ContributionRole, locale: Locale = 'en'): string {
  const word = say(locale, `role.${role}`, role);
  return word.charAt(0).toUpperCase() + word.slice(1);
}

export function statusLabel(status: PublicationStatus, locale: Locale = 'en'): string {
  return say(locale, `admin.status.${status}`, status);
}

/** A file's extraction state ("stored" for a file with nothing to read), or a background job's. */
export function fileStateLabel(state: string, locale: Locale = 'en'): string {
  return say(locale, `admin.state.${state}`, state);
}

export function attachmentRoleLabel(role: AttachmentRole | string, locale: Locale = 'en'): string {
  return say(locale, `admin.attachment.${role}`, role);
}

/** A staff account's role: "Administrator", not "admin". */
export function staffRoleLabel(role: UserRole | string, locale: Locale = 'en'): string {
  return say(locale, `admin.staff.${role}`, role);
}

/** A person in a list to pick from: sorted name, and the Korean name when there is one. */
export function personLabel(person: { sortName: string; nameKo: string | null }): string {
  return person.nameKo ? `${person.sortName} · ${person.nameKo}` : person.sortName;
}
