import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AdminEnv } from '../../../features/accounts/back-office/admin-env.ts';
import { BodyTooLargeError } from '../../../features/publishing/routes/streamed-upload.ts';

/** Before sign-in the only forms are sign-in and set-up: a few short fields, never a file. */
const SIGNED_OUT_LIMIT = 16 * 1024;
/** Every other form is small. */
const FORM_LIMIT = 8 * 1024 * 1024;
/** An upload, counted as it streams to the file store; the store limits the file alike. */
const UPLOAD_LIMIT = 200 * 1024 * 1024;
const UPLOAD_PATH = /^\/admin\/publications\/[^/]+\/files$/;
/** A satellite scene: a 20,000-pixel-square GeoTIFF is over a gigabyte. */
const SCENE_UPLOAD_LIMIT = 2 * 1024 * 1024 * 1024;
const SCENE_UPLOAD_PATH = /^\/admin\/publications\/[^/]+\/scenes$/;
/** The forms that are sent without a session. */
const SIGNED_OUT_FORM = /^\/admin\/(?:sign-in|setup\/|passkey\/authenticate\/)/;

/**
 * The most a request body may hold, chosen before any of it is read. Small forms are read
 * whole, so a limit on them is checked before the route runs. An upload is never held whole:
 * its bytes are counted as they pass, and past the limit the stream fails with a
 * BodyTooLargeError, which the upload route answers with a 413 after the store has thrown the
 * partial file away. A large form of the signed-in back office that arrives without a session
 * was opened in a session that has ended: `sessionEnded` answers it, as the CSRF check would.
 */
export function bodyLimits(
  sessionEnded?: (c: Context<AdminEnv>) => Response | Promise<Response>,
): MiddlewareHandler<AdminEnv> {
  const signedOut = bodyLimit({
    maxSize: SIGNED_OUT_LIMIT,
    onError: (c) =>
      sessionEnded && !SIGNED_OUT_FORM.test(c.req.path)
        ? sessionEnded(c as Context<AdminEnv>)
        : c.text(
            'This form is larger than 16 KB, far more than signing in needs: reload the page.',
            413,
          ),
  });
  const form = bodyLimit({
    maxSize: FORM_LIMIT,
    onError: (c) => c.text('This form is too large.', 413),
  });
  const upload = streamingLimit(UPLOAD_LIMIT, 'The file is larger than 200 MB.');
  const sceneUpload = streamingLimit(SCENE_UPLOAD_LIMIT, 'The scene is larger than 2 GB.');
  return (c, next) => {
    if (!c.get('session')) return signedOut(c, next);
    if (UPLOAD_PATH.test(c.req.path)) return upload(c, next);
    if (SCENE_UPLOAD_PATH.test(c.req.path)) return sceneUpload(c, next);
    return form(c, next);
  };
}

function streamingLimit(maxBytes: number, message: string): MiddlewareHandler<AdminEnv> {
  return async (c, next) => {
    const body = c.req.raw.body;
    if (!body) return next();
    if (Number(c.req.header('Content-Length')) > maxBytes) return c.text(message, 413);
    let seen = 0;
    const counted = body.pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, controller) {
          seen += chunk.byteLength;
          if (seen > maxBytes) controller.error(new BodyTooLargeError(message));
          else controller.enqueue(chunk);
        },
      }),
    );
    c.req.raw = new Request(c.req.raw, { body: counted, duplex: 'half' } as RequestInit);
    return next();
  };
}
