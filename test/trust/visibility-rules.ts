import {
  hasTombstone,
  isPublic,
  type Marker,
  type Model,
  type Named,
  type Piece,
  publicNames,
} from './model.ts';

/**
 * For every marker word the model knows, where the public may meet it: anywhere (public work
 * and its names), only on a tombstone's own surfaces (its title, address, reason and authors),
 * nowhere, or anywhere unchecked (words a public piece carried before an edit: showing them
 * late is staleness, not a leak).
 */
export type Rule =
  | { kind: 'public' }
  | { kind: 'unchecked' }
  | { kind: 'hidden'; what: string }
  | { kind: 'tombstone'; what: string; pieces: Piece[] };

const PERMISSIVENESS = { hidden: 0, tombstone: 1, unchecked: 2, public: 3 } as const;

export function markerRules(m: Model, now: string): Map<string, Rule> {
  const rules = new Map<string, Rule>();
  const set = (word: string, rule: Rule) => {
    const before = rules.get(word);
    if (!before || PERMISSIVENESS[rule.kind] > PERMISSIVENESS[before.kind]) rules.set(word, rule);
  };
  const state = (p: Piece) =>
    p.purged
      ? 'purged'
      : p.trashedAt
        ? 'in the trash'
        : `${p.status}${p.publishedAt ? ` from ${p.publishedAt}` : ''}${p.embargoUntil ? ` under embargo to ${p.embargoUntil}` : ''}`;

  for (const p of m.pieces) {
    const what = (field: string) => `the ${field} of ${p.slug.word} (${state(p)})`;
    const fields: Array<[string, Marker | null]> = [
      ['title', p.title],
      ['summary', p.summary],
      ['body', p.body],
      ['slug', p.slug],
      ['withdrawal reason', p.reason],
      ...p.pdfs.map((w): [string, Marker] => ['PDF', w]),
    ];
    const shown = isPublic(p, now);
    const tombstone = hasTombstone(p);
    for (const [field, w] of fields) {
      if (!w) continue;
      if (shown && field !== 'withdrawal reason') set(w.word, { kind: 'public' });
      else if (tombstone && ['title', 'slug', 'withdrawal reason'].includes(field)) {
        set(w.word, { kind: 'tombstone', what: what(field), pieces: [p] });
      } else if (shown && w.everPublic) set(w.word, { kind: 'unchecked' });
      else set(w.word, { kind: 'hidden', what: what(field) });
    }
    // Words it carried before an edit: once public, showing them late is staleness, not a leak;
    // a tombstone may still cite an old title or reason, never old text.
    for (const w of [...p.retired, ...p.retiredCitation]) {
      const citable = p.retiredCitation.includes(w);
      if (shown && w.everPublic) set(w.word, { kind: 'unchecked' });
      else if (tombstone && citable && w.everPublic) {
        set(w.word, {
          kind: 'tombstone',
          what: `an earlier title or reason of ${p.slug.word}`,
          pieces: [p],
        });
      } else
        set(w.word, { kind: 'hidden', what: `an earlier word of ${p.slug.word} (${state(p)})` });
    }
    // A figure's words show with it: on the piece's page while it is public and places it. A
    // scene's annotations follow the same rule, on the scene's page and its IIIF files.
    for (const f of p.figures) {
      for (const [field, w] of [
        ['alt text', f.alt],
        ['caption', f.caption],
        ...(f.scene ? ([['annotation', f.scene.annotation]] as const) : []),
      ] as const) {
        if (shown && f.placed) set(w.word, { kind: 'public' });
        else if (shown && w.everPublic) set(w.word, { kind: 'unchecked' });
        else {
          set(w.word, {
            kind: 'hidden',
            what: `the ${field} of image ${f.id}, a figure of ${p.slug.word} (${f.placed ? 'placed' : 'not placed'}; ${state(p)})`,
          });
        }
      }
    }
  }

  const names = publicNames(m, now);
  const tombstones = m.pieces.filter(hasTombstone);
  const named = (
    list: Named[],
    kind: string,
    shown: Set<number>,
    credited?: (i: number) => Piece[],
  ) => {
    list.forEach((n, i) => {
      const what = (field: string) =>
        `the ${field} of ${kind} ${n.slug.word}, credited on no public work`;
      const graves = credited?.(i) ?? [];
      for (const [field, w] of [
        ['name', n.name],
        ['slug', n.slug],
      ] as const) {
        if (shown.has(i)) set(w.word, { kind: 'public' });
        else if (graves.length > 0) {
          set(w.word, { kind: 'tombstone', what: what(field), pieces: graves });
        } else set(w.word, { kind: 'hidden', what: what(field) });
      }
      for (const w of n.retired) {
        if (shown.has(i) && w.everPublic) set(w.word, { kind: 'unchecked' });
        else set(w.word, { kind: 'hidden', what: `an earlier name of ${kind} ${n.slug.word}` });
      }
    });
  };
  named(m.people, 'person', names.people, (i) => tombstones.filter((p) => p.people.includes(i)));
  // A photo's words show on its person's page, and only the current photo's.
  m.people.forEach((n, i) => {
    n.photos.forEach((photo, k) => {
      const current = k === n.photos.length - 1;
      for (const [field, w] of [
        ['alt text', photo.alt],
        ['credit', photo.credit],
      ] as const) {
        if (names.people.has(i) && current) set(w.word, { kind: 'public' });
        else if (names.people.has(i) && w.everPublic) set(w.word, { kind: 'unchecked' });
        else {
          set(w.word, {
            kind: 'hidden',
            what: `the ${field} of image ${photo.id}, ${current ? 'the' : 'a replaced'} photo of person ${n.slug.word}${names.people.has(i) ? '' : ', credited on no public work'}`,
          });
        }
      }
    });
  });
  named(m.places, 'place', names.places);
  named(m.topics, 'topic', names.topics);
  for (const w of m.ghosts) set(w, { kind: 'hidden', what: `${w}, from work that was refused` });
  for (const w of m.notes)
    set(w, { kind: 'hidden', what: `${w}, written only in an editorial note` });
  for (const w of m.metadata) {
    set(w, { kind: 'hidden', what: `${w}, written only in an uploaded image's EXIF` });
  }
  return rules;
}

/** The addresses that speak of one tombstone: its page and files, and the API's answers about it. */
export function onTombstoneSurface(path: string, p: Piece): boolean {
  const folder = `/${p.section}/${p.slug.word}/`;
  const api = `/api/v1/publications/${p.id}`;
  return (
    path.startsWith(folder) ||
    path.startsWith(`/ko${folder}`) ||
    path === api ||
    path.startsWith(`${api}/`) ||
    path.startsWith(`${api}?`) ||
    (path.startsWith('/api/v1/publications?') && path.includes('include_withdrawn=true'))
  );
}
