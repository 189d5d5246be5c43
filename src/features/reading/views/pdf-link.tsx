import type { FileView } from '../../../core/public-views.ts';
import { formatFileSize } from '../../../ui/components/file-size.ts';
import type { PageContext } from '../../../ui/page-context.ts';

/** What a file's link names as its format, when its label does not already say it. */
const FORMATS: Record<string, string> = {
  'application/pdf': 'PDF',
  'application/epub+zip': 'EPUB',
  'text/csv': 'CSV',
};

/**
 * "Download PDF (120 KB, 12 pages)". The label of the main PDF already says "PDF"; any other
 * file, labelled by its title, says its format in the details ("Annex (PDF, 40 KB)"). File
 * links never carry the locale prefix.
 */
export function PdfLink(props: { ctx: PageContext; file: FileView; label?: string }) {
  const { ctx, file } = props;
  const size = formatFileSize(file.byteSize, ctx.locale);
  const details =
    file.pageCount !== null
      ? ctx.t('entry.pdfDetails', { size, pages: file.pageCount })
      : ctx.t('entry.pdfSize', { size });
  const format = props.label === undefined ? null : (FORMATS[file.mediaType] ?? null);
  return (
    <a class="pdf" href={file.path} type={file.mediaType}>
      {props.label ?? ctx.t('entry.downloadPdf')}{' '}
      <span class="file-details">({format ? `${format}, ${details}` : details})</span>
    </a>
  );
}
