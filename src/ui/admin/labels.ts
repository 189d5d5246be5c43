import type {
  AttachmentRole,
  ContributionRole,
  PublicationType,
} from '../../core/content-types.ts';
import type { PublicationStatus } from '../../core/publication-status.ts';
import { translator } from '../i18n/translate.ts';

/**
 * The words the back office shows for the archive's codes: "Satellite imagery report", not
 * "imagery-report". Types and roles read as the public site names them; statuses and file
 * states say what they mean for the editor.
 */
const en = translator('en');

export function typeLabel(type: PublicationType): string {
  return en(`type.${type}`);
}

export function roleLabel(role: ContributionRole): string {
  const word = en(`role.${role}`);
  return word.charAt(0).toUpperCase() + word.slice(1);
}

const STATUS: Record<PublicationStatus, string> = {
  draft: 'Draft',
  'in-review': 'In review',
  scheduled: 'Scheduled',
  published: 'Published',
  withdrawn: 'Withdrawn',
};

export function statusLabel(status: PublicationStatus): string {
  return STATUS[status];
}

const FILE_STATE: Record<string, string> = {
  queued: 'Waiting to be read',
  running: 'Being read',
  done: 'Ready',
  failed: 'Could not be read',
};

/** A file's extraction state, or a background job's. */
export function fileStateLabel(state: string): string {
  return FILE_STATE[state] ?? state;
}

const ATTACHMENT_ROLE: Record<AttachmentRole, string> = {
  'main-pdf': 'Main PDF',
  supplement: 'Supplement',
  image: 'Image',
  cover: 'Cover',
};

export function attachmentRoleLabel(role: AttachmentRole | string): string {
  return ATTACHMENT_ROLE[role as AttachmentRole] ?? role;
}

/** A person in a list to pick from: sorted name, and the Korean name when there is one. */
export function personLabel(person: { sortName: string; nameKo: string | null }): string {
  return person.nameKo ? `${person.sortName} · ${person.nameKo}` : person.sortName;
}
