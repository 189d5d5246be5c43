import type { ActiveSession } from '../sessions.ts';

/** What admin middleware puts on the request for the handlers. */
export interface AdminEnv {
  Variables: {
    requestId: string;
    session: ActiveSession | null;
    cspNonce: string;
  };
}
