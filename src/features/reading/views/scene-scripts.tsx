import { assetManifest } from '../../../ui/assets.ts';
import type { PageContext } from '../../../ui/page-context.ts';

/**
 * The scripts of the scene pages, the only public pages that have any: the deep-zoom viewer
 * (OpenSeadragon) where a still can be zoomed, and assets/scene-viewer.js, which sets it up and
 * drives the before/after slider. Both are this site's fingerprinted files with Subresource
 * Integrity, deferred so the still and its callouts show first. The words the script puts on
 * its buttons travel on its own tag, in the page's language.
 */
export function SceneScripts(props: { ctx: PageContext; zoom: boolean }) {
  const { ctx } = props;
  const assets = assetManifest();
  return (
    <>
      {props.zoom ? (
        <script
          src={assets.openSeadragonJs.path}
          integrity={assets.openSeadragonJs.integrity}
          defer
        />
      ) : null}
      <script
        src={assets.sceneViewerJs.path}
        integrity={assets.sceneViewerJs.integrity}
        defer
        data-viewer={ctx.t('scene.viewer')}
        data-zoom-in={ctx.t('scene.zoomIn')}
        data-zoom-out={ctx.t('scene.zoomOut')}
        data-zoom-home={ctx.t('scene.zoomHome')}
        data-callout={ctx.t('scene.callout')}
        data-show-callout={ctx.t('scene.showCallout')}
      />
    </>
  );
}
