// Scene pages, enhanced. Without this file a scene is a still with its numbered callouts drawn
// over it and listed below, and a comparison is two dated stills side by side; with it, a still
// becomes a deep-zoom viewer (OpenSeadragon on the scene's static IIIF tiles) with the callouts
// as numbered links to their words, and a comparison of the same ground becomes a before/after
// slider. Anything that fails leaves the still as it was. The page's policy refuses inline style:
// styles are set through CSSOM, never as markup.

(() => {
  const tag = document.currentScript;
  const words = tag ? tag.dataset : {};
  const SVG = 'http://www.w3.org/2000/svg';

  const make = (name, className, text) => {
    const el = document.createElement(name);
    if (className) el.className = className;
    if (text !== undefined) el.textContent = text;
    return el;
  };

  const getJson = async (url) => {
    const res = await fetch(url, { credentials: 'same-origin' });
    if (!res.ok) throw new Error(`${url}: ${res.status}`);
    return res.json();
  };

  /** The numbered callouts of an annotation page, as points in the scene's full-size pixels. */
  const callouts = (page) =>
    (page?.items ?? [])
      .map((item) => {
        const number = Number(String(item.id).split('/').pop());
        const selector = item.target?.selector ?? {};
        if (selector.type === 'PointSelector')
          return { number, points: [[selector.x, selector.y]] };
        if (selector.type !== 'SvgSelector') return null;
        const svg = new DOMParser().parseFromString(selector.value, 'image/svg+xml');
        const list = svg.querySelector('polygon')?.getAttribute('points') ?? '';
        const points = list
          .trim()
          .split(/\s+/)
          .map((pair) => pair.split(',').map(Number));
        return { number, points };
      })
      .filter((c) => c && Number.isFinite(c.number) && c.points.every((p) => p.length === 2));

  // OpenSeadragon adds a <style> to the head (to hide its focus ring on touch screens) unless one
  // carrying this attribute is there. The policy would refuse it, and the ring should stay: an
  // element of that name outside the HTML namespace answers the check and styles nothing.
  const quietInlineStyle = () => {
    if (document.querySelector('style[data-openseadragon-mobile-css]')) return;
    const inert = document.createElementNS('urn:x-inert', 'style');
    inert.setAttribute('data-openseadragon-mobile-css', 'true');
    document.head.append(inert);
  };

  const zoomable = async (still) => {
    const info = new URL(still.dataset.iiifInfo, location.href);
    const [image, page] = await Promise.all([
      getJson(info),
      still.dataset.annotations
        ? getJson(new URL(still.dataset.annotations, location.href)).catch(() => null)
        : null,
    ]);
    // Tiles are read beside info.json wherever the page is (a mirror, the static export), not
    // at the address the archive names in it.
    image.id = info.href.replace(/\/info\.json$/, '');
    const imageId = /\/iiif\/(\d+)\//.exec(info.pathname)?.[1];

    quietInlineStyle();
    const box = make('div', 'scene-viewer');
    still.append(box);
    const viewer = window.OpenSeadragon({
      element: box,
      tileSources: image,
      drawer: 'canvas',
      crossOriginPolicy: false,
      showNavigationControl: false,
      showNavigator: false,
      visibilityRatio: 1,
      constrainDuringPan: true,
      minZoomImageRatio: 1,
      maxZoomPixelRatio: 2,
      gestureSettingsMouse: { clickToZoom: false, dblClickToZoom: true },
      animationTime: matchMedia('(prefers-reduced-motion: reduce)').matches ? 0 : 1.2,
    });
    const fail = () => {
      viewer.destroy();
      box.remove();
    };
    viewer.addOnceHandler('open-failed', fail);
    viewer.addOnceHandler('open', () => {
      const item = viewer.world.getItemAt(0);
      const ready = () => {
        label(still, viewer, imageId);
        markCallouts(viewer, image, callouts(page), imageId);
        still.after(controls(viewer));
        still.classList.add('is-zoomable');
      };
      if (item.getFullyLoaded()) ready();
      else item.addOnceHandler('fully-loaded-change', ready);
    });
  };

  /** The viewer takes the still's name, and says how it is worked. */
  const label = (still, viewer, imageId) => {
    const alt = still.querySelector('img')?.alt;
    const name = words.viewer || 'Zoomable scene';
    viewer.canvas.setAttribute('role', 'application');
    viewer.canvas.setAttribute('aria-label', alt ? `${name}: ${alt}` : name);
    const hint = still.closest('figure')?.querySelector('.scene-viewer-hint');
    if (hint) {
      hint.id ||= `scene-viewer-hint-${imageId}`;
      viewer.canvas.setAttribute('aria-describedby', hint.id);
    }
  };

  /** Zoom in, zoom out and the whole scene, as buttons of this page's own. */
  const controls = (viewer) => {
    const bar = make('div', 'scene-viewer-controls');
    bar.setAttribute('role', 'group');
    bar.setAttribute('aria-label', words.viewer || 'Zoomable scene');
    const button = (text, symbol, act) => {
      const b = make('button');
      b.type = 'button';
      b.append(make('span', 'symbol', symbol), ` ${text}`);
      b.querySelector('.symbol').setAttribute('aria-hidden', 'true');
      b.addEventListener('click', () => {
        act();
        viewer.viewport.applyConstraints();
      });
      bar.append(b);
    };
    button(words.zoomIn || 'Zoom in', '+', () => viewer.viewport.zoomBy(2));
    button(words.zoomOut || 'Zoom out', '−', () => viewer.viewport.zoomBy(0.5));
    button(words.zoomHome || 'Whole scene', '⤢', () => viewer.viewport.goHome());
    return bar;
  };

  /**
   * The callouts over the zoomed image: the outlines in one SVG laid over the whole scene (their
   * stroke keeps its width at every zoom), and at each callout's first point its number, a link
   * to its words in the list below, which stays the same size however far the reader zooms.
   */
  const markCallouts = (viewer, image, found, imageId) => {
    if (found.length === 0) return;
    const { viewport } = viewer;
    const shapes = document.createElementNS(SVG, 'svg');
    shapes.setAttribute('class', 'scene-viewer-shapes');
    shapes.setAttribute('viewBox', `0 0 ${image.width} ${image.height}`);
    shapes.setAttribute('preserveAspectRatio', 'none');
    shapes.setAttribute('aria-hidden', 'true');
    for (const c of found.filter((f) => f.points.length > 2)) {
      const polygon = document.createElementNS(SVG, 'polygon');
      polygon.setAttribute('points', c.points.map((p) => p.join(',')).join(' '));
      shapes.append(polygon);
    }
    viewer.addOverlay({
      element: shapes,
      location: viewport.imageToViewportRectangle(0, 0, image.width, image.height),
    });
    for (const c of found) {
      const target = document.getElementById(`annotation-${imageId}-${c.number}`);
      const marker = make(target ? 'a' : 'span', 'scene-marker', String(c.number));
      if (target) {
        marker.href = `#${target.id}`;
        // The number is described by the callout's words, not by the button added beside them.
        const said = make('span');
        said.id = `${target.id}-words`;
        said.append(...target.childNodes);
        target.append(said, ' ', showButton(viewer, image, c));
        marker.setAttribute('aria-describedby', said.id);
        if (words.callout)
          marker.setAttribute('aria-label', words.callout.replace('{number}', c.number));
        // The viewer takes pointer events for dragging; a click on a number follows its link.
        new window.OpenSeadragon.MouseTracker({
          element: marker,
          clickHandler: (event) => {
            if (event.quick) location.hash = target.id;
          },
        });
      }
      const [x, y] = c.points[0];
      viewer.addOverlay({
        element: marker,
        location: viewport.imageToViewportCoordinates(x, y),
        placement: window.OpenSeadragon.Placement.CENTER,
        checkResize: false,
      });
    }
  };

  /** A button in a callout's words that brings the viewer to it, framed with its surroundings. */
  const showButton = (viewer, image, callout) => {
    const button = make('button', 'scene-show-callout', words.showCallout || 'Show on the scene');
    button.type = 'button';
    button.addEventListener('click', () => {
      const xs = callout.points.map((p) => p[0]);
      const ys = callout.points.map((p) => p[1]);
      const side = Math.max(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys));
      const size = Math.max(side * 1.4, Math.min(image.width, image.height) / 4);
      const cx = (Math.max(...xs) + Math.min(...xs)) / 2;
      const cy = (Math.max(...ys) + Math.min(...ys)) / 2;
      viewer.viewport.fitBoundsWithConstraints(
        viewer.viewport.imageToViewportRectangle(cx - size / 2, cy - size / 2, size, size),
      );
      viewer.element.scrollIntoView({ block: 'nearest' });
      viewer.canvas.focus({ preventScroll: true });
    });
    return button;
  };

  /**
   * Two dates of the same ground, one over the other: the later scene is shown right of the
   * divide, which a native range input moves (so keys and screen readers work it). The figures
   * below keep their dates, notes and callouts in words; only their stills give way.
   */
  const slider = (compare) => {
    const stills = ['before', 'after'].map((which) =>
      compare.querySelector(`.scene-${which} .scene-still`),
    );
    if (stills.some((s) => !s)) return;
    const stage = make('div', 'scene-slider');
    const layers = stills.map((still, i) => {
      const layer = still.cloneNode(true);
      layer.className = `scene-still scene-slider-${i === 0 ? 'before' : 'after'}`;
      delete layer.dataset.iiifInfo;
      delete layer.dataset.annotations;
      return layer;
    });
    const dates = ['before', 'after'].map((which) => {
      const date = compare.querySelector(`.scene-${which} figcaption strong`);
      const badge = make('span', `scene-slider-date scene-slider-date-${which}`, date?.textContent);
      badge.setAttribute('aria-hidden', 'true');
      return badge;
    });
    const divide = make('span', 'scene-slider-divide');
    const range = make('input', 'scene-slider-range');
    Object.assign(range, { type: 'range', min: '0', max: '100', step: '1', value: '50' });
    range.setAttribute('aria-label', compare.dataset.sliderLabel || 'Divide');
    const follow = () => {
      stage.style.setProperty('--split', `${range.value}%`);
      range.setAttribute('aria-valuetext', `${range.value}%`);
    };
    range.addEventListener('input', follow);
    follow();
    const frame = make('div', 'scene-slider-frame');
    frame.append(...layers, divide, ...dates);
    // A pointer on the images moves the divide too; the range stays the one control to focus.
    const moveTo = (event) => {
      const box = frame.getBoundingClientRect();
      range.value = String(Math.round(((event.clientX - box.left) / box.width) * 100));
      follow();
    };
    frame.addEventListener('pointerdown', (event) => {
      frame.setPointerCapture(event.pointerId);
      moveTo(event);
    });
    frame.addEventListener('pointermove', (event) => {
      if (frame.hasPointerCapture(event.pointerId)) moveTo(event);
    });
    stage.append(frame, range);
    compare.prepend(stage);
    compare.classList.add('has-slider');
  };

  if (window.OpenSeadragon) {
    for (const still of document.querySelectorAll('.scene-still[data-iiif-info]')) {
      if (still.closest('.scene-compare')) continue;
      zoomable(still).catch(() => {
        // The still and its drawn callouts stay; the reader loses only the zoom.
      });
    }
  }
  for (const compare of document.querySelectorAll('.scene-compare[data-slider="yes"]')) {
    slider(compare);
  }
})();
