import type { z } from '@hono/zod-openapi';
import type {
  Organization,
  Person,
  Place,
  Publication,
  PublicationRecord,
  Section,
  Topic,
} from '../../../core/entities.ts';
import { fileUrlName } from '../../../core/file-name.ts';
import { isPubliclyVisible, publicDatestamp } from '../../../core/publication-status.ts';
import type { ApiAudience, ApiReadingRepos } from '../api-reading.ts';
import type {
  personSchema,
  placeSchema,
  publicationSchema,
  publicationSummarySchema,
  sectionSchema,
  topicSchema,
} from './api-schemas.ts';
import { presentScenes } from './scene-presenter.ts';

/** Records as the API shows them: ids and slugs of linked things, never internal columns. */
export type PublicationSummaryOut = z.infer<typeof publicationSummarySchema>;
export type PublicationOut = z.infer<typeof publicationSchema>;

export function presentSection(s: Section): z.infer<typeof sectionSchema> {
  return {
    id: s.id,
    slug: s.slug,
    title: s.title,
    titleKo: s.titleKo,
    description: s.description,
    descriptionKo: s.descriptionKo,
    disclaimer: s.disclaimer,
    disclaimerKo: s.disclaimerKo,
    position: s.position,
    updatedAt: s.updatedAt,
  };
}

export function presentTopic(t: Topic): z.infer<typeof topicSchema> {
  return { id: t.id, slug: t.slug, name: t.name, nameKo: t.nameKo };
}

export function presentPlace(p: Place): z.infer<typeof placeSchema> {
  return {
    id: p.id,
    slug: p.slug,
    kind: p.kind,
    parentId: p.parentId,
    latitude: p.latitude,
    longitude: p.longitude,
    coordinatesSource: p.coordinatesSource,
    footprint: p.footprint,
    footprintSource: p.footprintSource,
    names: p.names.map((n) => ({
      name: n.name,
      language: n.language,
      scheme: n.scheme,
      preferred: n.preferred,
    })),
    updatedAt: p.updatedAt,
  };
}

const orgRef = (o: Organization) => ({ id: o.id, slug: o.slug, name: o.name, nameKo: o.nameKo });

export function presentPerson(p: Person, orgs: Organization[]): z.infer<typeof personSchema> {
  return {
    id: p.id,
    slug: p.slug,
    name: p.name,
    sortName: p.sortName,
    nameKo: p.nameKo,
    nameKoSource: p.nameKoSource,
    bio: p.bio,
    bioKo: p.bioKo,
    orcid: p.orcid,
    roles: p.roles.map((r) => {
      const org = orgs.find((o) => o.id === r.organizationId);
      return {
        title: r.title,
        organization: org ? orgRef(org) : null,
        startsOn: r.startsOn,
        endsOn: r.endsOn,
      };
    }),
    updatedAt: p.updatedAt,
  };
}

export async function presentPeople(repos: ApiReadingRepos, people: Person[]) {
  const ids = new Set(people.flatMap((p) => p.roles.map((r) => r.organizationId)));
  const orgs = await repos.organizations.findByIds(
    [...ids].filter((id): id is number => id !== null),
  );
  return people.map((p) => presentPerson(p, orgs));
}

/** A file's address in the API: under its safe name, whatever name it was uploaded under. */
export function fileUrl(publicationId: number, fileName: string): string {
  return `/api/v1/publications/${publicationId}/files/${encodeURIComponent(fileUrlName(fileName))}`;
}

/**
 * Whether the caller reads the piece whole, or only what its public notice shows: a tombstone
 * names its title, authors and reason, never its summary or subtitle.
 */
function readsWhole(p: Publication, audience: ApiAudience, now: Date): boolean {
  if (audience.kind === 'staff' || isPubliclyVisible(p, now)) return true;
  return audience.kind === 'own-drafts' && p.createdByUserId === audience.userId;
}

