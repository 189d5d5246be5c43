/**
 * What the public should see, written from the rules and not from the code: a piece is public
 * while published, out of the trash, its date reached and its embargo over; a withdrawn piece
 * that was once public keeps a tombstone; anything never public leaves no trace; names show
 * only while credited on public work; a figure shows while its piece is public and its body
 * places it, a person's photo while the person is shown. The rights of each actor are here too,
 * so that the model predicts which operations the archive must refuse.
 */

export const OFFICE_ROLES = ['admin', 'editor', 'contributor'] as const;
export type OfficeRole = (typeof OFFICE_ROLES)[number];
export const TOKEN_KINDS = ['read', 'write', 'publish', 'contrib'] as const;
export type TokenKind = (typeof TOKEN_KINDS)[number];
/**
 * Who acts: a signed-in staff member, or an API token — `read` (read-drafts, editor), `write`
 * (editor, write only), `publish` (editor, write and publish), `contrib` (contributor, write).
 */
export type ActorName = OfficeRole | `token:${TokenKind}`;
export type Owner = ActorName | 'system' | 'import';
export type Status = 'draft' | 'in-review' | 'scheduled' | 'published' | 'withdrawn';
export type SectionSlug = 'reports' | 'articles';

export const isOffice = (a: ActorName): a is OfficeRole => !a.startsWith('token:');

export interface Marker {
  word: string;
  /** Shown to the public at some moment: once retired, such a word is no longer checked. */
  everPublic: boolean;
}

export const marker = (word: string): Marker => ({ word, everPublic: false });

export interface Piece {
  id: number;
  section: SectionSlug;
  slug: Marker;
  owner: Owner;
  status: Status;
  publishedAt: string | null;
  embargoUntil: string | null;
  scheduledAt: string | null;
  reason: Marker | null;
  trashedAt: string | null;
  purged: boolean;
  /** Public at some instant: decides whether it may be withdrawn and keeps a tombstone. */
  wasPublic: boolean;
  title: Marker;
  summary: Marker;
  body: Marker;
  /** PDF file names and the text inside them (one marker each). */
  pdfs: Marker[];
  /** Images uploaded in its editor, in the order they were uploaded. */
  figures: Figure[];
  people: number[];
  places: number[];
  topics: number[];
  /** Words of its text this piece carried before an edit. */
  retired: Marker[];
  /** Its earlier titles and withdrawal reasons: what a tombstone may still cite. */
  retiredCitation: Marker[];
  /** A piece from a WordPress export: what the export says, for a second import. */
  wxr?: WxrSource;
}

export type WxrStatus = 'publish' | 'future' | 'draft' | 'pending';
export interface WxrSource {
  postId: string;
  login: string;
  status: WxrStatus;
  date: string;
  title: Marker;
  summary: Marker;
  body: Marker;
}

/** An image uploaded to a piece: public only while the piece is public and its body places it. */
export interface Figure {
  /** The image's number, as its addresses /images/{id}/… carry it. */
  id: number;
  placed: boolean;
  alt: Marker;
  caption: Marker;
  /**
   * A satellite scene is a figure with more to show: tiles, a manifest, a download and
   * annotations (this one's label), each under /iiif/{id}/, all by the figure's rule.
   */
  scene: { annotation: Marker } | null;
}

/** A person's photo; a new one replaces the last, which is gone for good. */
export interface Photo {
  id: number;
  alt: Marker;
  credit: Marker;
}

/**
 * Every image the test uploads is 640 pixels wide, so it has display copies 480 and 640 wide
 * (the standard widths below its own, then its own) and no others.
 */
export const IMAGE_COPY_WIDTHS = [480, 640] as const;

export interface Named {
  id: number;
  /** The slug as stored (an imported author's holds the name's word). */
  slugText: string;
  slug: Marker;
  name: Marker;
  retired: Marker[];
  /** A person's photos, the current one last (places and topics have none). */
  photos: Photo[];
}

export interface Model {
  pieces: Piece[];
  people: Named[];
  places: Named[];
  topics: Named[];
  /** Words of work that was refused: it never existed, so they may show nowhere. */
  ghosts: string[];
  /** Words written only into uploaded images' metadata (EXIF): no copy may carry them out. */
  metadata: string[];
  /** Words written only in editorial notes and sign-offs: for staff, never public. */
  notes: string[];
  /** When the daily job that empties old trash runs next. */
  trashJobDue: string;
}

export const TRASH_DAYS = 30;
const DAY_MS = 86_400_000;

export function isPublic(p: Piece, now: string): boolean {
  return (
    !p.purged &&
    p.trashedAt === null &&
    p.status === 'published' &&
    p.publishedAt !== null &&
    p.publishedAt <= now &&
    (p.embargoUntil === null || p.embargoUntil <= now)
  );
}

export const figureIsPublic = (p: Piece, f: Figure, now: string) => isPublic(p, now) && f.placed;

