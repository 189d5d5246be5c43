import type { FileView } from '../../../core/public-views.ts';
import { formatFileSize } from '../../../ui/components/file-size.ts';
import type { PageContext } from '../../../ui/page-context.ts';

/** "Download PDF (PDF, 120 KB, 12 pages)". File links never carry the locale prefix. */
export function PdfLink(props: { ctx: PageContext; file: FileView; label?: string }) {
  const { ctx, file } = props;
  const size = formatFileSize(file.byteSize, ctx.locale);
  const details =
    file.pageCount !== null
      ? ctx.t('entry.pdfDetails', { size, pages: file.pageCount })
      : ctx.t('entry.pdfSize', { size });
  return (
    <a class="pdf" href={file.path} type={file.mediaType}>
      {props.label ?? ctx.t('entry.downloadPdf')} <span class="file-details">({details})</span>
    </a>
  );
}