export function presentSummary(
  p: Publication,
  sections: ReadonlyMap<number, Section>,
  audience: ApiAudience,
  now: Date,
): PublicationSummaryOut {
  const section = sections.get(p.sectionId);
  const sectionSlug = section?.slug ?? '';
  const whole = readsWhole(p, audience, now);
  return {
    id: p.id,
    section: { id: p.sectionId, slug: sectionSlug },
    slug: p.slug,
    type: p.type,
    title: p.title,
    subtitle: whole ? p.subtitle : null,
    summary: whole ? p.summary : null,
    language: p.language,
    status: p.status,
    publishedAt: p.publishedAt,
    publishedPrecision: p.publishedPrecision,
    revisedAt: p.revisedAt,
    updatedAt: p.updatedAt,
    datestamp: publicDatestamp(p),
    version: p.version,
    url: isPubliclyVisible(p, now) ? `/${sectionSlug}/${p.slug}/` : null,
  };
}

export async function sectionMap(repos: ApiReadingRepos): Promise<Map<number, Section>> {
  return new Map((await repos.sections.list()).map((s) => [s.id, s]));
}

/**
 * A whole publication: contributors with the affiliation printed at the time, topics, places
 * with all their names, files, and the translations the same audience may read.
 */
export async function presentPublication(
  repos: ApiReadingRepos,
  record: PublicationRecord,
  audience: ApiAudience,
  now: Date,
): Promise<PublicationOut> {
  const [sections, people, topics, places, attachments, venue, series, translationIds, scenes] =
    await Promise.all([
      sectionMap(repos),
      repos.people.findByIds(record.contributions.map((c) => c.personId)),
      repos.topics.findByIds(record.topicIds),
      repos.places.findByIds(record.placeIds),
      repos.files.attachmentsOf([record.id]),
      record.venueId ? repos.organizations.findById(record.venueId) : undefined,
      record.seriesId ? repos.series.findById(record.seriesId) : undefined,
      record.translationGroup
        ? repos.apiCatalog.translationIds(audience, record.translationGroup, now)
        : [],
      presentScenes(repos, record, audience, now),
    ]);
  const others = translationIds.filter((id) => id !== record.id);
  const translations = (
    await Promise.all(others.map((id) => repos.publications.findById(id)))
  ).filter((t) => t !== undefined);
  const staff = audience.kind !== 'public';
  return {
    ...presentSummary(record, sections, audience, now),
    body: record.body,
    bodyHtml: record.bodyHtml,
    translationGroup: record.translationGroup,
    scheduledAt: staff ? record.scheduledAt : null,
    embargoUntil: record.embargoUntil,
    withdrawnAt: record.withdrawnAt,
    withdrawnReason: record.withdrawnReason,
    venue: venue ? orgRef(venue) : null,
    externalUrl: record.externalUrl,
    excerptOnly: record.excerptOnly,
    series:
      series && record.seriesPosition !== null
        ? { id: series.id, slug: series.slug, title: series.title, position: record.seriesPosition }
        : null,
    reportNumber: record.reportNumber,
    doi: record.doi,
    disclaimer: record.disclaimer,
    needsAttention: staff ? record.needsAttention : null,
    contributors: record.contributions.flatMap((c) => {
      const person = people.find((p) => p.id === c.personId);
      return person
        ? [
            {
              person: {
                id: person.id,
                slug: person.slug,
                name: person.name,
                sortName: person.sortName,
              },
              role: c.role,
              credit: c.credit,
              affiliationLabel: c.affiliationLabel,
            },
          ]
        : [];
    }),
    topics: record.topicIds
      .map((id) => topics.find((t) => t.id === id))
      .filter((t) => t !== undefined)
      .map(presentTopic),
    places: record.placeIds
      .map((id) => places.find((p) => p.id === id))
      .filter((p) => p !== undefined)
      .map(presentPlace),
    attachments: attachments.map((a) => ({
      fileName: a.fileName,
      role: a.role,
      title: a.title,
      altText: a.altText,
      caption: a.caption,
      credit: a.credit,
      mediaType: a.file.mediaType,
      byteSize: a.file.byteSize,
      sha256: a.file.sha256,
      pageCount: a.file.pageCount,
      url: fileUrl(record.id, a.fileName),
    })),
    scenes,
    translations: translations.map((t) => ({
      id: t.id,
      language: t.language,
      title: t.title,
      section: sections.get(t.sectionId)?.slug ?? '',
      slug: t.slug,
    })),
  };
}