/** The current photo of a person, when it is shown: the person must have public work. */
export function publicPhoto(m: Model, person: number, now: string): Photo | undefined {
  return publicNames(m, now).people.has(person) ? m.people[person]?.photos.at(-1) : undefined;
}

export function hasTombstone(p: Piece): boolean {
  return !p.purged && p.trashedAt === null && p.status === 'withdrawn' && p.wasPublic;
}

/** Editors, admins, `publish` tokens and imports from the command line hold `publish`. */
export function mayPublish(actor: ActorName | 'import'): boolean {
  return actor === 'admin' || actor === 'editor' || actor === 'token:publish' || actor === 'import';
}

/** Contributors edit only their own drafts and pieces in review; a read token edits nothing. */
export function mayEdit(actor: ActorName, p: Piece): boolean {
  if (actor === 'token:read') return false;
  if (actor === 'contributor' || actor === 'token:contrib') {
    return p.owner === actor && (p.status === 'draft' || p.status === 'in-review');
  }
  return true;
}

/**
 * Whether changing this piece's status, date, embargo or schedule needs the publish right:
 * yes for work that is out or on its way out (published, at any date, or scheduled); no for a
 * draft's plans. A withdrawn piece is none of "public, scheduled or embargoed", and the rules
 * leave it open, so either answer is accepted there.
 */
export function guarded(p: Piece): boolean | 'open' {
  if (p.status === 'published' || p.status === 'scheduled') return true;
  return p.status === 'withdrawn' ? 'open' : false;
}

export function publicPieces(m: Model, now: string): Piece[] {
  return m.pieces.filter((p) => isPublic(p, now));
}

/** Names credited on public work, by kind: the people, places and topics the public may see. */
export function publicNames(m: Model, now: string) {
  const people = new Set<number>();
  const places = new Set<number>();
  const topics = new Set<number>();
  for (const p of publicPieces(m, now)) {
    for (const i of p.people) people.add(i);
    for (const i of p.places) places.add(i);
    for (const i of p.topics) topics.add(i);
  }
  return { people, places, topics };
}

/**
 * Marks what the public sees at this instant: pieces become "once public" (tombstone, right to
 * withdraw) and their words and names become known. Called after every operation and every
 * move of the clock, since nothing hides a piece between them.
 */
export function observe(m: Model, now: string): void {
  const names = publicNames(m, now);
  for (const p of m.pieces) {
    if (isPublic(p, now)) {
      p.wasPublic = true;
      for (const w of [p.title, p.summary, p.body, p.slug, ...p.pdfs]) w.everPublic = true;
      for (const f of p.figures) {
        if (f.placed) for (const w of [f.alt, f.caption]) w.everPublic = true;
      }
    }
    if (hasTombstone(p)) {
      for (const w of [p.title, p.slug, p.reason]) if (w) w.everPublic = true;
      for (const i of p.people) names.people.add(i);
    }
  }
  const mark = (list: Named[], shown: Set<number>) => {
    for (const i of shown) {
      list[i]!.name.everPublic = true;
      list[i]!.slug.everPublic = true;
    }
  };
  mark(m.people, names.people);
  for (const i of names.people) {
    const photo = m.people[i]!.photos.at(-1);
    if (photo) for (const w of [photo.alt, photo.credit]) w.everPublic = true;
  }
  mark(m.places, names.places);
  mark(m.topics, names.topics);
}

/**
 * The passing of time up to `now`, as the server's jobs make it: scheduled pieces whose moment
 * came are published (those in the trash are left to the record: the caller reads them), and
 * the daily trash job purges what stayed 30 days. Returns the trashed scheduled pieces whose
 * outcome the record decides.
 */
export function passTime(m: Model, now: string): Piece[] {
  const undecided: Piece[] = [];
  for (const p of m.pieces) {
    if (p.purged || p.status !== 'scheduled' || p.scheduledAt === null || p.scheduledAt > now)
      continue;
    if (p.trashedAt !== null) {
      undecided.push(p);
      continue;
    }
    p.status = 'published';
    p.publishedAt ??= p.scheduledAt;
  }
  if (now >= m.trashJobDue) {
    const cutoff = new Date(Date.parse(now) - TRASH_DAYS * DAY_MS).toISOString();
    for (const p of m.pieces) {
      if (!p.purged && p.trashedAt !== null && p.trashedAt < cutoff) p.purged = true;
    }
    m.trashJobDue = new Date(Date.parse(now) + DAY_MS).toISOString();
  }
  return undecided;
}

/** Replaces a word, keeping the old one to check that it stays hidden if it never went out. */
export function retire(owner: { retired: Marker[] }, old: Marker | null, keep?: Marker): void {
  if (old && old.word !== keep?.word) owner.retired.push(old);
}

/** The same for a piece's field: an old title or reason may stay on its tombstone. */
export function retireField(
  p: Piece,
  field: 'title' | 'summary' | 'body' | 'reason',
  old: Marker | null,
): void {
  if (!old) return;
  if (field === 'title' || field === 'reason') p.retiredCitation.push(old);
  else p.retired.push(old);
}
