import type { EntryView } from '../../../core/public-views.ts';
import { localizedText } from '../../../ui/components/localized.tsx';
import type { PageContext } from '../../../ui/page-context.ts';

/**
 * "Continue reading at 38 North" for excerpts: the piece's own link when known, else the
 * venue's site. When the source never said where the piece continues, the page says so.
 */
export function VenueLink(props: { ctx: PageContext; entry: EntryView }) {
  const { ctx, entry } = props;
  const url = entry.externalUrl ?? entry.venue?.url ?? null;
  if (!entry.venue && !url) return <span class="continue">{ctx.t('entry.continueElsewhere')}</span>;
  const venue = entry.venue
    ? localizedText(ctx.locale, entry.venue.name, entry.venue.nameKo)
    : new URL(url!).hostname;
  const label = ctx.t('entry.continueAt', { venue });
  return url ? (
    <a class="continue" href={url} rel="external noopener">
      {label}
    </a>
  ) : (
    <span class="continue">{label}</span>
  );
}
