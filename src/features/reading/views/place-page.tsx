import type { Child } from 'hono/jsx';
import { preferredName } from '../../../core/place-name.ts';
import { href } from '../../../ui/components/links.ts';
import type { MessageKey } from '../../../ui/i18n/messages.en.ts';
import type { PageContext } from '../../../ui/page-context.ts';
import type { PlacePageView } from '../loaders/listings.ts';
import { LocatorMap } from '../locator-map/locator-map.tsx';
import { ListingPage } from './listing-page.tsx';

const SCRIPT_LANG: Record<string, string> = { hangul: 'ko', hanja: 'ko-Hani' };

/**
 * A place with every name it goes by, where it lies, its coordinates and their source, a
 * locator map drawn on the server, and the work about it or anywhere inside it.
 */
export function PlacePage(props: { ctx: PageContext; view: PlacePageView; head?: Child }) {
  const { ctx, view } = props;
  const { place } = view;
  const name = preferredName(place.names);
  const hangul = place.names.find((n) => n.scheme === 'hangul')?.name;
  const title = ctx.locale === 'ko' && hangul ? hangul : name;
  return (
    <ListingPage
      ctx={ctx}
      title={title}
      titleLang={ctx.locale === 'ko' && hangul ? 'ko' : undefined}
      trail={[{ label: ctx.t('site.places'), path: '/places/' }, { label: title }]}
      basePath={`/places/${place.slug}/`}
      listing={view.listing}
      head={props.head}
      intro={
        <div class="place-facts">
          <dl>
            <dt>{ctx.t('place.kind')}</dt>
            <dd>{ctx.t(`placeKind.${place.kind}` as MessageKey)}</dd>
            {view.ancestors.length > 0 ? (
              <>
                <dt>{ctx.t('place.partOf')}</dt>
                <dd>
                  {view.ancestors.map((a, i) => (
                    <>
                      {i > 0 ? ', ' : ''}
                      <a href={href(ctx.locale, `/places/${a.slug}/`)}>{preferredName(a.names)}</a>
                    </>
                  ))}
                </dd>
              </>
            ) : null}
            <dt>{ctx.t('place.coordinates')}</dt>
            <dd>
              {place.latitude !== null && place.longitude !== null ? (
                <>
                  {formatCoordinate(place.latitude, 'N', 'S')},{' '}
                  {formatCoordinate(place.longitude, 'E', 'W')}
                  {place.coordinatesSource ? (
                    <>
                      <br />
                      {ctx.t('place.coordinatesSource')}: {place.coordinatesSource}
                    </>
                  ) : null}
                </>
              ) : (
                ctx.t('place.noCoordinates')
              )}
            </dd>
          </dl>
          <h2>{ctx.t('place.names')}</h2>
          <table class="names">
            <tbody>
              {place.names.map((n) => (
                <tr>
                  <th scope="row">{ctx.t(`scheme.${n.scheme}` as MessageKey)}</th>
                  <td lang={SCRIPT_LANG[n.scheme] ?? (n.language === 'en' ? 'en' : n.language)}>
                    {n.name}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {view.country ? <LocatorMap ctx={ctx} country={view.country} place={place} /> : null}
          {view.children.length > 0 ? (
            <>
              <h2>{ctx.t('place.inside')}</h2>
              <ul>
                {view.children.map((c) => (
                  <li>
                    <a href={href(ctx.locale, `/places/${c.slug}/`)}>{preferredName(c.names)}</a>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          <h2>{ctx.t('place.work')}</h2>
        </div>
      }
    />
  );
}

function formatCoordinate(value: number, positive: string, negative: string): string {
  return `${Math.abs(value).toFixed(6)}° ${value >= 0 ? positive : negative}`;
}
