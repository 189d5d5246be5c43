import type { PublicationSource, SceneSource } from '../../core/index-sources.ts';
import { shownFigureIds } from '../../core/markdown/markdown-figures.ts';

/**
 * The scenes of a publication the public may see, as reading's rule has it
 * (features/reading/loaders/public-scene.ts): placed in its body and with their tiles made. The
 * publication's own visibility (date, embargo) is the index's rule at query time, so a scene is
 * found exactly while its page shows it; an unplaced scene's words and places are never indexed.
 */
export function shownScenes(source: Pick<PublicationSource, 'bodyHtml' | 'scenes'>): SceneSource[] {
  if (source.scenes.length === 0) return [];
  const placed = new Set(shownFigureIds(source.bodyHtml ?? ''));
  return source.scenes.filter((s) => s.tiled && placed.has(s.imageId));
}

/** The month's English name, from the platform rather than a list of our own. */
const MONTH = new Intl.DateTimeFormat('en-GB', { month: 'long', timeZone: 'UTC' });

/**
 * What a scene adds to its publication's searchable text: its words in both languages, and its
 * capture date as the ISO date, in English ("31 August 2020") and in Korean ("2020년 8월 31일"),
 * so that a year, a month and year or the whole date finds it in either language.
 */
export function sceneText(scene: SceneSource): string {
  return [...scene.words, ...captureDateWords(scene.takenOn)].join('\n');
}

export function captureDateWords(takenOn: string | null): string[] {
  const match = takenOn && /^(\d{4})-(\d{2})-(\d{2})$/.exec(takenOn);
  if (!match) return [];
  const [, year, month, day] = match;
  const m = Number(month);
  const d = Number(day);
  const name = MONTH.format(Date.UTC(Number(year), m - 1, 1));
  return [takenOn, `${d} ${name} ${year}`, `${year}년 ${m}월 ${d}일`];
}
