import type { AdminPageContext } from '../../../ui/admin/admin-layout.tsx';
import { Field } from '../../../ui/admin/form-fields.tsx';

/** A note as the panel lists it. */
export interface EditorialNoteItem {
  id: number;
  kind: 'note' | 'sign-off';
  body: string;
  /** Null when the author's account was removed. */
  author: string | null;
  createdAt: string;
}

/** Where the form was sent from, so that the answer comes back to the same page. */
export type NotesPanelPlace = 'editor' | 'history';

const KIND_LABELS: Record<EditorialNoteItem['kind'], string> = {
  note: 'Note',
  'sign-off': 'Sign-off',
};

export const minuteUtc = (at: string) => `${at.slice(0, 16).replace('T', ' ')} UTC`;

/** The text as typed, line by line: plain text, never Markdown or HTML. */
function PlainLines(props: { text: string }) {
  const lines = props.text.split('\n');
  return <p class="note-body">{lines.map((line, i) => (i === 0 ? line : [<br />, line]))}</p>;
}

/**
 * The piece's editorial notes, oldest first, and the form that adds one: a note for the next
 * reviewer, or a sign-off. Notes are for staff only and are never shown to readers; they are
 * the piece's history, so none can be edited or deleted. Place it outside the editor's own
 * form (forms do not nest).
 */
export function EditorialNotesPanel(props: {
  ctx: AdminPageContext;
  publicationId: number;
  notes: EditorialNoteItem[];
  /** A refused note: why, and the text typed, kept so nothing is lost. */
  error?: string;
  draft?: string;
  from?: NotesPanelPlace;
}) {
  const { ctx, notes } = props;
  return (
    <section class="editorial-notes" aria-labelledby="editorial-notes-heading">
      <h2 id="editorial-notes-heading">Editorial notes</h2>
      <p class="hint">
        For staff only: readers never see these notes. They are part of this piece’s history, so a
        note cannot be edited or deleted once added.
      </p>
      {notes.length > 0 ? (
        <ol class="note-list">
          {notes.map((n) => (
            <li id={`note-${n.id}`} class={`note note-${n.kind}`}>
              <p class="note-meta">
                <strong>{KIND_LABELS[n.kind] ?? n.kind}</strong> by{' '}
                {n.author ?? 'a removed account'},{' '}
                <time datetime={n.createdAt}>{minuteUtc(n.createdAt)}</time>
              </p>
              <PlainLines text={n.body} />
            </li>
          ))}
        </ol>
      ) : (
        <p>No notes yet.</p>
      )}
      <form method="post" action={`/admin/publications/${props.publicationId}/notes`}>
        <input type="hidden" name="_csrf" value={ctx.csrfToken} />
        <input type="hidden" name="from" value={props.from ?? 'editor'} />
        <Field
          label="New note"
          name="note"
          multiline
          rows={4}
          required
          value={props.draft}
          error={props.error}
          hint="For the next reviewer. To sign off, say what you checked, e.g. “Checked for identifying details: ok to publish”."
        />
        <button type="submit" name="kind" value="note">
          Add note
        </button>{' '}
        <button type="submit" name="kind" value="sign-off">
          Sign off
        </button>
      </form>
    </section>
  );
}
