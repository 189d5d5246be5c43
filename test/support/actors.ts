import type { Actor } from '../../src/core/actor.ts';

/** Tests set up their archive as an actor that holds every right, named "system" in the audit trail. */
export const SYSTEM_ACTOR: Actor = { userId: null, label: 'system', ip: null, mayPublish: true };
