import { AdminLayout, type AdminPageContext } from '../../../ui/admin/admin-layout.tsx';

/**
 * The recovery codes, shown once after set-up and stored only as hashes. They are plain text
 * that can be selected and written down; with JavaScript, Copy and Download buttons appear
 * (assets/admin.js), and the download is made in the browser so the codes go nowhere else.
 */
export function RecoveryCodesPage(props: {
  ctx: AdminPageContext;
  codes: string[];
  email: string;
  createdAt: Date;
}) {
  const { ctx } = props;
  const date = props.createdAt.toISOString().slice(0, 10);
  const preamble = [
    `${ctx.siteName}: recovery codes`,
    `Account: ${props.email}`,
    `Created: ${date}`,
    'Each code signs you in once, in place of an authenticator code.',
  ].join('\n');
  return (
    <AdminLayout ctx={ctx} title="Your recovery codes">
      <h1>Your recovery codes</h1>
      <p>
        Each code signs you in once, in place of an authenticator code. Write them down or keep them
        somewhere safe and offline: they will not be shown again.
      </p>
      <pre id="recovery-codes" class="recovery-codes">
        {props.codes.join('\n')}
      </pre>
      {/* A paragraph, not the buttons, carries `hidden`: the buttons' own display rule would
          override it. The script reveals the paragraph. */}
      <p class="recovery-actions" data-script-only hidden>
        <button type="button" data-copy="recovery-codes">
          Copy
        </button>{' '}
        <button
          type="button"
          data-download="recovery-codes"
          data-filename={`${fileSlug(ctx.siteName)}-recovery-codes.txt`}
          data-preamble={preamble}
        >
          Download
        </button>
      </p>
      <p>
        <a href="/admin/sign-in">Continue to sign in</a>
      </p>
    </AdminLayout>
  );
}

/** The site's name as a file name: letters and digits, dashes between words. */
function fileSlug(name: string): string {
  const slug = name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return slug || 'dossier';
}
