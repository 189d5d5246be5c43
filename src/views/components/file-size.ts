import type { Locale } from '../../i18n/locales.ts';

/** "1.2 MB", "340 KB": the size a reader on a slow network wants to know before clicking. */
export function formatFileSize(bytes: number, locale: Locale): string {
  const nf = new Intl.NumberFormat(locale === 'ko' ? 'ko-KR' : 'en-US', {
    maximumFractionDigits: 1,
  });
  if (bytes < 1024) return `${nf.format(bytes)} B`;
  if (bytes < 1024 * 1024) return `${nf.format(Math.round(bytes / 1024))} KB`;
  return `${nf.format(bytes / (1024 * 1024))} MB`;
}
