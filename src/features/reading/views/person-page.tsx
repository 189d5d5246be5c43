import type { Child } from 'hono/jsx';
import type { Organization, Person, PersonRole } from '../../../core/entities.ts';
import type { ImageRecord } from '../../../core/images.ts';
import { renderMarkdown } from '../../../core/markdown/markdown.ts';
import { personNameIn, publicKoreanName } from '../../../core/person-name.ts';
import type { EntryView, ListingPage as Listing } from '../../../core/public-views.ts';
import { Localized, localizedText } from '../../../ui/components/localized.tsx';
import { Picture } from '../../../ui/components/picture.tsx';
import { textLanguage } from '../../../ui/i18n/text-language.ts';
import { formatPartialDate } from '../../../ui/i18n/translate.ts';
import type { PageContext } from '../../../ui/page-context.ts';
import { ListingPage } from './listing-page.tsx';

export function PersonPage(props: {
  ctx: PageContext;
  person: Person;
  roles: Array<PersonRole & { organization: Organization | null }>;
  listing: Listing<EntryView>;
  photo?: ImageRecord | null;
  head?: Child;
}) {
  const { ctx, person } = props;
  const nameKo = publicKoreanName(person);
  const name = personNameIn(person.name, nameKo, ctx.locale);
  const bio = ctx.locale === 'ko' && person.bioKo ? person.bioKo : person.bio;
  return (
    <ListingPage
      ctx={ctx}
      title={name}
      trail={[{ label: ctx.t('site.people'), path: '/people/' }, { label: name }]}
      basePath={`/people/${person.slug}/`}
      listing={props.listing}
      head={props.head}
      description={ctx.t('meta.person', {
        name,
        site: localizedText(ctx.locale, ctx.site.name, ctx.site.nameKo),
      })}
      intro={
        <>
          {props.photo ? (
            <figure class="person-photo">
              <Picture
                image={props.photo}
                locale={ctx.locale}
                sizes="12rem"
                maxWidth={480}
                lazy={false}
              />
              {props.photo.credit ? (
                <figcaption>
                  {ctx.t('person.photoCredit', { credit: props.photo.credit })}
                </figcaption>
              ) : null}
            </figure>
          ) : null}
          {nameKo ? (
            <p class="name-ko">
              {ctx.t('person.nameKo')}: <span lang="ko">{nameKo}</span> (
              {ctx.t('person.nameKoSource')}:{' '}
              <cite lang={textLanguage(person.nameKoSource ?? '', ctx.locale)}>
                {person.nameKoSource}
              </cite>
              )
            </p>
          ) : null}
          {bio ? (
            <div
              class="bio"
              lang={textLanguage(bio, ctx.locale)}
              dangerouslySetInnerHTML={{ __html: renderMarkdown(bio) }}
            />
          ) : null}
          {props.roles.length > 0 ? (
            <section aria-labelledby="roles-heading">
              <h2 id="roles-heading">{ctx.t('person.roles')}</h2>
              <ul class="roles">
                {props.roles.map((r) => (
                  <li>
                    <span lang={textLanguage(r.title, ctx.locale)}>{r.title}</span>
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
                    {r.startsOn
                      ? ` (${ctx.t('person.from', { from: formatPartialDate(r.startsOn, ctx.locale) })})`
                      : ''}
                    {r.endsOn
                      ? ` (${ctx.t('person.until', { to: formatPartialDate(r.endsOn, ctx.locale) })})`
                      : ''}
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
