import fc from 'fast-check';
import type { ActorName, OfficeRole, Status, WxrStatus } from './model.ts';

/**
 * The editorial operations the leak test generates, as plain data (so that fast-check shrinks a
 * failing sequence and prints it). Pieces, people and places are named by a number taken modulo
 * what exists when the operation runs, so a shrunk sequence still means something.
 */

/** Minutes from the moment the operation runs. */
export type Offset = number;
const HOUR = 60;
const DAY = 24 * HOUR;

export interface PieceRef {
  /** Counted from the latest piece: 0 is the newest. */
  index: number;
  /** For contributors: pick among their own pieces when they have any. */
  own: boolean;
}

export type Op =
  | {
      kind: 'create';
      actor: ActorName;
      section: 0 | 1;
      /** The status asked for through the API; the back office always creates drafts. */
      status: Status;
      date: Offset | null;
      embargo: Offset | null;
      /** An existing person (by number) or, when null, one made for the piece. */
      person: number | null;
      place: number | 'new' | 'none';
    }
  | { kind: 'edit'; actor: ActorName; piece: PieceRef }
  | {
      kind: 'dates';
      actor: ActorName;
      piece: PieceRef;
      date: Offset | null | 'keep';
      embargo: Offset | null | 'keep';
    }
  | {
      kind: 'status';
      actor: ActorName;
      piece: PieceRef;
      to: Status;
      /** For scheduling: when. */
      at: Offset;
      /** Through the API: a full PUT rather than the publish/withdraw endpoints. */
      viaPut: boolean;
    }
  | { kind: 'trash' | 'restore' | 'purge'; actor: OfficeRole; piece: PieceRef }
  | { kind: 'rename'; actor: ActorName; what: 'person' | 'place'; index: number }
  | { kind: 'attach'; actor: ActorName; piece: PieceRef }
  /** An image uploaded in the piece's editor and, with `place`, put in its body right away. */
  | { kind: 'figure'; actor: OfficeRole; piece: PieceRef; place: boolean; scene: boolean }
  /**
   * A body saved with a line placing an image: the piece's own latest figure, another piece's,
   * or a number that names no image (the last two must be refused).
   */
  | { kind: 'place'; actor: ActorName; piece: PieceRef; which: 'own' | 'other' | 'missing' }
  /** An editorial note (or sign-off) left on a piece for the next reviewer: staff only. */
  | { kind: 'note'; actor: OfficeRole; piece: PieceRef; signOff: boolean }
  /** A person's photo uploaded on their form, replacing the last one. */
  | { kind: 'photo'; actor: OfficeRole; index: number }
  | {
      kind: 'import';
      items: Array<{ status: WxrStatus; date: Offset }>;
      /** A second import of an earlier item, its status or date changed at the source. */
      again: { index: number; status: WxrStatus; date: Offset } | null;
    }
  | { kind: 'advance'; minutes: number }
  /** An anonymous reader looks around mid-sequence (and warms the render cache). */
  | { kind: 'look' }
  /** Staff read the public site signed in, and the API with a read-drafts token. */
  | { kind: 'staff-read' }
  | { kind: 'export' };

/** Every actor, the read-only token least often: it can only be refused. */
const anyActor = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom<ActorName>('admin', 'editor', 'token:publish') },
  { weight: 2, arbitrary: fc.constantFrom<ActorName>('contributor', 'token:write') },
  { weight: 1, arbitrary: fc.constantFrom<ActorName>('token:contrib', 'token:read') },
);
/** Publishing operations come mostly from those who may, so that pieces do go out. */
const publishingActor = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom<ActorName>('admin', 'editor', 'token:publish') },
  { weight: 2, arbitrary: anyActor },
);
const officeActor = fc.constantFrom<OfficeRole>('admin', 'editor', 'contributor');
const offset = fc.constantFrom<Offset>(
  -400 * DAY,
  -3 * DAY,
  -2 * HOUR,
  2 * HOUR,
  DAY,
  3 * DAY,
  12 * DAY,
  45 * DAY,
);
const future = fc.constantFrom<Offset>(2 * HOUR, DAY, 3 * DAY, 12 * DAY);
/** Mostly one of the latest pieces, so that a sequence takes a piece through several moves. */
const piece = fc.record({
  index: fc.oneof({ weight: 4, arbitrary: fc.nat(3) }, { weight: 1, arbitrary: fc.nat(40) }),
  own: fc.boolean(),
});
const wxrStatus = fc.constantFrom<WxrStatus>('publish', 'future', 'draft', 'pending');

const create = fc.record({
  kind: fc.constant('create' as const),
  actor: anyActor,
  section: fc.constantFrom<0 | 1>(0, 1),
  status: fc.constantFrom<Status>(
    'draft',
    'in-review',
    'published',
    'published',
    'scheduled',
    'withdrawn',
  ),
  date: fc.oneof({ weight: 1, arbitrary: fc.constant(null) }, { weight: 3, arbitrary: offset }),
  embargo: fc.oneof({ weight: 3, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: future }),
  person: fc.oneof(fc.constant(null), fc.nat(20)),
  place: fc.oneof(fc.constant<'new'>('new'), fc.constant<'none'>('none'), fc.nat(20)),
});

