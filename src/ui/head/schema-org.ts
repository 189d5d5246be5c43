import type { Organization } from 'schema-dts';

/* The pieces every schema.org JSON-LD block of the site is made of: the site's own and a publication's. */

/** A top-level node, with the vocabulary it speaks. */
export function withContext<T extends object>(node: T): T & { '@context': 'https://schema.org' } {
  return { '@context': 'https://schema.org', ...node };
}

/** Drops undefined members at every depth, so the JSON carries no empty keys. */
export function compact<T>(value: T): T {
  if (Array.isArray(value)) return value.map(compact) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => [k, compact(v)]),
    ) as T;
  }
  return value;
}

export function organization(org: {
  name: string;
  url: string | null;
}): Exclude<Organization, string> {
  return { '@type': 'Organization', name: org.name, url: org.url ?? undefined };
}
