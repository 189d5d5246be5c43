import type { InsetMapSvg } from './inset-map.ts';

/**
 * The inset drawn as inline SVG: the surrounding area's mark in a quieter colour under the
 * place's own. Classes only (the strict CSP allows no style attributes).
 */
export function InsetSvg(props: { map: InsetMapSvg; label: string }) {
  const { map, label } = props;
  return (
    <svg
      class="inset"
      viewBox={`0 0 ${map.width} ${map.height}`}
      width={map.width}
      height={map.height}
      role="img"
      aria-labelledby="locator-inset-title"
    >
      <title id="locator-inset-title">{label}</title>
      <rect class="sea" x="0" y="0" width={map.width} height={map.height} />
      {map.neighbours.map((d) => (
        <path class="neighbour" d={d} />
      ))}
      <path class="country" d={map.country} />
      {map.around.outlines.map((d) => (
        <path class="area-outline" d={d} />
      ))}
      {map.around.markers.map((m) => (
        <circle class="area-marker" cx={m.x} cy={m.y} r="4" />
      ))}
      {map.place.outlines.map((d) => (
        <path class="outline" d={d} />
      ))}
      {map.place.markers.map((m) => (
        <>
          <circle class="marker-halo" cx={m.x} cy={m.y} r="9" />
          <circle class="marker" cx={m.x} cy={m.y} r="4" />
        </>
      ))}
    </svg>
  );
}
