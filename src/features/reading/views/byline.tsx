import type { Child } from 'hono/jsx';
import { personNameIn } from '../../../core/person-name.ts';
import type { ContributorView } from '../../../core/public-views.ts';
import { href } from '../../../ui/components/links.ts';
import { textLanguage } from '../../../ui/i18n/text-language.ts';
import type { PageContext } from '../../../ui/page-context.ts';

/**
 * Contributors in order, each with the affiliation printed when the piece appeared:
 * "Roberta Cohen, HRNK Co-Chair", "Abraham Cooper and Greg Scarlatoiu",
 * "David Hawk with Amanda Mortwedt Oh". Interviewers follow as "Interview by …".
 *
 * In Korean the "with" credit reads "David Hawk 지음, Amanda Mortwedt Oh 참여", the way Korean
 * colophons credit a main author and a contributor. "공저" (co-authored) would make the second
 * name an equal author, which "with" does not say, and "A 공저 B" is not a Korean word order.
 * Names join with commas ("A, B"), as Korean bylines print Latin-script names. A person's Hangul
 * name shows, with the romanized one beside, only where its source is recorded.
 */
export function Byline(props: {
  ctx: PageContext;
  contributors: ContributorView[];
  link?: boolean;
}) {
  const { ctx, contributors } = props;
  const primary = contributors.filter((c) => c.credit === 'primary' && c.role !== 'interviewer');
  const secondary = contributors.filter(
    (c) => c.credit === 'secondary' && c.role !== 'interviewer',
  );
  const interviewers = contributors.filter((c) => c.role === 'interviewer');
  if (contributors.length === 0) return null;
  const and = ctx.t('entry.lastJoin');
  const name = (c: ContributorView) => {
    const shown = personNameIn(c.name, c.nameKo ?? null, ctx.locale);
    return (
      <span class="contributor">
        {props.link === false ? (
          <span class="name">{shown}</span>
        ) : (
          <a class="name" href={href(ctx.locale, `/people/${c.personSlug}/`)}>
            {shown}
          </a>
        )}
        {c.affiliation ? (
          <>
            ,{' '}
            <span class="affiliation" lang={textLanguage(c.affiliation, ctx.locale)}>
              {c.affiliation}
            </span>
          </>
        ) : null}
      </span>
    );
  };
  return (
    <p class="byline">
      {secondary.length > 0
        ? fill(ctx.t('entry.withCredit'), {
            primary: joinAnd(primary.map(name), and),
            secondary: joinAnd(secondary.map(name), and),
          })
        : joinAnd(primary.map(name), and)}
      {interviewers.length > 0 ? (
        <span class="interviewer">
          {primary.length > 0 ? ' · ' : ''}
          {interviewers.map((c) => fill(ctx.t('entry.interviewBy'), { name: name(c) }))}
        </span>
      ) : null}
    </p>
  );
}

/**
 * A message whose placeholders take elements, not text: the words around the names stay in the
 * catalog, in the order the language puts them.
 */
function fill(message: string, parts: Record<string, Child>): Child[] {
  return message
    .split(/\{(\w+)\}/)
    .map((piece, i) => (i % 2 === 1 ? (parts[piece] ?? `{${piece}}`) : piece));
}

/** "A", "A and B", "A, B and C" — the way the seed page prints author lists. */
function joinAnd<T>(items: T[], and: string): Array<T | string> {
  const out: Array<T | string> = [];
  items.forEach((item, i) => {
    if (i > 0) out.push(i === items.length - 1 ? and : ', ');
    out.push(item);
  });
  return out;
}

/** The plain-text byline, for titles, feeds and citation data. */
export function bylineText(contributors: ContributorView[]): string {
  return contributors
    .filter((c) => c.role !== 'interviewer')
    .map((c) => (c.affiliation ? `${c.name}, ${c.affiliation}` : c.name))
    .join('; ');
}
