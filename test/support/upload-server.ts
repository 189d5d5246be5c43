/**
 * A back office in a process of its own, for measuring what an upload costs the server: run with
 * `node --import tsx test/support/upload-server.ts DATA_DIR`. It makes an editor, a session and a
 * draft on a fresh SQLite database under DATA_DIR, serves the app on a free loopback port and
 * prints one JSON line with what a client needs to upload (no job runner: the PDF stays queued).
 */
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { addUser } from '../../src/features/accounts/manage-users.ts';
import { sessionCookieName } from '../../src/features/accounts/routes/session-cookie.ts';
import { startSession } from '../../src/features/accounts/sessions.ts';
import { connect } from '../../src/infra/db/connect.ts';
import { migrateToLatest } from '../../src/infra/db/migrate.ts';
import { createApp } from '../../src/web/app.tsx';
import { SYSTEM_ACTOR } from './actors.ts';
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
