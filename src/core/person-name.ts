import type { Person } from './entities.ts';

/**
 * The Korean name the public may see: only one stored with the source that prints it. A Hangul
 * form of a foreign name is one transcription among several, so an unsourced one stays in the
 * back office.
 */
export function publicKoreanName(person: Pick<Person, 'nameKo' | 'nameKoSource'>): string | null {
  return person.nameKo && person.nameKoSource ? person.nameKo : null;
}

/**
 * A person's name in an interface language. In Korean, the sourced Hangul name with the
 * romanized one beside, as Korean editors print a foreign name on first mention:
 * "데이비드 호크 (David Hawk)". Otherwise the name as printed.
 */
export function personNameIn(name: string, nameKo: string | null, language: string): string {
  return language === 'ko' && nameKo ? `${nameKo} (${name})` : name;
}
