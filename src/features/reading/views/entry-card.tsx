import { renderMarkdown } from '../../../core/markdown/markdown.ts';
import type { EntryView } from '../../../core/public-views.ts';
import { href } from '../../../ui/components/links.ts';
import { formatDate } from '../../../ui/i18n/translate.ts';
import type { PageContext } from '../../../ui/page-context.ts';
import { Byline } from './byline.tsx';
import { PdfLink } from './pdf-link.tsx';
import { VenueLink } from './venue-link.tsx';

/**
 * One entry of a listing, like the seed page's, done right: title, authors as printed, date,
 * a summary that opens without script, "Download PDF" with its size, and "Continue reading".
 */
export function EntryCard(props: { ctx: PageContext; entry: EntryView; headingLevel?: 2 | 3 }) {
  const { ctx, entry } = props;
  const Heading = props.headingLevel === 2 ? 'h2' : 'h3';
  return (
    <article class="entry">
      <Heading class="entry-title" lang={entry.language}>
        <a href={href(ctx.locale, entry.path)}>{entry.title}</a>
      </Heading>
      <Byline ctx={ctx} contributors={entry.contributors} />
      <p class="meta">
        <time datetime={entry.publishedAt.slice(0, 10)}>
          {formatDate(entry.publishedAt, ctx.locale)}
        </time>
      </p>
      {entry.summary ? (
        <details class="summary">
          <summary>{ctx.t('entry.readSummary')}</summary>
          <div
            lang={entry.language}
            dangerouslySetInnerHTML={{ __html: renderMarkdown(entry.summary) }}
          />
        </details>
      ) : null}
      {entry.mainPdf || entry.excerptOnly ? (
        <p class="actions">
          {entry.mainPdf ? <PdfLink ctx={ctx} file={entry.mainPdf} /> : null}
          {entry.excerptOnly ? <VenueLink ctx={ctx} entry={entry} /> : null}
        </p>
      ) : null}
    </article>
  );
}
