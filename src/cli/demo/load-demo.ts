import type { Actor } from '../../core/actor.ts';
import type { AppContext } from '../../core/app-context.ts';
import {
  createOrganization,
  createPerson,
  createPlace,
  createSection,
  createSeries,
  createTopic,
} from '../../features/entities/create-entities.ts';
import { attachFile } from '../../features/publishing/files/attach-file.ts';
import { createPublication } from '../../features/publishing/save-publication.ts';
import type { DemoArchive } from './demo-archive.ts';

export class DemoRefusedError extends Error {
  override name = 'DemoRefusedError';
}

/** True when the archive holds nothing an operator made: no sections, work or users. */
export async function isArchiveEmpty(ctx: AppContext): Promise<boolean> {
  const [sections, publications, users] = await Promise.all([
    ctx.repos.sections.list(),
    ctx.repos.publications.count(),
    ctx.repos.users.count(),
  ]);
  return sections.length === 0 && publications === 0 && users === 0;
}

/**
 * Loads the demo archive through the same services an editor uses, so the demo exercises the
 * real validation, revisions and audit trail. It refuses a database that already holds work.
 */
export async function loadDemo(
  ctx: AppContext,
  archive: DemoArchive,
  actor: Actor,
  onProgress: (message: string) => void = () => {},
): Promise<{ publications: number }> {
  if (!(await isArchiveEmpty(ctx))) {
    throw new DemoRefusedError(
      'The database already holds an archive; the demo loads only into an empty one',
    );
  }
  const deps = {
    repos: ctx.repos,
    transactor: ctx.transactor,
    clock: ctx.clock,
    audit: ctx.audit,
    changes: ctx.changes,
  };
  const at = ctx.clock.now().toISOString();
  await ctx.repos.settings.set('site', archive.site, at);

  const orgIds = new Map<string, number>();
  for (const o of archive.organizations) {
    orgIds.set(o.slug, (await createOrganization(deps, o, actor)).id);
  }
  const sectionIds = new Map<string, number>();
  for (const [position, s] of archive.sections.entries()) {
    sectionIds.set(s.slug, (await createSection(deps, { ...s, position }, actor)).id);
  }
  const personIds = new Map<string, number>();
  for (const p of archive.people) {
    const roles = p.roles.map((r) => ({
      title: r.title,
      organizationId: r.organization ? need(orgIds, r.organization, 'organization') : null,
      startsOn: r.startsOn ?? null,
      endsOn: r.endsOn ?? null,
    }));
    personIds.set(p.slug, (await createPerson(deps, { ...p, roles }, actor)).id);
  }
  const topicIds = new Map<string, number>();
  for (const t of archive.topics) topicIds.set(t.slug, (await createTopic(deps, t, actor)).id);

  // Parents before children, whatever order the data lists them in.
  const placeIds = new Map<string, number>();
  const pending = [...archive.places];
  while (pending.length > 0) {
    const index = pending.findIndex((p) => !p.parent || placeIds.has(p.parent));
    if (index === -1)
      throw new Error(
        `Place parents form a loop or are missing: ${pending.map((p) => p.slug).join(', ')}`,
      );
    const [p] = pending.splice(index, 1);
    if (!p) break;
    const created = await createPlace(
      deps,
      { ...p, parentId: p.parent ? need(placeIds, p.parent, 'place') : null },
      actor,
    );
    placeIds.set(p.slug, created.id);
  }
  const seriesIds = new Map<string, number>();
  for (const s of archive.series) seriesIds.set(s.slug, (await createSeries(deps, s, actor)).id);

  let count = 0;
  for (const p of archive.publications) {
    const status = p.status ?? 'published';
    const publication = await createPublication(
      deps,
      {
        sectionId: need(sectionIds, p.section, 'section'),
        slug: p.slug,
        type: p.type,
        title: p.title,
        subtitle: p.subtitle ?? null,
        summary: p.summary ?? null,
        body: p.body ?? '',
        language: p.language,
        translationGroup: p.translationGroup ?? null,
        status,
        publishedAt: p.publishedAt ? `${p.publishedAt}T00:00:00.000Z` : null,
        venueId: p.venue ? need(orgIds, p.venue, 'organization') : null,
        venueStatus: p.venueStatus ?? 'published',
        externalUrl: p.externalUrl ?? null,
        excerptOnly: p.excerptOnly ?? false,
        seriesId: p.series ? need(seriesIds, p.series.slug, 'series') : null,
        seriesPosition: p.series?.position ?? null,
        reportNumber: p.reportNumber ?? null,
        disclaimer: p.disclaimer ?? null,
        keywords: p.keywords ?? null,
        archiveText: p.archiveText ?? null,
        translatedById: p.translatedBy ? need(orgIds, p.translatedBy, 'organization') : null,
        needsAttention: p.needsAttention ?? null,
        contributions: p.contributors.map((c) => ({
          personId: need(personIds, c.person, 'person'),
          role: c.role ?? 'author',
          credit: c.credit ?? 'primary',
          affiliationLabel: c.affiliation ?? null,
        })),
        topicIds: (p.topics ?? []).map((t) => need(topicIds, t, 'topic')),
        placeIds: (p.places ?? []).map((pl) => need(placeIds, pl, 'place')),
      },
      actor,
    );
    if (p.pdf) {
      const authors = p.contributors.map(
        (c) => archive.people.find((x) => x.slug === c.person)?.name,
      );
      // The PDF writer (pdfkit and its fonts) is needed once, for the demo, never to serve.
      const { writeTextPdf } = await import('../../infra/pdf/write-text-pdf.ts');
      const bytes = await writeTextPdf({
        title: p.title,
        author: authors.filter(Boolean).join(', '),
        language: p.language,
        pages: p.pdf.pages,
      });
      await attachFile(
        { ...deps, files: ctx.files },
        {
          publicationId: publication.id,
          source: oneChunk(bytes),
          fileName: p.pdf.fileName,
          role: 'main-pdf',
          title: p.title,
        },
        actor,
      );
    }
    if (p.figure) {
      const place = archive.places.find((x) => x.slug === p.figure?.place);
      const country = archive.places.find((x) => x.kind === 'country');
      if (place?.latitude === undefined || place.longitude === undefined || !country) {
        throw new Error(`The demo figure of ${p.slug} marks a place with no recorded position`);
      }
      const { addDemoFigure } = await import('./demo-figure.ts');
      await addDemoFigure(
        ctx,
        publication,
        { ...p.figure, point: { latitude: place.latitude, longitude: place.longitude } },
        country.names.map((n) => n.name),
        actor,
      );
    }
    if (p.scenes) {
      const { addDemoScenes } = await import('./demo-scenes.ts');
      const current = (await ctx.repos.publications.findById(publication.id))!;
      await addDemoScenes(ctx, current, p.scenes, placeIds, actor);
    }
    count++;
    onProgress(`${count}/${archive.publications.length} ${p.title}`);
  }
  return { publications: count };
}

function need(ids: Map<string, number>, slug: string, what: string): number {
  const id = ids.get(slug);
  if (id === undefined) throw new Error(`The demo data names an unknown ${what}: ${slug}`);
  return id;
}

async function* oneChunk(bytes: Uint8Array): AsyncIterable<Uint8Array> {
  yield bytes;
}

/** Loads the demo archive that ships with Dossier. Its data module is imported only here. */
export async function loadBundledDemo(ctx: AppContext, actor: Actor) {
  const { demoArchive } = await import('./demo-archive.data.ts');
  return loadDemo(ctx, demoArchive, actor);
}
