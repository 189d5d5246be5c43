import type { ContributionRole, Credit } from '../../core/content-types.ts';
import { slugify } from '../../core/slug.ts';
import { monthNumber } from './import-dates.ts';
import {
  familyFirstRomanized,
  isHangulName,
  romanizeHangulName,
  splitHangulName,
} from './korean-names.ts';

/**
 * Bylines as printed: "Roberta Cohen, HRNK Co-Chair", "Abraham Cooper and Greg Scarlatoiu",
 * "David Hawk with Amanda Mortwedt Oh", "Joseph S. Bermudez Jr., Andy Dinville, and Mike Eley",
 * "By Jane Doe, Visiting Scholar, with research by John Roe", "Edited by …",
 * "글: 홍길동(선임연구원)·김철수(연구위원)".
 *
 * The grammar: a line is groups, each opened by a phrase that says what its people did — "by"
 * (authors), "with" (a secondary credit), "research by", "edited by", "translated by",
 * "interview by", or a Korean role word and a colon (글:, 공저:, 연구:, 번역:, 편집:, 감수:) — and
 * the text before the first phrase is its authors. Inside a group, people are apart by "and",
 * "&", "·", "/", ";" or commas. What follows a name after a comma, or in parentheses, is the role
 * or affiliation printed beside it ("Visiting Scholar", "선임연구원"), unless it is itself a
 * name in a list of names. A Korean name followed by a role word ("홍길동 번역", "김철수 지음")
 * takes that role.
 */
export interface BylinePerson {
  name: string;
  affiliation: string | null;
  credit: Credit;
  role: ContributionRole;
  /**
   * What the byline says this person did when the archive has no role for it: "research"
   * ("with research by …"), "연구". Null for authors, editors, translators and interviewers.
   */
  task: string | null;
}

interface Group {
  credit: Credit;
  role: ContributionRole;
  task: string | null;
}

const AUTHORS: Group = { credit: 'primary', role: 'author', task: null };
const WITH: Group = { credit: 'secondary', role: 'author', task: null };
const RESEARCH: Group = { credit: 'secondary', role: 'author', task: 'research' };
const EDITORS: Group = { credit: 'secondary', role: 'editor', task: null };
const TRANSLATORS: Group = { credit: 'secondary', role: 'translator', task: null };
const INTERVIEWERS: Group = { credit: 'secondary', role: 'interviewer', task: null };

/** Phrases that open a group, longest first so "with research by" is not read as "with". */
const OPENERS: Array<[RegExp, Group]> = [
  [/^(?:with\s+)?(?:additional\s+)?research(?:ed)?\s+(?:by|from)$/i, RESEARCH],
  [/^(?:with\s+|and\s+)?edit(?:ed|ing)\s+by$/i, EDITORS],
  [/^(?:with\s+|and\s+)?translat(?:ed|ion)\s+by$/i, TRANSLATORS],
  [/^(?:with\s+|and\s+)?interview(?:ed|s)?\s+by$/i, INTERVIEWERS],
  [/^(?:written\s+|words\s+|authored\s+)?by$/i, AUTHORS],
  [/^with$/i, WITH],
];
const OPENER_PATTERN =
  /(?:^|\s|,)((?:with\s+|and\s+)?(?:(?:additional\s+)?research(?:ed)?\s+(?:by|from)|edit(?:ed|ing)\s+by|translat(?:ed|ion)\s+by|interview(?:ed|s)?\s+by)|(?:written\s+|words\s+|authored\s+)?by|with)(?=\s)/gi;

