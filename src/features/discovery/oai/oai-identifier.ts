import { recordIdFrom } from '../../../core/record-id.ts';

/**
 * OAI identifiers, "oai:{host}:{id}" (the oai-identifier scheme): the host of the public URL names
 * the repository, and the publication's id, unlike its slug, never changes.
 */
export function oaiIdentifier(publicUrl: string, id: number): string {
  return `oai:${new URL(publicUrl).hostname}:${id}`;
}

/** The publication id an identifier names, or null when it is not one of ours. */
export function parseOaiIdentifier(publicUrl: string, identifier: string): number | null {
  const prefix = `oai:${new URL(publicUrl).hostname}:`;
  if (!identifier.startsWith(prefix)) return null;
  const rest = identifier.slice(prefix.length);
  return recordIdFrom(rest);
}
