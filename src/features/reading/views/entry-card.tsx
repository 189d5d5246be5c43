import { markdownToText } from '../../../core/markdown/markdown.ts';
import type { EntryView } from '../../../core/public-views.ts';
import { href } from '../../../ui/components/links.ts';
import { DateAt } from '../../../ui/components/published-date.tsx';
import type { MessageKey } from '../../../ui/i18n/messages.en.ts';
import type { PageContext } from '../../../ui/page-context.ts';
import { Byline } from './byline.tsx';
import { CoverImage } from './cover-image.tsx';
import { PdfLink } from './pdf-link.tsx';
import { VenueLink } from './venue-link.tsx';

/** Listings show this much of a summary; the piece's own page shows all of it. */
export const LISTING_SUMMARY_CHARS = 320;

/**
 * One entry of a listing, like the seed page's, done right: the report's cover, title, authors
 * as printed, type and date, the summary shown (cut short when long, with its notes left for the
 * piece's page), "Download PDF" with its size, and "Continue reading".
 */
export function EntryCard(props: { ctx: PageContext; entry: EntryView; headingLevel?: 2 | 3 }) {
  const { ctx, entry } = props;
  const Heading = props.headingLevel === 2 ? 'h2' : 'h3';
  const summary = entry.summary ? clip(markdownToText(entry.summary), LISTING_SUMMARY_CHARS) : '';
  const cover = entry.mainPdf?.cover;
  return (
    <article class={cover ? 'entry has-cover' : 'entry'}>
      {cover ? <CoverImage ctx={ctx} cover={cover} title={entry.title} lazy /> : null}
      <div class="entry-text">
        <p class="kicker">
          {ctx.t(`type.${entry.type}` as MessageKey)} ·{' '}
          <DateAt
            iso={entry.publishedAt}
            precision={entry.publishedPrecision}
            locale={ctx.locale}
          />
        </p>
        <Heading class="entry-title" lang={entry.language}>
          <a href={href(ctx.locale, entry.path)}>{entry.title}</a>
        </Heading>
        <Byline ctx={ctx} contributors={entry.contributors} />
        {summary ? (
          <p class="entry-summary">
            {entry.archiveText === 'summary' || entry.archiveText === 'summary-and-body' ? (
              <span class="by-archive">{ctx.t('pub.summaryByArchive')}: </span>
            ) : null}
            <span lang={entry.language}>{summary}</span>
          </p>
        ) : null}
        {entry.mainPdf || entry.excerptOnly ? (
          <p class="actions">
            {entry.mainPdf ? <PdfLink ctx={ctx} file={entry.mainPdf} /> : null}
            {entry.excerptOnly ? <VenueLink ctx={ctx} entry={entry} /> : null}
          </p>
        ) : null}
      </div>
    </article>
  );
}

/**
 * The text whole when it fits, else cut at the last word break before `max` characters, with
 * "…". Korean keeps spaces between words, so the same rule cuts it between words too.
 */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:–—-]+$/, '')}…`;
}
