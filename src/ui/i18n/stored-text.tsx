import type { Locale } from './locales.ts';
import { textLanguage } from './text-language.ts';

/**
 * A text a record holds in one language only (a source, a role's title), inside a page of
 * either interface language: marked with its own language where it differs from the page's.
 */
export function StoredText(props: { locale: Locale; text: string }) {
  const lang = textLanguage(props.text, props.locale);
  return lang ? <span lang={lang}>{props.text}</span> : props.text;
}