/** Korean role words, before a colon ("글: …") or after a name ("홍길동 번역"). */
const KOREAN_ROLES: Record<string, Group> = {
  글: AUTHORS,
  저자: AUTHORS,
  필자: AUTHORS,
  지은이: AUTHORS,
  지음: AUTHORS,
  공저: AUTHORS,
  연구: { credit: 'secondary', role: 'author', task: '연구' },
  번역: TRANSLATORS,
  옮김: TRANSLATORS,
  옮긴이: TRANSLATORS,
  편집: EDITORS,
  엮음: EDITORS,
  감수: EDITORS,
  대담: INTERVIEWERS,
};
const KOREAN_OPENER = new RegExp(
  `(?:^|[\\s,/|·])(${Object.keys(KOREAN_ROLES).join('|')})\\s*[:：]\\s*`,
  'g',
);
const KOREAN_AFTER_NAME = new RegExp(`^(.+?)\\s+(${Object.keys(KOREAN_ROLES).join('|')})$`);

const SUFFIXES = /^(Jr\.?|Sr\.?|II|III|IV|PhD|Ph\.D\.)$/;

/** Words that mark a part as a role or organization rather than a person's name. */
const ROLE_WORDS =
  /\b(chair|co-chair|chairman|chairwoman|emeritus|emerita|director|president|dean|fellow|fellows|scholar|visiting|nonresident|non-resident|adjunct|distinguished|staff|member|reporter|correspondent|editor|writer|author|contributor|journalist|professor|lecturer|researcher|research|analyst|intern|consultant|coordinator|manager|officer|head|chief|lead|deputy|assistant|principal|program|project|board|committee|council|center|centre|institute|university|college|school|foundation|association|society|ngo|ambassador|envoy|minister|commissioner|rapporteur|representative|secretary|executive|senior|junior|associate|adviser|advisor|founder|co-founder|lawyer|attorney|advocate|activist|defector|expert|specialist|investigator|historian|economist|scientist|photographer|translator|interpreter|student|candidate|former|vice|of|for|at)\b/i;
/** An acronym ("HRNK", "UN") marks an organization. */
const ACRONYM = /\b[A-Z]{2,}\b/;
/** Korean titles printed after a name: 선임연구원, 연구위원, 교수, 기자, 대표… */
const KOREAN_TITLE =
  /(연구원|연구위원|위원|교수|박사|기자|대표|소장|이사|총장|국장|부장|팀장|실장|센터장|원장|회장|의원|변호사|작가|간사|활동가|팀|센터|연구소|대학교?)$/;

export function parseByline(line: string): BylinePerson[] {
  const text = line.replace(/\s+/g, ' ').trim();
  if (!text) return [];
  const people: BylinePerson[] = [];
  for (const { group, body } of groups(text)) {
    for (const p of splitNames(body)) {
      const own = koreanRoleAfterName(p.name);
      const g = own ? own.group : group;
      people.push({
        name: own ? own.name : p.name,
        affiliation: p.affiliation,
        credit: g.credit,
        role: g.role,
        task: g.task,
      });
    }
  }
  return people;
}

/** The line cut where each opening phrase stands, each part with the group it opens. */
function groups(text: string): Array<{ group: Group; body: string }> {
  const cuts: Array<{ at: number; end: number; group: Group }> = [];
  for (const m of text.matchAll(OPENER_PATTERN)) {
    const phrase = m[1] ?? '';
    const group = OPENERS.find(([re]) => re.test(phrase.replace(/\s+/g, ' ')))?.[1];
    const at = (m.index ?? 0) + m[0].length - phrase.length;
    // "by" opens a group only at the start or after another phrase's people ("…, and by"):
    // inside a name or an affiliation ("Stand by Me Foundation") it is text.
    if (!group || (group === AUTHORS && at > 0 && !/^(?:written|words|authored)/i.test(phrase)))
      continue;
    cuts.push({ at, end: at + phrase.length, group });
  }
  for (const m of text.matchAll(KOREAN_OPENER)) {
    const word = m[1] ?? '';
    const at = (m.index ?? 0) + m[0].indexOf(word);
    cuts.push({ at, end: (m.index ?? 0) + m[0].length, group: KOREAN_ROLES[word] ?? AUTHORS });
  }
  cuts.sort((a, b) => a.at - b.at);
  const out: Array<{ group: Group; body: string }> = [];
  const head = text.slice(0, cuts[0]?.at ?? text.length);
  if (trimJoins(head)) out.push({ group: AUTHORS, body: trimJoins(head) });
  cuts.forEach((cut, i) => {
    const body = trimJoins(text.slice(cut.end, cuts[i + 1]?.at ?? text.length));
    if (body) out.push({ group: cut.group, body });
  });
  return out;
}

