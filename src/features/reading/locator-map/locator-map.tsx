import type { Place } from '../../../core/entities.ts';
import { preferredName } from '../../../core/place-name.ts';
import type { PageContext } from '../../../ui/page-context.ts';
import { locatorMap } from './map-projection.ts';

/** The server-drawn locator map as inline SVG, described for screen readers. */
export function LocatorMap(props: { ctx: PageContext; country: Place; place: Place }) {
  const { ctx, country, place } = props;
  const point =
    place.latitude !== null && place.longitude !== null
      ? { latitude: place.latitude, longitude: place.longitude }
      : null;
  const map = locatorMap(
    country.names.map((n) => n.name),
    point,
  );
  if (!map) return null;
  const countryName = preferredName(country.names);
  const label = map.marker
    ? ctx.t('place.map', { country: countryName, place: preferredName(place.names) })
    : ctx.t('place.mapCountry', { country: countryName });
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
        {map.marker ? (
          <>
            <circle class="marker-halo" cx={map.marker.x} cy={map.marker.y} r="9" />
            <circle class="marker" cx={map.marker.x} cy={map.marker.y} r="4" />
          </>
        ) : null}
      </svg>
      <figcaption>{label}</figcaption>
    </figure>
  );
}
