/**
 * Who is doing something: a signed-in user, a token, or the system. `label` names them in the
 * audit trail; `mayPublish` is the one right the save itself checks, because a change that moves
 * a piece before readers or out of their view must be refused on every path alike.
 */
export interface Actor {
  userId: number | null;
  label: string;
  ip: string | null;
  mayPublish: boolean;
}

/** An operator at the command line holds every right over the archive. */
export function cliActor(): Actor {
  return { userId: null, label: 'command line', ip: null, mayPublish: true };
}
