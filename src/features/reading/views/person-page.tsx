import type { Child } from 'hono/jsx';
import type { Organization, Person, PersonRole } from '../../../core/entities.ts';
import { renderMarkdown } from '../../../core/markdown/markdown.ts';
import type { EntryView, ListingPage as Listing } from '../../../core/public-views.ts';
import { Localized } from '../../../ui/components/localized.tsx';
import type { PageContext } from '../../../ui/page-context.ts';
import { ListingPage } from './listing-page.tsx';

export function PersonPage(props: {
  ctx: PageContext;
  person: Person;
  roles: Array<PersonRole & { organization: Organization | null }>;
  listing: Listing<EntryView>;
  head?: Child;
}) {
  const { ctx, person } = props;
  const name = ctx.locale === 'ko' && person.nameKo ? person.nameKo : person.name;
  const bio = ctx.locale === 'ko' && person.bioKo ? person.bioKo : person.bio;
  return (
    <ListingPage
      ctx={ctx}
      title={name}
      trail={[{ label: ctx.t('site.people'), path: '/people/' }, { label: name }]}
      basePath={`/people/${person.slug}/`}
      listing={props.listing}
      head={props.head}
      intro={
        <>
          {bio ? (
            <div class="bio" dangerouslySetInnerHTML={{ __html: renderMarkdown(bio) }} />
          ) : null}
          {props.roles.length > 0 ? (
            <section aria-labelledby="roles-heading">
              <h2 id="roles-heading">{ctx.t('person.roles')}</h2>
              <ul class="roles">
                {props.roles.map((r) => (
                  <li>
                    {r.title}
                    {r.organization ? (
                      <>
                        ,{' '}
                        <Localized
                          locale={ctx.locale}
                          en={r.organization.name}
                          ko={r.organization.nameKo}
                        />
                      </>
                    ) : null}
                    {r.startsOn ? ` (${ctx.t('person.from', { from: r.startsOn })})` : ''}
                    {r.endsOn ? ` (${ctx.t('person.until', { to: r.endsOn })})` : ''}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          <h2>{ctx.t('person.work')}</h2>
        </>
      }
    />
  );
}
