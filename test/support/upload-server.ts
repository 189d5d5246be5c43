/**
 * A back office in a process of its own, for measuring what an upload costs the server: run with
 * `node --import tsx test/support/upload-server.ts DATA_DIR`. It makes an editor, a session and a
 * draft on a fresh SQLite database under DATA_DIR, serves the app on a free loopback port and
 * prints one JSON line with what a client needs to upload (no job runner: the PDF stays queued).
 */
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { createApp } from '../../src/app.tsx';
import { connect } from '../../src/db/connect.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { sessionCookieName } from '../../src/http/admin/session-cookie.ts';
import { SYSTEM_ACTOR } from '../../src/services/actor.ts';
import { addUser } from '../../src/services/auth/manage-users.ts';
import { startSession } from '../../src/services/auth/sessions.ts';
import { buildPublication, testContext } from './factories.ts';

const dir = process.argv[2];
if (!dir) throw new Error('Give the data folder');
const config = { kind: 'sqlite' as const, path: join(dir, 'dossier.db') };
const db = connect(config);
await migrateToLatest(db);
const ctx = await testContext({ db, config, schema: null, dir });
const { user } = await addUser(
  ctx,
  { email: 'uploader@example.org', role: 'editor' },
  SYSTEM_ACTOR,
  ctx.config.publicUrl,
);
const session = await startSession(ctx, user, 'password', { ip: null, userAgent: null });
const piece = await buildPublication(ctx, { status: 'draft', publishedAt: null });
const app = createApp(ctx);
const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
  process.stdout.write(
    `${JSON.stringify({
      port: info.port,
      origin: new URL(ctx.config.publicUrl).origin,
      cookie: `${sessionCookieName(ctx.config.publicUrl)}=${session.token}`,
      csrf: session.csrfToken,
      publicationId: piece.id,
    })}\n`,
  );
});
process.on('SIGTERM', () => server.close(() => db.close().then(() => process.exit(0))));
