/** Dates as the citation styles print them. Input is always a UTC day, YYYY-MM-DD. */
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

function parts(day: string): [number, number, number] {
  const [y, m, d] = day.split('-').map(Number);
  return [y!, m!, d!];
}

/** "October 16, 2014" (Chicago, APA). */
export function monthDayYear(day: string): string {
  const [y, m, d] = parts(day);
  return `${MONTHS[m - 1]} ${d}, ${y}`;
}

/** "2014, October 16" (APA's parenthesized date). */
export function yearMonthDay(day: string): string {
  const [y, m, d] = parts(day);
  return `${y}, ${MONTHS[m - 1]} ${d}`;
}

/** "16 Oct. 2014" (MLA). */
export function dayMonthYear(day: string): string {
  const [y, m, d] = parts(day);
  return `${d} ${MLA_MONTHS[m - 1]} ${y}`;
}

export function year(day: string): string {
  return day.slice(0, 4);
}
