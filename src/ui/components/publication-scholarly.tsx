import type { ScholarlyWork } from '../../features/discovery/work.ts';
import type { PublicationView } from '../../features/reading/view-models.ts';
import type { PageContext } from '../page-context.ts';
import { CiteBlock } from './cite-block.tsx';
import { FeedLinks } from './feed-links.tsx';
import { localizedText } from './localized.tsx';
import type { PageMetaInput } from './page-meta.tsx';
import { PublicationHead } from './publication-head.tsx';

/**
 * Everything a publication page adds for machines and citers, as the three props the page takes:
 * head tags (Highwire, Dublin Core, JSON-LD, its section's feeds), social meta, and the Cite block.
 */
export function publicationScholarly(ctx: PageContext, work: ScholarlyWork, pub: PublicationView) {
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
        <PublicationHead ctx={ctx} work={work} path={pub.path} />
        {work.kind === 'page' ? null : (
          <FeedLinks ctx={ctx} folder={`/${pub.section.slug}/`} name={section} />
        )}
      </>
    ),
    meta,
    cite: <CiteBlock ctx={ctx} work={work} path={pub.path} />,
  };
}
