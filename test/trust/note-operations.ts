import { newMarker } from './markers.ts';
import { mayEdit } from './model.ts';
import type { Op } from './operations.ts';
import { allow, type Runner, refuse } from './runner.ts';

/**
 * An editorial note or sign-off left on a piece in the back office. Whatever becomes of the
 * piece (published, withdrawn, exported), its notes are for staff alone: the note's word is
 * hidden on every public surface, whether the note was kept or refused.
 */
export async function note(r: Runner, op: Extract<Op, { kind: 'note' }>): Promise<void> {
  const p = r.pick(op.piece, op.actor);
  const session = await r.session(op.actor);
  const word = newMarker();
  r.model.notes.push(word);
  const verdict = r.gone(p)
    ? refuse('the piece is not there')
    : !mayEdit(op.actor, p)
      ? refuse(`${op.actor} may not edit this piece`)
      : allow();
  const ans = await session.post(`/admin/publications/${p.id}/notes`, {
    note: `Checked the testimony of ${word} for identifying details.`,
    kind: op.signOff ? 'sign-off' : 'note',
  });
  r.judge(op.signOff ? 'sign-off' : 'note', verdict, ans, true);
}
