import type { SceneAnnotation } from '../../../core/scenes.ts';

/**
 * A scene's callouts as W3C Web Annotations in a IIIF Presentation 3 AnnotationPage: each a
 * `commenting` annotation on the scene's canvas, its body the label and note in each language
 * given, its target a point (IIIF's PointSelector) or a polygon (an SvgSelector), in the full
 * image's pixels.
 */
export function annotationPage(base: string, annotations: readonly SceneAnnotation[]) {
  return {
    '@context': 'http://iiif.io/api/presentation/3/context.json',
    id: `${base}/annotations.json`,
    type: 'AnnotationPage',
    items: annotations.map((a) => ({
      id: `${base}/annotations/${a.number}`,
      type: 'Annotation',
      motivation: 'commenting',
      label: languageMap(`${a.number}. `, a.label, a.labelKo),
      body: bodies(a),
      target: {
        type: 'SpecificResource',
        source: { id: canvasId(base), type: 'Canvas' },
        selector: selector(a),
      },
    })),
  };
}

export const canvasId = (base: string) => `${base}/canvas/1`;

function bodies(a: SceneAnnotation) {
  const out: Array<{ type: 'TextualBody'; language: string; format: string; value: string }> = [];
  for (const [language, label, note] of [
    ['en', a.label, a.note],
    ['ko', a.labelKo, a.noteKo],
  ] as const) {
    if (!label && !note) continue;
    const value = [label, note].filter(Boolean).join(': ');
    out.push({ type: 'TextualBody', language, format: 'text/plain', value });
  }
  return out;
}

function selector(a: SceneAnnotation) {
  if (a.shape === 'point') {
    const [x, y] = a.points[0]!;
    return { type: 'PointSelector', x, y };
  }
  const points = a.points.map(([x, y]) => `${x},${y}`).join(' ');
  return {
    type: 'SvgSelector',
    value: `<svg xmlns="http://www.w3.org/2000/svg"><polygon points="${points}"/></svg>`,
  };
}

/** A IIIF language map: `{ en: [...], ko: [...] }` with the languages that have words. */
export function languageMap(prefix: string, en: string | null, ko: string | null) {
  const map: Record<string, string[]> = {};
  if (en) map.en = [`${prefix}${en}`];
  if (ko) map.ko = [`${prefix}${ko}`];
  if (!en && !ko) map.none = [prefix.trim()];
  return map;
}
