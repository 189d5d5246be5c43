import type { Place } from '../../../core/entities.ts';
import { placeNameIn } from '../../../core/place-name.ts';
import { StoredText } from '../../../ui/i18n/stored-text.tsx';
import type { PageContext } from '../../../ui/page-context.ts';
import { insetMap } from './inset-map.ts';
import { InsetSvg } from './inset-svg.tsx';
import { locatorMap } from './map-projection.ts';
import { markOf, marksOf } from './place-marks.ts';

/**
 * The server-drawn locator map as inline SVG. It marks the place's own outline when a source
 * gives one, else its sourced position, and then adds an inset: a zoomed map of the area around
 * it, with the surrounding area's own point or outline where a source gives it, so a reader sees
 * where in the province the place lies. A place with no position of its own is marked by the
 * sourced positions of the places inside it, and the map says that its own is not recorded.
 * Nothing smaller than a country is drawn from anything but an outline a source gives. The text
 * alternatives say what is marked; every position marked names its source on the page.
 */
export function LocatorMap(props: {
  ctx: PageContext;
  country: Place;
  place: Place;
  /** Places inside this one with a sourced point or outline (and public work). */
  inside?: readonly Place[];
  /** The nearest place around this one, below the country, with a sourced point or outline. */
  around?: Place | null;
}) {
  const { ctx, country, place } = props;
  const countryNames = country.names.map((n) => n.name);
  const mark = markOf(place);
  const others = mark ? [] : (props.inside ?? []).filter((p) => markOf(p) !== null);
  const own = marksOf(place);
  const shown = mark ? [own] : others.map(marksOf);
  const map = locatorMap(
    countryNames,
    shown.flatMap((m) => m.points),
    shown.flatMap((m) => m.outlines),
  );
  if (!map) return null;
  const name = (p: Place) => placeNameIn(p.names, ctx.locale);
  const label = mapLabel(ctx, { country, place, mark, others });
  const around = mark && place.id !== country.id ? (props.around ?? null) : null;
  const inset =
    mark && place.id !== country.id
      ? insetMap(countryNames, own, around ? marksOf(around) : { points: [], outlines: [] })
      : null;
  const insetLabel = inset && mark ? insetText(ctx, place, mark, around) : null;
  const sourced = [...others, ...(around && markOf(around) ? [around] : [])];
  return (
    <figure class="locator-map">
      <div class="maps">
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
          {map.outlines.map((d) => (
            <path class="outline" d={d} />
          ))}
          {map.markers.map((m) => (
            <>
              <circle class="marker-halo" cx={m.x} cy={m.y} r="9" />
              <circle class={mark ? 'marker' : 'marker marker-inside'} cx={m.x} cy={m.y} r="4" />
            </>
          ))}
        </svg>
        {inset && insetLabel ? <InsetSvg map={inset} label={insetLabel} /> : null}
      </div>
      <figcaption>
        {insetLabel ? `${sentence(label)} ${insetLabel}` : label}
        {sourced.length > 0 ? (
          <>
            {' '}
            {ctx.t('place.mapPositions')}:
            <ul class="map-sources">
              {sourced.map((p) => (
                <PositionSource ctx={ctx} place={p} name={name(p)} />
              ))}
            </ul>
          </>
        ) : null}
      </figcaption>
    </figure>
  );
}

type Mark = 'outline' | 'point';

/** What the locator map marks, said for its text alternative and caption. */
function mapLabel(
  ctx: PageContext,
  facts: { country: Place; place: Place; mark: Mark | null; others: readonly Place[] },
): string {
  const { country, place, mark, others } = facts;
  const name = (p: Place) => placeNameIn(p.names, ctx.locale);
  const vars = { country: name(country), place: name(place), places: others.map(name).join(', ') };
  if (mark === 'outline') return ctx.t('place.mapOutline', vars);
  if (mark === 'point') return ctx.t('place.map', vars);
  if (place.id === country.id) {
    return ctx.t(others.length > 0 ? 'place.mapCountryPoints' : 'place.mapCountry', vars);
  }
  return ctx.t(others.length > 0 ? 'place.mapInside' : 'place.mapNotRecorded', vars);
}

/** What the inset marks: the place, and the area around it when that has a mark. */
function insetText(ctx: PageContext, place: Place, mark: Mark, around: Place | null): string {
  const name = (p: Place) => placeNameIn(p.names, ctx.locale);
  const own = ctx.t('place.inset', {
    place: name(place),
    mark: ctx.t(mark === 'outline' ? 'place.markOutline' : 'place.markPoint'),
  });
  const aroundMark = around ? markOf(around) : null;
  if (!around || !aroundMark) return own;
  const key = aroundMark === 'outline' ? 'place.insetAroundOutline' : 'place.insetAroundPoint';
  return `${own} ${ctx.t(key, { area: name(around) })}`;
}

/** The map's label as a sentence, when another follows it in the caption. */
const sentence = (label: string) => (/[.。]$/.test(label) ? label : `${label}.`);

/** One marked place with what marks it and the source of that. */
function PositionSource(props: { ctx: PageContext; place: Place; name: string }) {
  const { ctx, place, name } = props;
  if (markOf(place) === 'outline') {
    return (
      <li>
        {name} ({ctx.t('place.markOutline')}):{' '}
        <StoredText locale={ctx.locale} text={place.footprintSource ?? ''} />
      </li>
    );
  }
  return (
    <li>
      {name} ({place.latitude?.toFixed(6)}, {place.longitude?.toFixed(6)}):{' '}
      <StoredText locale={ctx.locale} text={place.coordinatesSource ?? ''} />
    </li>
  );
}
