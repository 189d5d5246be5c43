/**
 * A person's name split the way bibliographies need it. The archive keeps each person's sort name
 * ("Cohen, Roberta", "Byun, Chang-seop", "Bermudez, Joseph S., Jr."), which says where the family
 * name ends, so Korean names written family-first are never turned around by guesswork.
 */
export type PersonName =
  | { family: string; given: string | null; suffix: string | null }
  | { literal: string };

export function nameFromSortName(sortName: string, displayName: string): PersonName {
  const parts = sortName.split(',').map((p) => p.trim());
  const [family, given, ...rest] = parts;
  // A sort name without a comma is an organization or a single name: print it as it is.
  if (!family || given === undefined || given === '') return { literal: displayName || sortName };
  return { family, given, suffix: rest.filter(Boolean).join(', ') || null };
}

export function isLiteral(name: PersonName): name is { literal: string } {
  return 'literal' in name;
}

/** "Cohen, Roberta", "Bermudez, Joseph S., Jr.". */
export function invertedName(name: PersonName): string {
  if (isLiteral(name)) return name.literal;
  return [name.family, name.given, name.suffix].filter(Boolean).join(', ');
}

/** "Roberta Cohen", "Joseph S. Bermudez Jr.", "Byun Chang-seop" needs the display name instead. */
export function directName(name: PersonName, displayName: string): string {
  if (isLiteral(name)) return name.literal;
  return displayName;
}

/** APA initials: "Joseph S." → "J. S.", "Chang-seop" → "C.-S.". */
export function initials(given: string): string {
  return given
    .split(/\s+/)
    .filter(Boolean)
    .map((word) =>
      word
        .split('-')
        .map((part) => (/^\p{Lu}\.$/u.test(part) ? part : `${part.charAt(0).toUpperCase()}.`))
        .join('-'),
    )
    .join(' ');
}
