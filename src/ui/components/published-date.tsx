import type { DatePrecision } from '../../core/content-types.ts';
import { isoDateAt } from '../../core/date-precision.ts';
import type { Locale } from '../i18n/locales.ts';
import { formatDateAt } from '../i18n/translate.ts';

/**
 * A date as its source printed it, for readers and machines alike: "October 2020" over
 * `datetime="2020-10"`, never a first of the month the source did not give.
 */
export function DateAt(props: { iso: string; precision: DatePrecision; locale: Locale }) {
  return (
    <time datetime={isoDateAt(props.iso, props.precision)}>
      {formatDateAt(props.iso, props.precision, props.locale)}
    </time>
  );
}
