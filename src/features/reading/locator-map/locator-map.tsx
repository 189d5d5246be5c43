import type { Place } from '../../../core/entities.ts';
import { placeNameIn } from '../../../core/place-name.ts';
import { StoredText } from '../../../ui/i18n/stored-text.tsx';
import type { PageContext } from '../../../ui/page-context.ts';
import { locatorMap } from './map-projection.ts';

const hasPoint = (p: Place): p is Place & { latitude: number; longitude: number } =>
  p.latitude !== null && p.longitude !== null;

/**
 * The server-drawn locator map as inline SVG. It marks the place's own position when a source
 * gives one; otherwise the sourced positions of the places inside it, and says that the place's
 * own position is not recorded. Outlines go down to countries only (no licensed province outlines
 * are at hand), so a province is never drawn as a shape it was not given. The text alternative
 * says what is marked, and every position marked names its source beside the map.
 */
export function LocatorMap(props: {
  ctx: PageContext;
  country: Place;
  place: Place;
  /** Places inside this one with sourced coordinates (and public work). */
  inside?: readonly Place[];
}) {
  const { ctx, country, place } = props;
  const own = hasPoint(place) ? place : null;
  const others = own ? [] : (props.inside ?? []).filter(hasPoint);
  const map = locatorMap(
    country.names.map((n) => n.name),
    own ? [own] : others,
  );
  if (!map) return null;
  const name = (p: Place) => placeNameIn(p.names, ctx.locale);
  const countryName = name(country);
  const list = others.map(name).join(', ');
  const label = own
    ? ctx.t('place.map', { country: countryName, place: name(place) })
    : place.id === country.id
      ? others.length > 0
        ? ctx.t('place.mapCountryPoints', { country: countryName, places: list })
        : ctx.t('place.mapCountry', { country: countryName })
      : others.length > 0
        ? ctx.t('place.mapInside', { country: countryName, place: name(place), places: list })
        : ctx.t('place.mapNotRecorded', { country: countryName, place: name(place) });
  return (
    <figure class="locator-map">
      <svg
        viewBox={`0 0 ${map.width} ${map.height}`}
        width={map.width}
        height={map.height}
        role="img"
        aria-labelledby="locator-map-title"
      >
        <title id="locator-map-title">{label}</title>
        <rect class="sea" x="0" y="0" width={map.width} height={map.height} />
        {map.neighbours.map((d) => (
          <path class="neighbour" d={d} />
        ))}
        <path class="country" d={map.country} />
        {map.markers.map((m) => (
          <>
            <circle class="marker-halo" cx={m.x} cy={m.y} r="9" />
            <circle class={own ? 'marker' : 'marker marker-inside'} cx={m.x} cy={m.y} r="4" />
          </>
        ))}
      </svg>
      <figcaption>
        {label}
        {others.length > 0 ? (
          <>
            {' '}
            {ctx.t('place.mapPositions')}:
            <ul class="map-sources">
              {others.map((p) => (
                <li>
                  {name(p)} ({p.latitude.toFixed(6)}, {p.longitude.toFixed(6)}):{' '}
                  <StoredText locale={ctx.locale} text={p.coordinatesSource ?? ''} />
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </figcaption>
    </figure>
  );
}
