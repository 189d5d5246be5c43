import type { Actor } from '../../core/actor.ts';
import type { AuditTrail } from '../../core/audit-trail.ts';
import { ValidationError } from '../../core/errors.ts';
import type { Clock, Transactor } from '../../core/ports.ts';
import {
  EDITORIAL_NOTE_KINDS,
  type EditorialNoteKind,
  type EditorialNoteListing,
} from '../../core/repositories/editorial-notes-repository.ts';
import type { Repositories } from '../../core/repositories.ts';

/**
 * Editorial notes: what an editor leaves on a piece for the next reviewer, and the sign-off a
 * reviewer records ("checked for identifying details: ok to publish") before testimony goes
 * live. Notes are the piece's history, so they are only ever added: no note is edited or
 * deleted. They are for staff alone and appear on no public surface.
 */
export interface EditorialNotesDeps {
  repos: Pick<Repositories, 'editorialNotes'>;
  transactor: Transactor;
  clock: Clock;
  audit: AuditTrail;
}

export const NOTE_MAX_LENGTH = 4_000;

export type { EditorialNoteKind, EditorialNoteListing };

/** Control characters other than line breaks and tabs, which a textarea may send. */
const CONTROL = /(?![\t\n])\p{Cc}/u;

export function isEditorialNoteKind(value: string): value is EditorialNoteKind {
  return (EDITORIAL_NOTE_KINDS as readonly string[]).includes(value);
}

/** The note as it will be kept: line breaks made plain, surrounding space trimmed. */
export function cleanNoteBody(body: string): string {
  const text = body.replace(/\r\n?/g, '\n').trim();
  const problem = !text
    ? 'Write the note before adding it.'
    : [...text].length > NOTE_MAX_LENGTH
      ? `A note holds at most ${NOTE_MAX_LENGTH.toLocaleString('en')} characters; this one has ${[...text].length.toLocaleString('en')}.`
      : CONTROL.test(text)
        ? 'The note contains control characters; type or paste it again as plain text.'
        : null;
  if (problem) throw new ValidationError(problem, [{ path: 'body', message: problem }]);
  return text;
}

/** Adds a note to a piece's history, with its audit entry in the same transaction. */
export async function addEditorialNote(
  deps: EditorialNotesDeps,
  publicationId: number,
  body: string,
  kind: EditorialNoteKind,
  actor: Actor,
): Promise<EditorialNoteListing> {
  if (!isEditorialNoteKind(kind)) {
    throw new ValidationError('A note is either a note or a sign-off.', [
      { path: 'kind', message: 'A note is either a note or a sign-off.' },
    ]);
  }
  const text = cleanNoteBody(body);
  const note = {
    publicationId,
    authorUserId: actor.userId,
    kind,
    body: text,
    createdAt: deps.clock.now().toISOString(),
  };
  const id = await deps.transactor.transaction(async (tx) => {
    const id = await deps.repos.editorialNotes.insert(note, tx);
    // The text stays in the notes table; the trail records that it was written, and by whom.
    await deps.audit.record(
      actor,
      kind === 'sign-off' ? 'publication.note.sign-off' : 'publication.note.add',
      { type: 'publication', id: publicationId },
      { note: id, kind, length: [...text].length },
      tx,
    );
    return id;
  });
  return { id, ...note, author: actor.label };
}

/** A piece's notes, oldest first. */
export function listEditorialNotes(
  deps: Pick<EditorialNotesDeps, 'repos'>,
  publicationId: number,
): Promise<EditorialNoteListing[]> {
  return deps.repos.editorialNotes.list(publicationId);
}
