import type { Locale } from '../../../ui/i18n/locales.ts';
import { formatPartialDate, translator } from '../../../ui/i18n/translate.ts';
import { sceneWords, type WorkScene } from '../scene-media.ts';
import type { FeedMedia } from './feed.ts';

/**
 * A public satellite scene as an item's media, in the feed's interface language: its still, a
 * title that says when the image is illustrative, and a description a reader can show without
 * the page (alt text, capture date, places, licence, the illustrative note, the page's address).
 */
export function feedMedia(scene: WorkScene, locale: Locale): FeedMedia | null {
  if (!scene.still) return null;
  const t = translator(locale);
  const words = sceneWords(scene, locale);
  const caption = words.caption ?? t('scene.title');
  const line = (key: Parameters<typeof t>[0], value: string | null) =>
    value ? `${t(key)}: ${value}` : null;
  const description = [
    scene.illustrative ? t('scene.illustrative') : null,
    words.alt,
    line('scene.captured', scene.capturedOn && formatPartialDate(scene.capturedOn, locale)),
    line('scene.places', words.places.join(', ') || null),
    line('scene.licence', scene.licence),
    scene.pageUrl,
  ];
  return {
    url: scene.still.url,
    mediaType: 'image/jpeg',
    byteSize: scene.still.byteSize,
    width: scene.still.width,
    height: scene.still.height,
    title: scene.illustrative ? `${caption} (${t('scene.illustrativeShort')})` : caption,
    description: description.filter(Boolean).join('\n'),
    credit: scene.credit,
  };
}
