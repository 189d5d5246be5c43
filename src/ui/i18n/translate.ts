import type { DatePrecision } from '../../core/content-types.ts';
import type { Locale } from './locales.ts';
import { en, type MessageKey } from './messages.en.ts';
import { ko } from './messages.ko.ts';

const CATALOGS: Record<Locale, Record<MessageKey, string>> = { en, ko };

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** A translator for one locale; `{name}` placeholders take their values from `params`. */
export function translator(locale: Locale): Translate {
  const catalog = CATALOGS[locale];
  return (key, params) =>
    catalog[key].replace(/\{(\w+)\}/g, (whole, name: string) =>
      params && name in params ? String(params[name]) : whole,
    );
}

const DATE_FORMATS: Record<Locale, Intl.DateTimeFormat> = {
  // "Jul 25, 2016", as the archive's readers know it from the seed site.
  en: new Intl.DateTimeFormat('en-US', {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    timeZone: 'UTC',
  }),
  ko: new Intl.DateTimeFormat('ko-KR', {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    timeZone: 'UTC',
  }),
};

/** A date in the reader's interface language. Stored instants are UTC; so is the shown day. */
export function formatDate(iso: string, locale: Locale): string {
  return DATE_FORMATS[locale].format(new Date(iso));
}

const PARTIAL_DATE_FORMATS: Record<Locale, Record<'month' | 'year', Intl.DateTimeFormat>> = {
  en: {
    month: new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'long', timeZone: 'UTC' }),
    year: new Intl.DateTimeFormat('en-US', { year: 'numeric', timeZone: 'UTC' }),
  },
  ko: {
    month: new Intl.DateTimeFormat('ko-KR', { year: 'numeric', month: 'long', timeZone: 'UTC' }),
    year: new Intl.DateTimeFormat('ko-KR', { year: 'numeric', timeZone: 'UTC' }),
  },
};

/**
 * A date only as far as its source printed it: "October 2020" / "2020년 10월", "2019" /
 * "2019년"; a whole day as formatDate shows it.
 */
export function formatDateAt(iso: string, precision: DatePrecision, locale: Locale): string {
  if (precision === 'day') return formatDate(iso, locale);
  return PARTIAL_DATE_FORMATS[locale][precision].format(new Date(iso));
}

// Building a formatter loads locale data and costs far more than formatting; keep one each.
const NUMBER_FORMATS: Record<Locale, Intl.NumberFormat> = {
  en: new Intl.NumberFormat('en-US'),
  ko: new Intl.NumberFormat('ko-KR'),
};

export function formatNumber(n: number, locale: Locale): string {
  return NUMBER_FORMATS[locale].format(n);
}

/**
 * A day, a month or a year alone, as roles over time are stored (2012, 2012-05, 2012-05-31):
 * in Korean with its units ("2012년 5월"), in English as stored.
 */
export function formatPartialDate(value: string, locale: Locale): string {
  const parts = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (locale !== 'ko' || !parts) return value;
  const [, year, month, day] = parts;
  return [`${year}년`, month && `${Number(month)}월`, day && `${Number(day)}일`]
    .filter(Boolean)
    .join(' ');
}
