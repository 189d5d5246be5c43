import type { EntryView } from '../../../core/public-views.ts';
import { localizedText } from '../../../ui/components/localized.tsx';
import type { PageContext } from '../../../ui/page-context.ts';

/**
 * "Continue reading at 38 North" for excerpts, linked to the piece's own address when known.
 * When only the venue is known, the page says the piece's address is not known and links the
 * venue's site as the site; when the source never said where the piece continues, it says so.
 */
export function VenueLink(props: { ctx: PageContext; entry: EntryView }) {
  const { ctx, entry } = props;
  const url = entry.externalUrl ?? entry.venue?.url ?? null;
  if (!entry.venue && !url) return <span class="continue">{ctx.t('entry.continueElsewhere')}</span>;
  const venue = entry.venue
    ? localizedText(ctx.locale, entry.venue.name, entry.venue.nameKo)
    : new URL(url!).hostname;
  if (entry.externalUrl) {
    return (
      <a class="continue" href={entry.externalUrl} rel="external noopener">
        {ctx.t('entry.continueAt', { venue })}
      </a>
    );
  }
  // Only the venue's own site is known: it is named as the site, never linked as the piece.
  return (
    <span class="continue">
      {ctx.t('entry.continueAtUnknown', { venue })}
      {url ? (
        <>
          {' '}
          <a href={url} rel="external noopener">
            {ctx.t('entry.venueSite', { venue })}
          </a>
        </>
      ) : null}
    </span>
  );
}
