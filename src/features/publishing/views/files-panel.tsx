import type { AdminPageContext } from '../../../ui/admin/admin-layout.tsx';
import { Field } from '../../../ui/admin/form-fields.tsx';
import { attachmentRoleLabel, fileStateLabel } from '../../../ui/admin/labels.ts';

/** A file of a publication as the editor lists it. */
export interface FileStatus {
  attachmentId: number;
  altText: string | null;
  caption: string | null;
  credit: string | null;
  /** What the PDF's own metadata says that could identify a source. */
  identifying: Array<{ field: string; value: string; risk: string }>;
  mediaType: string;
  fileName: string;
  path: string | null;
  role: string;
  status: string;
  error: string | null;
  pageCount: number | null;
  byteSize: number;
}

/** A publication's files: their state, their descriptions, and the form that adds one. */
export function FilesPanel(props: {
  ctx: AdminPageContext;
  publicationId: number;
  files: FileStatus[];
}) {
  const { ctx } = props;
  return (
    <section aria-labelledby="files-heading">
      <h2 id="files-heading">Files</h2>
      <ul class="file-status">
        {props.files.map((f) => (
          <li>
            {f.fileName} ({attachmentRoleLabel(f.role)}) —{' '}
            <strong class={`status status-${f.status}`}>{fileStateLabel(f.status)}</strong>
            {f.pageCount !== null ? `, ${f.pageCount} pages` : ''}
            {f.error ? <span class="error"> {f.error}</span> : null}
            <form
              method="post"
              action={`/admin/publications/${props.publicationId}/files/${f.attachmentId}/describe`}
              class="describe"
            >
              <input type="hidden" name="_csrf" value={ctx.csrfToken} />
              <Field
                label={`Alt text${f.mediaType.startsWith('image/') ? ' (required before publishing)' : ''}`}
                name={`altText-${f.attachmentId}`}
                value={f.altText}
              />
              <Field label="Caption" name={`caption-${f.attachmentId}`} value={f.caption} />
              <Field label="Credit" name={`credit-${f.attachmentId}`} value={f.credit} />
              <button type="submit">Save description</button>
            </form>
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
                  <input type="hidden" name="_csrf" value={ctx.csrfToken} />
                  <button type="submit">Remove this metadata before publishing</button>
                </form>
              </div>
            ) : null}
          </li>
        ))}
      </ul>
      <form
        method="post"
        action={`/admin/publications/${props.publicationId}/files`}
        enctype="multipart/form-data"
      >
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
      </form>
    </section>
  );
}