/** A group's text without the joining words and marks left at its ends. */
function trimJoins(part: string): string {
  return part
    .replace(/^[\s,;:·|/]+|[\s,;:·|/]+$/g, '')
    .replace(/(?:,?\s+(?:and|&))+$/i, '')
    .replace(/^(?:and|&)\s+/i, '')
    .trim();
}

type Named = { name: string; affiliation: string | null };

/** People in a group: each a name, with what is printed beside it. */
function splitNames(part: string): Named[] {
  // What brackets hold is one note ("(Senior Fellow, HRNK)"): its commas part nobody.
  const held: string[] = [];
  const guarded = part.replace(/[(（][^()（）]*[)）]/g, (m) => {
    held.push(m);
    return `\uE010${held.length - 1}\uE010`;
  });
  const restore = (s: string) =>
    s.replace(/\uE010(\d+)\uE010/g, (_m, i: string) => held[Number(i)] ?? '');
  const pieces = guarded.split(
    /(\s*,\s*(?:and|&)\s+|\s+(?:and|&)\s+|\s*&\s*|\s*[·•・;|/]\s*|\s*,\s*)/i,
  );
  const out: Named[] = [];
  let current: Named | null = null;
  let previousWasName = false;
  for (let i = 0; i < pieces.length; i += 2) {
    const raw = restore(pieces[i] ?? '').trim();
    const joint = (pieces[i - 1] ?? '').trim();
    if (!raw) continue;
    if (current && SUFFIXES.test(raw)) {
      current.name = `${current.name} ${raw}`;
      continue;
    }
    const { name, note } = parenthesized(raw);
    const isName = current === null || startsPerson(name, joint, previousWasName);
    if (isName) {
      current = hangulWithTitle(name) ?? { name, affiliation: null };
      if (note) current.affiliation = joinAffiliation(current.affiliation, note, ', ');
      out.push(current);
      previousWasName = true;
    } else if (current) {
      const glue = /^(?:,\s*)?(?:and|&)$/i.test(joint) ? ` ${joint.replace(/^,\s*/, '')} ` : ', ';
      current.affiliation = joinAffiliation(current.affiliation, raw, glue);
      previousWasName = false;
    }
  }
  return out;
}

/**
 * Whether a piece is a new person. After "and", "&" or "·" it is, unless it reads as a role or
 * continues one ("Director of Research and Policy"); after a comma only when it reads as a name.
 */
function startsPerson(piece: string, joint: string, previousWasName: boolean): boolean {
  const role = ROLE_WORDS.test(piece) || ACRONYM.test(piece) || KOREAN_TITLE.test(piece);
  if (role) return false;
  if (isHangulName(piece.replace(/\s+\S+$/, ''))) return true;
  if (/^[·•・;|/]$/.test(joint)) return true;
  if (/(?:and|&)$/i.test(joint)) return previousWasName || looksLikeName(piece);
  return looksLikeName(piece);
}

/** "Jane Doe (Visiting Scholar)" and "홍길동(선임연구원)": the name, and what the brackets say. */
function parenthesized(piece: string): { name: string; note: string | null } {
  const m = /^(.*?)\s*[(（]([^()（）]+)[)）]\s*$/.exec(piece);
  if (!m?.[1]) return { name: piece, note: null };
  return { name: m[1].trim(), note: (m[2] ?? '').trim() || null };
}

/** "홍길동 선임연구원": a Hangul name and the title printed after it. */
function hangulWithTitle(piece: string): Named | null {
  const m = /^([\uac00-\ud7a3]{2,5})\s+(.+)$/.exec(piece);
  if (!m?.[1] || !m[2] || KOREAN_AFTER_NAME.test(piece)) return null;
  if (!KOREAN_TITLE.test(m[2])) return null;
  return { name: m[1], affiliation: m[2] };
}

