import type { PageContext } from '../../../ui/page-context.ts';

/**
 * Across the top of a shared preview: that this is a draft, not public, and until when the link
 * works, in the reader's language. Styled by the public sheet (`.preview-banner`).
 */
export function PreviewBanner(props: { ctx: PageContext; expiresAt: string }) {
  const { t } = props.ctx;
  const until = `${props.expiresAt.slice(0, 16).replace('T', ' ')} UTC`;
  return (
    <div class="preview-banner" role="note" aria-label={t('preview.banner.title')}>
      <p>
        <strong>{t('preview.banner.title')}</strong> {t('preview.banner.detail', { until })}
      </p>
    </div>
  );
}
