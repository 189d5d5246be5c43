import { preferredName } from '../../../core/place-name.ts';
import type { RevisionSummary } from '../../../core/repositories/revisions-repository.ts';
import type { Repositories } from '../../../core/repositories.ts';
import {
  type DiffRow,
  diffLines,
  foldUnchanged,
  type SkippedRows,
  sideBySide,
} from './line-diff.ts';

/**
 * Two revisions of a publication, field by field, as an editor reads them: linked records by
 * name rather than by number, and the body as a line diff.
 */
export interface RevisionViewDeps {
  repos: Pick<
    Repositories,
    'revisions' | 'sections' | 'people' | 'topics' | 'places' | 'organizations' | 'series' | 'users'
  >;
}

export interface ComparedField {
  label: string;
  before: string;
  after: string;
  changed: boolean;
}

export interface RevisionComparison {
  fields: ComparedField[];
  /** The body side by side, long unchanged stretches folded away. */
  body: Array<DiffRow | SkippedRows>;
  bodyChanged: boolean;
}

export interface RevisionListItem extends RevisionSummary {
  author: string;
}

type Snapshot = Record<string, unknown>;

const LABELS: ReadonlyArray<[string, string]> = [
  ['title', 'Title'],
  ['subtitle', 'Subtitle'],
  ['sectionId', 'Section'],
  ['slug', 'Slug'],
  ['type', 'Type'],
  ['status', 'Status'],
  ['summary', 'Summary'],
  ['contributions', 'Contributors'],
  ['language', 'Language'],
  ['translationGroup', 'Translation group'],
  ['publishedAt', 'Published'],
  ['publishedPrecision', 'Date as printed'],
  ['revisedAt', 'Updated'],
  ['scheduledAt', 'Scheduled'],
  ['embargoUntil', 'Embargo until'],
  ['withdrawnReason', 'Reason for withdrawal'],
  ['venueId', 'Venue'],
  ['externalUrl', 'Link to the original'],
  ['excerptOnly', 'Excerpt only'],
  ['seriesId', 'Series'],
  ['seriesPosition', 'Series position'],
  ['reportNumber', 'Report number'],
  ['doi', 'DOI'],
  ['disclaimer', 'Disclaimer'],
  ['keywords', 'Key words as printed'],
  ['archiveText', 'Text written by the archive'],
  ['translatedById', 'Translated by'],
  ['venueStatus', 'Status at the venue'],
  ['needsAttention', 'Needs attention'],
  ['topicIds', 'Topics'],
  ['placeIds', 'Places'],
];

const ids = (v: unknown): number[] =>
  Array.isArray(v) ? v.filter((x) => typeof x === 'number') : [];
const contributionsOf = (s: Snapshot) =>
  (Array.isArray(s.contributions) ? s.contributions : []) as Array<Record<string, unknown>>;

/** Names for every record the two snapshots link to. */
async function namesFor(deps: RevisionViewDeps, snapshots: Snapshot[]) {
  const all = (key: string) => [...new Set(snapshots.flatMap((s) => ids(s[key])))];
  const people = [
    ...new Set(snapshots.flatMap((s) => ids(contributionsOf(s).map((c) => c.personId)))),
  ];
  const [sections, persons, topics, places, organizations, series] = await Promise.all([
    deps.repos.sections.list(),
    deps.repos.people.findByIds(people),
    deps.repos.topics.findByIds(all('topicIds')),
    deps.repos.places.findByIds(all('placeIds')),
    deps.repos.organizations.findByIds(ids(snapshots.map((s) => s.venueId))),
    Promise.all(ids(snapshots.map((s) => s.seriesId)).map((id) => deps.repos.series.findById(id))),
  ]);
  const named = <T extends { id: number }>(list: Array<T | undefined>, name: (t: T) => string) =>
    new Map(list.filter((t): t is T => !!t).map((t) => [t.id, name(t)]));
  return {
    sectionId: named(sections, (s) => s.title),
    person: named(persons, (p) => p.name),
    topicIds: named(topics, (t) => t.name),
    placeIds: named(places, (p) => preferredName(p.names)),
    venueId: named(organizations, (o) => o.name),
    seriesId: named(series, (s) => s.title),
  };
}

function display(key: string, value: unknown, names: Awaited<ReturnType<typeof namesFor>>): string {
  const lookup = (map: Map<number, string>, id: unknown) =>
    typeof id === 'number' ? (map.get(id) ?? `#${id} (since removed)`) : '';
  if (value === null || value === undefined) return '';
  switch (key) {
    case 'sectionId':
    case 'venueId':
    case 'seriesId':
      return lookup(names[key], value);
    case 'topicIds':
    case 'placeIds':
      return ids(value)
        .map((id) => lookup(names[key], id))
        .join('\n');
    case 'contributions':
      return contributionsOf({ contributions: value })
        .map((c) => {
          const credit = c.credit === 'secondary' ? ', with' : '';
          const affiliation = c.affiliationLabel ? ` — ${String(c.affiliationLabel)}` : '';
          return `${lookup(names.person, c.personId)} (${String(c.role)}${credit})${affiliation}`;
        })
        .join('\n');
    case 'excerptOnly':
      return value ? 'yes' : 'no';
    default:
      return typeof value === 'string' ? value : JSON.stringify(value);
  }
}

/** Compares version `a` (before) with version `b` (after); null when either does not exist. */
export async function compareRevisions(
  deps: RevisionViewDeps,
  publicationId: number,
  a: number,
  b: number,
): Promise<RevisionComparison | null> {
  const [before, after] = (await Promise.all([
    deps.repos.revisions.snapshot(publicationId, a),
    deps.repos.revisions.snapshot(publicationId, b),
  ])) as Array<Snapshot | undefined>;
  if (!before || !after) return null;
  const names = await namesFor(deps, [before, after]);
  const fields = LABELS.map(([key, label]) => {
    const was = display(key, before[key], names);
    const now = display(key, after[key], names);
    return { label, before: was, after: now, changed: was !== now };
  });
  const bodyBefore = typeof before.body === 'string' ? before.body : '';
  const bodyAfter = typeof after.body === 'string' ? after.body : '';
  return {
    fields,
    body: foldUnchanged(sideBySide(diffLines(bodyBefore, bodyAfter))),
    bodyChanged: bodyBefore !== bodyAfter,
  };
}

/** The revisions of a publication, newest first, with who saved each. */
export async function revisionList(
  deps: RevisionViewDeps,
  publicationId: number,
): Promise<RevisionListItem[]> {
  const [revisions, users] = await Promise.all([
    deps.repos.revisions.list(publicationId),
    deps.repos.users.list(),
  ]);
  return revisions.map((r) => ({
    ...r,
    author: users.find((u) => u.id === r.authorUserId)?.displayName ?? 'system',
  }));
}
