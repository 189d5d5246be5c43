import { geoMercator } from 'd3-geo';
import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { normalizeOutline, type Outline } from '../../../core/geojson.ts';
import { drawMarks, forD3 } from './map-geometry.ts';

/** A circle of `n` positions about (129.75°, 42.2°), counterclockwise, `radius` degrees wide. */
function circle(n: number, radius: number): Outline {
  const ring: Position[] = Array.from({ length: n }, (_, i) => {
    const a = (2 * Math.PI * i) / n;
    return [129.75 + radius * Math.cos(a), 42.2 + radius * Math.sin(a)];
  });
  return normalizeOutline({ type: 'Polygon', coordinates: [[...ring, ring[0]!]] });
}

const frame = (scale: number) =>
  geoMercator()
    .center([129.75, 42.2])
    .scale(scale)
    .translate([100, 100])
    .clipExtent([
      [0, 0],
      [200, 200],
    ]);

describe('drawing outlines', () => {
  it('reverses rings for d3-geo without touching the stored outline', () => {
    const outline = circle(8, 0.01);
    const before = JSON.stringify(outline);
    const drawn = forD3(outline);
    expect(JSON.stringify(outline)).toBe(before);
    expect((drawn.coordinates as Position[][])[0]).toEqual(
      [...(outline.coordinates as Position[][])[0]!].reverse(),
    );
  });

  it('draws the place, not the globe around it', () => {
    const { outlines } = drawMarks(frame(20_000), { points: [], outlines: [circle(32, 0.05)] });
    const numbers = (outlines[0]!.match(/-?\d+(?:\.\d+)?/g) ?? []).map(Number);
    const xs = numbers.filter((_, i) => i % 2 === 0);
    expect(Math.max(...xs) - Math.min(...xs)).toBeLessThan(50);
  });

  it('thins a detailed outline to about a pixel, so the page stays small', () => {
    const detailed = circle(10_000, 0.05);
    const { outlines } = drawMarks(frame(20_000), { points: [], outlines: [detailed] });
    const commands = outlines[0]!.match(/[ML]/g) ?? [];
    expect(commands.length).toBeGreaterThan(20);
    expect(commands.length).toBeLessThan(500);
  });

  it('adds a dot for an outline too small to see, and none for one that shows', () => {
    const tiny = drawMarks(frame(2_000), { points: [], outlines: [circle(16, 0.002)] });
    expect(tiny.markers).toHaveLength(1);
    const large = drawMarks(frame(20_000), { points: [], outlines: [circle(16, 0.05)] });
    expect(large.markers).toHaveLength(0);
  });
});
