/**
 * Dates as the citation styles print them. Input is a UTC date as far as it is known: a day
 * (YYYY-MM-DD), or only a month (YYYY-MM) or a year (YYYY), printed without the missing parts
 * ("October 2014", "2014") as the styles print an undated day.
 */
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** MLA abbreviates months of more than four letters (9th ed., 2.10.4 and appendix 1). */
const MLA_MONTHS = [
  'Jan.',
  'Feb.',
  'Mar.',
  'Apr.',
  'May',
  'June',
  'July',
  'Aug.',
  'Sept.',
  'Oct.',
  'Nov.',
  'Dec.',
];

function parts(date: string): [number, number | undefined, number | undefined] {
  const [y, m, d] = date.split('-').map(Number);
  return [y!, m, d];
}

/** "October 16, 2014", "October 2014" or "2014" (Chicago). */
export function monthDayYear(date: string): string {
  const [y, m, d] = parts(date);
  if (m === undefined) return String(y);
  return d === undefined ? `${MONTHS[m - 1]} ${y}` : `${MONTHS[m - 1]} ${d}, ${y}`;
}

/** "2014, October 16", "2014, October" or "2014" (APA's parenthesized date). */
export function yearMonthDay(date: string): string {
  const [y, m, d] = parts(date);
  if (m === undefined) return String(y);
  return d === undefined ? `${y}, ${MONTHS[m - 1]}` : `${y}, ${MONTHS[m - 1]} ${d}`;
}

/** "16 Oct. 2014", "Oct. 2014" or "2014" (MLA). */
export function dayMonthYear(date: string): string {
  const [y, m, d] = parts(date);
  if (m === undefined) return String(y);
  return d === undefined ? `${MLA_MONTHS[m - 1]} ${y}` : `${d} ${MLA_MONTHS[m - 1]} ${y}`;
}

export function year(day: string): string {
  return day.slice(0, 4);
}
