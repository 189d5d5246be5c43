import type { Tx } from '../ports.ts';

/** What a note records: a remark for the next reviewer, or an explicit sign-off. */
export const EDITORIAL_NOTE_KINDS = ['note', 'sign-off'] as const;
export type EditorialNoteKind = (typeof EDITORIAL_NOTE_KINDS)[number];

/** An editorial note as stored (the `editorial_notes` table, migration 0104). */
export interface EditorialNoteRow {
  id: number;
  publicationId: number;
  /** Null once the author's account is removed: the note stays in the piece's history. */
  authorUserId: number | null;
  kind: EditorialNoteKind;
  body: string;
  createdAt: string;
}

/** A note as editors read it, with its author's name. */
export type EditorialNoteListing = EditorialNoteRow & { author: string | null };

/**
 * Staff-only notes on a piece, kept as its history: they are added and read, never changed or
 * removed (they go only with the piece itself, when it is purged).
 */
export interface EditorialNotesRepository {
  insert(note: Omit<EditorialNoteRow, 'id'>, tx?: Tx): Promise<number>;
  /** A piece's notes, oldest first, as a history reads. */
  list(publicationId: number, tx?: Tx): Promise<EditorialNoteListing[]>;
}