/** "홍길동 번역": the name and the role word after it. */
function koreanRoleAfterName(name: string): { name: string; group: Group } | null {
  const m = KOREAN_AFTER_NAME.exec(name);
  if (!m?.[1] || !m[2]) return null;
  const group = KOREAN_ROLES[m[2]];
  return group && isHangulName(m[1]) ? { name: m[1], group } : null;
}

function joinAffiliation(existing: string | null, more: string, glue: string): string {
  return existing ? `${existing}${glue}${more}` : more;
}

/** Two to five words, each capitalized (initials and particles allowed). */
function looksLikeName(s: string): boolean {
  if (isHangulName(s)) return true;
  const words = s.split(/\s+/);
  if (words.length < 2 || words.length > 5) return false;
  return words.every((w) =>
    /^(\p{Lu}[\p{L}'’.-]*|de|van|von|der|da|di|la|le|bin|al-\p{L}+)$/u.test(w),
  );
}

/**
 * What the byline prints beside a person, kept with the contribution: the affiliation, and the
 * task when the archive has no role for it ("with research by John Roe" → "research").
 */
export function printedLabel(person: BylinePerson): string | null {
  return [person.task, person.affiliation].filter(Boolean).join(', ') || null;
}

/**
 * The name a list sorts by, family name first: "Roberta Cohen" → "Cohen, Roberta";
 * "Joseph S. Bermudez Jr." → "Bermudez, Joseph S., Jr.". East Asian names keep their order and
 * sort by their family name, which they print first: "Kim Jong-un" → "Kim, Jong-un",
 * "김정은" → "김, 정은" (see korean-names.ts for how such a name is recognized).
 */
export function sortNameOf(name: string, first = '', last = ''): string {
  if (first && last) return `${last}, ${first}`;
  const trimmed = name.trim();
  if (isHangulName(trimmed)) {
    const { family, given } = splitHangulName(trimmed);
    return given ? `${family}, ${given}` : family;
  }
  const eastAsian = familyFirstRomanized(trimmed);
  if (eastAsian) return `${eastAsian.family}, ${eastAsian.given}`;
  const words = trimmed.split(/\s+/);
  if (words.length < 2) return trimmed;
  let suffix = '';
  if (SUFFIXES.test(words[words.length - 1] ?? '')) suffix = `, ${words.pop()}`;
  const family = words.pop() ?? '';
  return `${family}, ${words.join(' ')}${suffix}`;
}

/**
 * A person's address. A Hangul name is romanized ("김정은" → "kim-jeongeun"), so two Korean
 * authors never share one; a name in a script with no Latin form here gets a slug from its own
 * letters' code points rather than a fallback shared by everyone.
 */
export function personSlug(name: string): string {
  const trimmed = name.trim();
  if (isHangulName(trimmed)) return slugify(romanizeHangulName(trimmed), fallbackSlug(trimmed));
  return slugify(trimmed, fallbackSlug(trimmed));
}

function fallbackSlug(name: string): string {
  // FNV-1a over the name's code points: the same name always gets the same address.
  let hash = 0x811c9dc5;
  for (const ch of name) {
    hash ^= ch.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `person-${hash.toString(36)}`;
}

/** "Jul 25, 2016" or "July 25, 2016" as "2016-07-25", or null when the line is not such a date. */
export function printedDate(line: string): string | null {
  const m = /^([A-Za-z]{3,9})\.?\s+(\d{1,2}),\s*(\d{4})$/.exec(line.trim());
  if (!m) return null;
  const month = monthNumber(m[1]);
  const day = Number(m[2]);
  if (!month || day < 1 || day > 31) return null;
  return `${m[3]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** "2014-07-02" → "2 July 2014", for the title of a piece printed without one. */
export function longDate(day: string): string {
  const d = new Date(`${day}T00:00:00.000Z`);
  return d.toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}
