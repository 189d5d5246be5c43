import { romanize } from 'es-hangul';

/**
 * Korean personal names, in Hangul and romanized. A Korean name is family name first, in both
 * scripts, and is sorted by that family name.
 *
 * The rule for a romanized name: it is written family name first when its first word is a
 * common Korean family name (the spellings below) and what follows is a given name in Korean
 * syllables — one hyphenated word ("Kim Jong-un", "Lee Shin-wha", "Byun Chang-seop") or two
 * syllables apart ("Kim Jong Un"). "Kim Jones" or "Lee Ann Smith" stay Western, given name first:
 * "Jones" and "Ann" are not romanized Korean syllables. A name that fits both readings is read
 * as Korean only in those two written forms, which Western names do not take.
 */

/** Family names of two syllables; any other Korean name's family name is its first syllable. */
const COMPOUND_FAMILY = ['남궁', '황보', '제갈', '사공', '선우', '서문', '독고', '동방'];

/**
 * The spellings Koreans use for their family names, which the Revised Romanization leaves to
 * custom (it romanizes 김 as "Gim", 이 as "I", which nobody writes): the commonest, as the
 * National Institute of Korean Language found them in passports.
 */
const FAMILY_SPELLING: Record<string, string> = {
  김: 'Kim',
  이: 'Lee',
  박: 'Park',
  최: 'Choi',
  정: 'Jung',
  강: 'Kang',
  조: 'Cho',
  윤: 'Yoon',
  장: 'Jang',
  임: 'Lim',
  한: 'Han',
  오: 'Oh',
  서: 'Seo',
  신: 'Shin',
  권: 'Kwon',
  황: 'Hwang',
  안: 'Ahn',
  송: 'Song',
  전: 'Jeon',
  홍: 'Hong',
  유: 'Yoo',
  고: 'Ko',
  문: 'Moon',
  양: 'Yang',
  손: 'Son',
  배: 'Bae',
  백: 'Baek',
  허: 'Heo',
  노: 'Noh',
  남: 'Nam',
  심: 'Shim',
  하: 'Ha',
  곽: 'Kwak',
  성: 'Sung',
  차: 'Cha',
  주: 'Joo',
  우: 'Woo',
  구: 'Koo',
  민: 'Min',
  류: 'Ryu',
  나: 'Na',
  진: 'Jin',
  지: 'Ji',
  엄: 'Eom',
  채: 'Chae',
  원: 'Won',
  천: 'Cheon',
  방: 'Bang',
  공: 'Kong',
  현: 'Hyun',
  변: 'Byun',
  함: 'Ham',
  염: 'Yeom',
  여: 'Yeo',
  추: 'Choo',
  도: 'Do',
  소: 'So',
  석: 'Seok',
  선: 'Sun',
  설: 'Seol',
  마: 'Ma',
  길: 'Gil',
  연: 'Yeon',
  위: 'Wi',
  표: 'Pyo',
  명: 'Myung',
  기: 'Ki',
  반: 'Ban',
  왕: 'Wang',
  금: 'Keum',
  옥: 'Ok',
  육: 'Yook',
  인: 'In',
  맹: 'Maeng',
  제: 'Je',
  모: 'Mo',
  탁: 'Tak',
  국: 'Kook',
  어: 'Eo',
  은: 'Eun',
  편: 'Pyeon',
  용: 'Yong',
  태: 'Tae',
  황보: 'Hwangbo',
  남궁: 'Namgung',
  제갈: 'Jegal',
  선우: 'Sunwoo',
  독고: 'Dokgo',
  사공: 'Sagong',
  서문: 'Seomun',
  동방: 'Dongbang',
};

/** Romanized family names as they are written, with their common variants. */
const ROMANIZED_FAMILIES = new Set(
  [
    ...Object.values(FAMILY_SPELLING),
    ...'Gim Yi Rhee Ri Rhie Pak Bak Pack Choe Choy Chung Jeong Joung Chong Gang Jo Jho Yun Chang Rim Im Yim Oh O Suh Sin Kweon Gwon Hwang An Ahn Jun Chun Yu You Yoo Ryoo Go Koh Mun Moon Paik Baik Her Hur Huh Ro Roh Rho No Sim Seong Sung Ju Chu Koo Ku Yoon Rhyu Yoo Ra Chae Cheon Chon Pang Byeon Pyun Hahm Ham Youm Yeom Kwak Kwack Kahng Yeo Ryu Cha Ha Bae Pae Son Sohn Kang Lim Jang Han Shin Kwon Song Hong Nam Noh'.split(
      ' ',
    ),
  ].map((f) => f.toLowerCase()),
);

/** One syllable of romanized Korean: an onset, a vowel of up to three letters, a coda. */
const SYLLABLE =
  /^(?:ch|kk|tt|pp|ss|jj|sh|wh|hw|[bcdghjklmnprstwy])?[aeiouwy]{1,3}(?:ng|[nmlkptrbg])?$/i;

const HANGUL_SYLLABLES = /^[\uac00-\ud7a3]+$/;

export function isHangulName(name: string): boolean {
  return HANGUL_SYLLABLES.test(name.replace(/\s+/g, ''));
}

/** A Hangul name's family and given name: "김정은" → ["김", "정은"]; "남궁민수" → ["남궁", "민수"]. */
export function splitHangulName(name: string): { family: string; given: string } {
  const words = name.trim().split(/\s+/);
  if (words.length === 2) return { family: words[0] ?? '', given: words[1] ?? '' };
  const whole = words.join('');
  const compound = whole.length >= 3 && COMPOUND_FAMILY.includes(whole.slice(0, 2));
  const cut = compound ? 2 : 1;
  return { family: whole.slice(0, cut), given: whole.slice(cut) };
}

/**
 * A romanized name written family name first, split: "Kim Jong-un" → ["Kim", "Jong-un"];
 * null when the name does not follow the rule above.
 */
export function familyFirstRomanized(name: string): { family: string; given: string } | null {
  const words = name.trim().split(/\s+/);
  const [family, ...given] = words;
  if (!family || !ROMANIZED_FAMILIES.has(family.toLowerCase())) return null;
  const syllables = (word: string) => word.split('-');
  const hyphenated =
    given.length === 1 &&
    syllables(given[0] ?? '').length === 2 &&
    syllables(given[0] ?? '').every((s) => SYLLABLE.test(s));
  const apart = given.length === 2 && given.every((w) => SYLLABLE.test(w));
  return hyphenated || apart ? { family, given: given.join(' ') } : null;
}

/**
 * A Hangul name in Latin letters, for its address: the family name as Koreans spell it, the given
 * name in the Revised Romanization syllable by syllable, as that system asks for given names
 * (no sound changes across syllables: 복남 is "Boknam", not "Bongnam"). "김정은" → "Kim Jeongeun".
 */
export function romanizeHangulName(name: string): string {
  const { family, given } = splitHangulName(name);
  const familyLatin = FAMILY_SPELLING[family] ?? capitalize(romanize(family));
  const givenLatin = capitalize([...given].map((s) => romanize(s)).join(''));
  return givenLatin ? `${familyLatin} ${givenLatin}` : familyLatin;
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
