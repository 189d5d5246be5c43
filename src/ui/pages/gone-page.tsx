import type { EntryView } from '../../features/reading/view-models.ts';
import { bylineText } from '../components/byline.tsx';
import { formatDate } from '../i18n/translate.ts';
import { Layout } from '../layout.tsx';
import type { PageContext } from '../page-context.ts';

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
          {formatDate(entry.publishedAt, ctx.locale)}. {ctx.publicUrl}
          {entry.path}
        </p>
      </section>
    </Layout>
  );
}
