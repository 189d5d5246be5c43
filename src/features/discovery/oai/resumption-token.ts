import { z } from 'zod';
import type { OaiPosition, OaiWindow } from './oai-protocol.ts';

/**
 * Stateless resumption tokens: the list's parameters and its position, as base64url JSON. Nothing
 * is kept on the server, so a token outlives a restart and works on any instance. A token is
 * checked field by field on its way back in; a forged one can only ask for what a harvester may
 * ask for anyway, because every page still goes through the public-visibility rule.
 */
const INSTANT = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);

const tokenSchema = z
  .object({
    v: z.literal(1),
    verb: z.enum(['ListRecords', 'ListIdentifiers']),
    prefix: z.string().min(1).max(64),
    set: z.string().min(1).max(200).nullable(),
    from: INSTANT.nullable(),
    until: INSTANT,
    afterStamp: INSTANT,
    afterId: z.number().int().nonnegative(),
    cursor: z.number().int().nonnegative(),
  })
  .strict();

export type ResumptionState = z.infer<typeof tokenSchema>;

export function encodeToken(
  verb: 'ListRecords' | 'ListIdentifiers',
  prefix: string,
  window: OaiWindow,
  position: OaiPosition,
): string {
  const state: ResumptionState = { v: 1, verb, prefix, ...window, ...position };
  return Buffer.from(JSON.stringify(state), 'utf8').toString('base64url');
}

/** The state a token carries, or null for anything this repository did not issue. */
export function decodeToken(token: string): ResumptionState | null {
  if (token.length > 2000 || !/^[A-Za-z0-9_-]+$/.test(token)) return null;
  try {
    const parsed = tokenSchema.safeParse(
      JSON.parse(Buffer.from(token, 'base64url').toString('utf8')),
    );
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
