import type { AppContext } from '../../../core/app-context.ts';
import type { PublicationView } from '../../../core/public-views.ts';
import { FeedLinks } from '../../../ui/components/feed-links.tsx';
import { localizedText } from '../../../ui/components/localized.tsx';
import type { PageMetaInput } from '../../../ui/components/page-meta.tsx';
import type { PageContext } from '../../../ui/page-context.ts';
import type { PublicationExtrasFor } from '../../reading/index.ts';
import { workFromPublicationView } from '../load-works.ts';
import { loadWorkScenes, type WorkScene } from '../scene-media.ts';
import { loadScholarlyContext } from '../scholarly-context.ts';
import type { ScholarlyWork } from '../work.ts';
import { CiteBlock } from './cite-block.tsx';
import { PublicationHead } from './publication-head.tsx';

/**
 * Everything a publication page adds for machines and citers, as the three props the page takes:
 * head tags (Highwire, Dublin Core, JSON-LD, its section's feeds), social meta, and the Cite block.
 */
export function publicationScholarly(
  ctx: PageContext,
  work: ScholarlyWork,
  pub: PublicationView,
  scenes: readonly WorkScene[] = [],
) {
  const section = localizedText(ctx.locale, pub.section.title, pub.section.titleKo);
  const meta: PageMetaInput = {
    description: work.abstract,
    article:
      work.kind === 'page'
        ? undefined
        : {
            publishedTime: pub.publishedAt,
            modifiedTime: pub.revisedAt,
            authors: work.authors.map((a) => a.profileUrl),
            section,
            tags: work.keywords,
          },
  };
  return {
    head: (
      <>
        <PublicationHead ctx={ctx} work={work} path={pub.path} scenes={scenes} />
        {work.kind === 'page' ? null : (
          <FeedLinks ctx={ctx} folder={`/${pub.section.slug}/`} name={section} />
        )}
      </>
    ),
    meta,
    cite: <CiteBlock ctx={ctx} work={work} path={pub.path} />,
  };
}

/**
 * The scholarly parts of every publication's page, for reading's public routes (wired in
 * web/app.tsx): the page's contributors are the people its citations name, and its public
 * satellite scenes are the images its JSON-LD lists.
 */
export function scholarlyExtras(app: AppContext): PublicationExtrasFor {
  return async (ctx, view, people) => {
    const [scholarly, scenes] = await Promise.all([
      loadScholarlyContext(app.repos, app.config.publicUrl, people),
      loadWorkScenes(app.repos, app.config.publicUrl, [view], app.clock.now()),
    ]);
    const work = workFromPublicationView(scholarly, view);
    return publicationScholarly(ctx, work, view, scenes.get(view.id));
  };
}
