/** Who is doing something, for the audit trail: a signed-in user, a token, or the system. */
export interface Actor {
  userId: number | null;
  label: string;
  ip: string | null;
}

export const SYSTEM_ACTOR: Actor = { userId: null, label: 'system', ip: null };

export function cliActor(): Actor {
  return { userId: null, label: 'command line', ip: null };
}
