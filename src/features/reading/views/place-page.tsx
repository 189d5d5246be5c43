import type { Child } from 'hono/jsx';
import type { Place } from '../../../core/entities.ts';
import { GEOJSON_TYPE, placeFeatures } from '../../../core/geojson-features.ts';
import { hangulName, placeNameIn } from '../../../core/place-name.ts';
import { href } from '../../../ui/components/links.ts';
import type { MessageKey } from '../../../ui/i18n/messages.en.ts';
import { StoredText } from '../../../ui/i18n/stored-text.tsx';
import type { PageContext } from '../../../ui/page-context.ts';
import type { PlacePageView } from '../loaders/listings.ts';
import type { PublicScene } from '../loaders/public-scene.ts';
import { LocatorMap } from '../locator-map/locator-map.tsx';
import { hasOutline, markOf } from '../locator-map/place-marks.ts';
import { ListingPage } from './listing-page.tsx';
import { SceneTimeline } from './scene-timeline.tsx';

const SCRIPT_LANG: Record<string, string> = { hangul: 'ko', hanja: 'ko-Hani' };

/**
 * A place with every name it goes by, where it lies, its coordinates and outline with their
 * sources, a locator map drawn on the server, its map data as GeoJSON, and the work about it or
 * anywhere inside it.
 */
export function PlacePage(props: {
  ctx: PageContext;
  view: PlacePageView;
  head?: Child;
  /** Public satellite scenes of this place, by capture date. */
  scenes?: readonly PublicScene[];
}) {
  const { ctx, view } = props;
  const { place } = view;
  const hangul = hangulName(place.names);
  const title = placeNameIn(place.names, ctx.locale);
  // Served only with a source (core/geojson-features.ts); no link to an empty collection.
  const mapData = placeFeatures(place).length > 0 ? `/places/${place.slug}/map.geojson` : null;
  const around = view.ancestors.find((a) => a.kind !== 'country' && markOf(a) !== null) ?? null;
  return (
    <ListingPage
      ctx={ctx}
      title={title}
      titleLang={ctx.locale === 'ko' && hangul ? 'ko' : undefined}
      trail={[{ label: ctx.t('site.places'), path: '/places/' }, { label: title }]}
      basePath={`/places/${place.slug}/`}
      listing={view.listing}
      head={
        <>
          {props.head}
          {mapData ? <link rel="alternate" type={GEOJSON_TYPE} href={mapData} /> : null}
        </>
      }
      description={ctx.t('meta.place', { place: title })}
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
                      <a href={href(ctx.locale, `/places/${a.slug}/`)}>
                        {placeNameIn(a.names, ctx.locale)}
                      </a>
                    </>
                  ))}
                  <PlacementSources ctx={ctx} chain={[place, ...view.ancestors]} />
                </dd>
              </>
            ) : null}
            <dt>{ctx.t('place.coordinates')}</dt>
            <dd>
              {place.latitude !== null && place.longitude !== null ? (
                <>
                  {formatCoordinate(ctx, place.latitude, 'place.north', 'place.south')},{' '}
                  {formatCoordinate(ctx, place.longitude, 'place.east', 'place.west')}
                  {place.coordinatesSource ? (
                    <>
                      <br />
                      {ctx.t('place.coordinatesSource')}:{' '}
                      <StoredText locale={ctx.locale} text={place.coordinatesSource} />
                    </>
                  ) : null}
                </>
              ) : (
                ctx.t('place.noCoordinates')
              )}
            </dd>
            {hasOutline(place) ? (
              <>
                <dt>{ctx.t('place.outline')}</dt>
                <dd>
                  {ctx.t('place.outlineShown')}
                  <br />
                  {ctx.t('place.coordinatesSource')}:{' '}
                  <StoredText locale={ctx.locale} text={place.footprintSource ?? ''} />
                </dd>
              </>
            ) : null}
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
          {view.country ? (
            <LocatorMap
              ctx={ctx}
              country={view.country}
              place={place}
              inside={view.pointsInside}
              around={around}
            />
          ) : null}
          {mapData ? (
            <p class="map-data">
              <a href={mapData} type={GEOJSON_TYPE} download>
                {ctx.t('place.mapData')}
              </a>
            </p>
          ) : null}
          {view.children.length > 0 ? (
            <>
              <h2>{ctx.t('place.inside')}</h2>
              <ul>
                {view.children.map((c) => (
                  <li>
                    <a href={href(ctx.locale, `/places/${c.slug}/`)}>
                      {placeNameIn(c.names, ctx.locale)}
                    </a>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          <SceneTimeline
            ctx={ctx}
            scenes={props.scenes ?? []}
            heading={ctx.t('scene.placeImagery')}
            id="place-imagery"
          />
          <h2>{ctx.t('place.work')}</h2>
        </div>
      }
    />
  );
}

/**
 * The public sources that put each place of the chain inside the next, so that no placement the
 * archive added stands without one.
 */
function PlacementSources(props: { ctx: PageContext; chain: Place[] }) {
  const { ctx, chain } = props;
  const sources = [...new Set(chain.flatMap((p) => (p.parentSource ? [p.parentSource] : [])))];
  if (sources.length === 0) return null;
  return (
    <>
      <br />
      {ctx.t('place.coordinatesSource')}:{' '}
      <StoredText locale={ctx.locale} text={sources.join('; ')} />
    </>
  );
}

/** "42.209410° N" in English, "북위 42.209410°" in Korean. */
function formatCoordinate(
  ctx: PageContext,
  value: number,
  positive: MessageKey,
  negative: MessageKey,
): string {
  return ctx.t(value >= 0 ? positive : negative, { degrees: Math.abs(value).toFixed(6) });
}
