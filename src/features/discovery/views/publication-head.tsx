import { JsonLd } from '../../../ui/components/json-ld.tsx';
import { href } from '../../../ui/components/links.ts';
import { MetaTags } from '../../../ui/components/meta-tags.tsx';
import type { PageContext } from '../../../ui/page-context.ts';
import { DC_NAMESPACE, DCTERMS_NAMESPACE, dublinCoreTags } from '../meta/dublin-core-tags.ts';
import { highwireTags } from '../meta/highwire-tags.ts';
import type { WorkScene } from '../scene-media.ts';
import { publicationJsonLd } from '../structured-data/publication-jsonld.ts';
import type { ScholarlyWork } from '../work.ts';

/**
 * A publication's head: Highwire Press tags for Google Scholar and Zotero, Dublin Core, the
 * schema.org JSON-LD, and links to its citation downloads. Pages such as About are not works to
 * cite: they get the JSON-LD (as WebPage) and nothing else.
 */
export function PublicationHead(props: {
  ctx: PageContext;
  work: ScholarlyWork;
  path: string;
  /** Its public satellite scenes, which its JSON-LD lists as images. */
  scenes?: readonly WorkScene[];
}) {
  const { ctx, work } = props;
  const pageUrl = `${ctx.publicUrl}${href(ctx.locale, props.path)}`;
  const jsonLd = publicationJsonLd(work, pageUrl, props.scenes, ctx.locale);
  if (work.kind === 'page') return <JsonLd data={jsonLd} />;
  return (
    <>
      <link rel="schema.DC" href={DC_NAMESPACE} />
      <link rel="schema.DCTERMS" href={DCTERMS_NAMESPACE} />
      <MetaTags tags={highwireTags(work, pageUrl)} />
      <MetaTags tags={dublinCoreTags(work)} />
      <JsonLd data={jsonLd} />
      <link
        rel="alternate"
        type="application/x-bibtex"
        title="BibTeX"
        href={`${props.path}cite.bib`}
      />
      <link
        rel="alternate"
        type="application/x-research-info-systems"
        title="RIS"
        href={`${props.path}cite.ris`}
      />
      <link
        rel="alternate"
        type="application/vnd.citationstyles.csl+json"
        title="CSL-JSON"
        href={`${props.path}cite.json`}
      />
    </>
  );
}