const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 8, arbitrary: create },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('edit' as const), actor: anyActor, piece }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('dates' as const),
      actor: anyActor,
      piece,
      date: fc.oneof(fc.constant<'keep'>('keep'), fc.constant(null), offset),
      embargo: fc.oneof(fc.constant<'keep'>('keep'), fc.constant(null), future),
    }),
  },
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('status' as const),
      actor: publishingActor,
      piece,
      to: fc.constantFrom<Status>(
        'published',
        'published',
        'scheduled',
        'withdrawn',
        'withdrawn',
        'draft',
        'in-review',
      ),
      at: fc.oneof({ weight: 5, arbitrary: future }, { weight: 1, arbitrary: offset }),
      viaPut: fc.boolean(),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constantFrom('trash' as const, 'restore' as const, 'purge' as const),
      actor: officeActor,
      piece,
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('rename' as const),
      actor: anyActor,
      what: fc.constantFrom<'person' | 'place'>('person', 'place'),
      index: fc.nat(20),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('attach' as const), actor: anyActor, piece }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('figure' as const),
      actor: officeActor,
      piece,
      place: fc.oneof({ weight: 3, arbitrary: fc.constant(true) }, fc.constant(false)),
      scene: fc.boolean(),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('place' as const),
      actor: anyActor,
      piece,
      which: fc.constantFrom<'own' | 'other' | 'missing'>('own', 'own', 'other', 'missing'),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('note' as const),
      actor: officeActor,
      piece,
      signOff: fc.boolean(),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('photo' as const),
      actor: officeActor,
      index: fc.nat(20),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('import' as const),
      items: fc.array(fc.record({ status: wxrStatus, date: offset }), {
        minLength: 1,
        maxLength: 2,
      }),
      again: fc.oneof(
        fc.constant(null),
        fc.record({ index: fc.nat(10), status: wxrStatus, date: offset }),
      ),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('advance' as const),
      minutes: fc.constantFrom(1, 90, DAY, 4 * DAY, 33 * DAY),
    }),
  },
  { weight: 1, arbitrary: fc.constant<Op>({ kind: 'look' }) },
  { weight: 1, arbitrary: fc.constant<Op>({ kind: 'staff-read' }) },
  { weight: 1, arbitrary: fc.constant<Op>({ kind: 'export' }) },
);

export const sequences = (minLength: number, maxLength: number) =>
  fc.array(op, { minLength, maxLength });

/** One line per operation, for the failure report. */
export function describeOp(o: Op): string {
  const when = (m: Offset | null | 'keep') =>
    m === 'keep' ? 'kept' : m === null ? 'none' : `${m >= 0 ? '+' : ''}${m / HOUR}h`;
  const target = (p: PieceRef) => `piece #${p.index}${p.own ? ' (own if any)' : ''}`;
  switch (o.kind) {
    case 'create':
      return `${o.actor} creates a ${o.actor.startsWith('token:') ? o.status : 'draft'} piece in ${o.section ? 'articles' : 'reports'}, date ${when(o.date)}, embargo ${when(o.embargo)}`;
    case 'edit':
      return `${o.actor} edits the text of ${target(o.piece)}`;
    case 'dates':
      return `${o.actor} sets the date of ${target(o.piece)} to ${when(o.date)} and its embargo to ${when(o.embargo)}`;
    case 'status':
      return `${o.actor} makes ${target(o.piece)} ${o.to}${o.to === 'scheduled' ? ` at ${when(o.at)}` : ''}${o.actor.startsWith('token:') ? (!o.viaPut && (o.to === 'published' || o.to === 'withdrawn') ? ` (POST …/${o.to === 'published' ? 'publish' : 'withdraw'})` : ' (PUT)') : ''}`;
    case 'trash':
    case 'restore':
    case 'purge':
      return `${o.actor} ${o.kind === 'trash' ? 'trashes' : `${o.kind}s`} ${target(o.piece)}`;
    case 'rename':
      return `${o.actor} renames ${o.what} #${o.index}`;
    case 'attach':
      return `${o.actor} attaches a PDF to ${target(o.piece)}`;
    case 'figure':
      return `${o.actor} uploads a ${o.scene ? 'satellite scene' : 'figure'} to ${target(o.piece)}${o.place ? ' and places it in the body' : ', not placed'}`;
    case 'place':
      return `${o.actor} saves the body of ${target(o.piece)} placing ${o.which === 'own' ? 'its latest figure' : o.which === 'other' ? "another piece's figure" : 'an image that does not exist'}`;
    case 'note':
      return `${o.actor} leaves ${o.signOff ? 'a sign-off' : 'an editorial note'} on ${target(o.piece)}`;
    case 'photo':
      return `${o.actor} uploads a photo of person #${o.index}`;
    case 'import':
      return `import of ${o.items.map((i) => `${i.status} ${when(i.date)}`).join(', ') || 'no new item'}${o.again ? `; again: item #${o.again.index} as ${o.again.status} ${when(o.again.date)}` : ''}`;
    case 'advance':
      return `the clock moves ${o.minutes} minutes`;
    default:
      return o.kind;
  }
}
