import type { AdminPageContext } from '../../../ui/admin/admin-layout.tsx';
import { Field } from '../../../ui/admin/form-fields.tsx';
import { attachmentRoleLabel } from '../../../ui/admin/labels.ts';

/** A file of a publication as the editor lists it, and as files.json reports it. */
export interface FileStatus {
  attachmentId: number;
  altText: string | null;
  caption: string | null;
  credit: string | null;
  /** What the PDF's own metadata says that could identify a source. */
  identifying: Array<{ field: string; value: string; risk: string }>;
  mediaType: string;
  /** The name as uploaded (Unicode, spaces), for people and downloads. */
  fileName: string;
  /** The file's address under the publication's folder, in safe lower-case ASCII. */
  urlName: string;
  path: string | null;
  role: string;
  /** stored, queued, running, done or failed. */
  status: string;
  statusLabel: string;
  /** Whether the file's state will change without anyone acting: false while queued or read. */
  settled: boolean;
  error: string | null;
  pageCount: number | null;
  /** The language found in a PDF's text (BCP 47), and its name. */
  language: string | null;
  languageLabel: string | null;
  /** The first page of a PDF, drawn small, served to staff only. */
  thumbnailUrl: string | null;
  byteSize: number;
}

/** The words after a file's state: its pages and its language, once known. */
export function pagesText(pageCount: number | null): string {
  if (pageCount === null) return '';
  return `, ${pageCount} ${pageCount === 1 ? 'page' : 'pages'}`;
}

export function languageText(languageLabel: string | null): string {
  return languageLabel ? `, ${languageLabel}` : '';
}

/** One file: its state (announced as it changes), its thumbnail, and for images their words. */
export function FileRow(props: { csrfToken: string; publicationId: number; file: FileStatus }) {
  const f = props.file;
  const image = f.mediaType.startsWith('image/');
  return (
    <li data-file-id={String(f.attachmentId)} data-file-state={f.status}>
      {f.thumbnailUrl ? (
        <img class="file-thumb" src={f.thumbnailUrl} alt="" width="64" loading="lazy" />
      ) : null}
      <span class="file-name">{f.fileName}</span> ({attachmentRoleLabel(f.role)}) —{' '}
      <span class="file-state" aria-live="polite">
        <strong class={`status status-${f.status}`} data-file-label>
          {f.statusLabel}
        </strong>
        <span data-file-pages>{pagesText(f.pageCount)}</span>
        <span data-file-language>{languageText(f.languageLabel)}</span>
        <span class="error" data-file-error>
          {f.error ? ` ${f.error}` : ''}
        </span>
      </span>
      {f.urlName !== f.fileName ? (
        <span class="quiet file-address"> Address: {f.urlName}</span>
      ) : null}{' '}
      <a
        href={`/admin/publications/${props.publicationId}/files/${f.attachmentId}/original`}
        title="Each download of the original is recorded in the audit trail"
      >
        Download original
      </a>
      {image ? (
        // Alt text, caption and credit describe a picture; a PDF has none of them to show.
        <form
          method="post"
          action={`/admin/publications/${props.publicationId}/files/${f.attachmentId}/describe`}
          class="describe"
        >
          <input type="hidden" name="_csrf" value={props.csrfToken} />
          <Field
            label="Alt text (required before publishing)"
            name={`altText-${f.attachmentId}`}
            value={f.altText}
          />
          <Field label="Caption" name={`caption-${f.attachmentId}`} value={f.caption} />
          <Field label="Credit" name={`credit-${f.attachmentId}`} value={f.credit} />
          <button type="submit">Save description</button>
        </form>
      ) : null}
      {f.identifying.length > 0 ? (
        <div class="flash error">
          <p>This PDF's own metadata says:</p>
          <ul>
            {f.identifying.map((i) => (
              <li>
                <strong>{i.field}</strong>: {i.value} <span class="quiet">({i.risk})</span>
              </li>
            ))}
          </ul>
          <form
            method="post"
            action={`/admin/publications/${props.publicationId}/files/${f.attachmentId}/strip-metadata`}
          >
            <input type="hidden" name="_csrf" value={props.csrfToken} />
            <button type="submit">Remove this metadata before publishing</button>
          </form>
        </div>
      ) : null}
    </li>
  );
}

/**
 * A publication's files: their state, their descriptions, and the form that adds one. The
 * data attributes are where assets/admin-files.js uploads with progress and follows the
 * files' states; without it the form posts and the page reloads.
 */
export function FilesPanel(props: {
  ctx: AdminPageContext;
  publicationId: number;
  files: FileStatus[];
}) {
  const { ctx } = props;
  const base = `/admin/publications/${props.publicationId}`;
  return (
    <section
      aria-labelledby="files-heading"
      class="files-panel"
      data-files-status={`${base}/files.json`}
    >
      <h2 id="files-heading">Files</h2>
      <ul class="file-status" data-file-list>
        {props.files.map((f) => (
          <FileRow csrfToken={ctx.csrfToken} publicationId={props.publicationId} file={f} />
        ))}
      </ul>
      <form method="post" action={`${base}/files`} enctype="multipart/form-data" data-file-upload>
        {/* In this order: the token and the role are read before the file streams in. */}
        <input type="hidden" name="_csrf" value={ctx.csrfToken} />
        <div class="field">
          <label for="f-role">Role</label>
          <select id="f-role" name="role">
            <option value="main-pdf">Main PDF</option>
            <option value="supplement">Supplement</option>
            <option value="image">Image</option>
            <option value="cover">Cover</option>
          </select>
        </div>
        <div class="field">
          <label for="f-file">Add a file (PDF, PNG, JPEG or WebP)</label>
          <input
            id="f-file"
            type="file"
            name="file"
            accept="application/pdf,image/png,image/jpeg,image/webp"
            required
          />
        </div>
        <button type="submit">Upload</button>
        <ul class="upload-progress" data-upload-progress aria-live="polite" />
      </form>
    </section>
  );
}
