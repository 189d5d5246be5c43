import type { EntryView } from '../../../core/public-views.ts';
import { formatDateAt } from '../../../ui/i18n/translate.ts';
import type { PageContext } from '../../../ui/page-context.ts';
import { Layout } from '../../../ui/pages/layout.tsx';
import { bylineText } from './byline.tsx';

/** The tombstone of a withdrawn piece: a notice, the reason, and what is needed to cite it. */
export function GonePage(props: {
  ctx: PageContext;
  entry: EntryView;
  reason: string | null;
  withdrawnAt: string;
}) {
  const { ctx, entry } = props;
  const authors = bylineText(entry.contributors);
  return (
    <Layout ctx={ctx} title={ctx.t('gone.title')}>
      <h1>{ctx.t('gone.title')}</h1>
      <p>{ctx.t('gone.notice')}</p>
      {props.reason ? (
        <p>
          <strong>{ctx.t('gone.reason')}:</strong> {props.reason}
        </p>
      ) : null}
      <section aria-labelledby="citation-heading">
        <h2 id="citation-heading">{ctx.t('gone.citation')}</h2>
        <p class="citation">
          {authors ? `${authors}. ` : ''}
          <cite lang={entry.language}>{entry.title}</cite>.{' '}
          {formatDateAt(entry.publishedAt, entry.publishedPrecision, ctx.locale)}. {ctx.publicUrl}
          {entry.path}
        </p>
      </section>
    </Layout>
  );
}
