import type { ContributorView } from '../../../core/public-views.ts';
import { href } from '../../../ui/components/links.ts';
import type { PageContext } from '../../../ui/page-context.ts';

/**
 * Contributors in order, each with the affiliation printed when the piece appeared:
 * "Roberta Cohen, HRNK Co-Chair", "Abraham Cooper and Greg Scarlatoiu",
 * "David Hawk with Amanda Mortwedt Oh". Interviewers follow as "Interview by …".
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
  const name = (c: ContributorView) => (
    <span class="contributor">
      {props.link === false ? (
        <span class="name">{c.name}</span>
      ) : (
        <a class="name" href={href(ctx.locale, `/people/${c.personSlug}/`)}>
          {c.name}
        </a>
      )}
      {c.affiliation ? <span class="affiliation">, {c.affiliation}</span> : null}
    </span>
  );
  return (
    <p class="byline">
      {joinAnd(primary.map(name), ctx.t('entry.and'))}
      {secondary.length > 0 ? (
        <>
          {' '}
          {ctx.t('entry.with')} {joinAnd(secondary.map(name), ctx.t('entry.and'))}
        </>
      ) : null}
      {interviewers.length > 0 ? (
        <span class="interviewer">
          {primary.length > 0 ? ' · ' : ''}
          {interviewers.map((c) => (
            <>
              {ctx.t('entry.interviewBy')} {name(c)}
            </>
          ))}
        </span>
      ) : null}
    </p>
  );
}

/** "A", "A and B", "A, B and C" — the way the seed page prints author lists. */
function joinAnd<T>(items: T[], and: string): Array<T | string> {
  const out: Array<T | string> = [];
  items.forEach((item, i) => {
    if (i > 0) out.push(i === items.length - 1 ? ` ${and} ` : ', ');
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
