import type { PageContext } from '../../../ui/page-context.ts';
import { apa } from '../citation/apa.ts';
import { chicago } from '../citation/chicago.ts';
import type { Formatted } from '../citation/formatted.ts';
import { mla } from '../citation/mla.ts';
import type { ScholarlyWork } from '../work.ts';

/**
 * "Cite this": the piece in Chicago, APA and MLA style, and the citation downloads (BibTeX, RIS,
 * CSL-JSON) at stable addresses beside the page. The styles are English conventions, so the
 * citations are marked lang="en" in either interface.
 */
export function CiteBlock(props: { ctx: PageContext; work: ScholarlyWork; path: string }) {
  const { ctx, work, path } = props;
  if (work.kind === 'page') return null;
  const styles: Array<[string, Formatted]> = [
    [ctx.t('cite.chicago'), chicago(work)],
    [ctx.t('cite.apa'), apa(work)],
    [ctx.t('cite.mla'), mla(work)],
  ];
  return (
    <section class="cite" aria-labelledby="cite-heading">
      <h2 id="cite-heading">{ctx.t('cite.heading')}</h2>
      <dl class="cite-styles">
        {styles.map(([name, text]) => (
          <>
            <dt>{name}</dt>
            <dd class="cite-text" lang="en">
              {text.map((run) => (run.italic ? <i>{run.text}</i> : run.text))}
            </dd>
          </>
        ))}
      </dl>
      <p class="cite-downloads">
        {ctx.t('cite.download')}:{' '}
        <a href={`${path}cite.bib`} type="application/x-bibtex" download>
          {ctx.t('cite.bibtex')}
        </a>
        {' · '}
        <a href={`${path}cite.ris`} type="application/x-research-info-systems" download>
          {ctx.t('cite.ris')}
        </a>
        {' · '}
        <a href={`${path}cite.json`} type="application/vnd.citationstyles.csl+json" download>
          {ctx.t('cite.csl')}
        </a>
      </p>
    </section>
  );
}
