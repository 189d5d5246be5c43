import { ValidationError } from '../../core/errors.ts';

/** What the publishing rules need to know of an attachment. */
export interface AttachmentForPublishing {
  fileName: string;
  role: string;
  altText: string | null;
  file: { mediaType: string };
}

/** An image needs words for readers who cannot see it; a PDF carries its own text. */
export function needsAltText(a: AttachmentForPublishing): boolean {
  return a.file.mediaType.startsWith('image/') || a.role === 'image' || a.role === 'cover';
}

export function missingAltText(
  attachments: readonly AttachmentForPublishing[],
): AttachmentForPublishing[] {
  return attachments.filter((a) => needsAltText(a) && (a.altText ?? '').trim() === '');
}

/**
 * Refuses to publish while an image lacks alt text, naming every such file so that the editor
 * can fix them all at once.
 */
export function assertPublishable(attachments: readonly AttachmentForPublishing[]): void {
  const missing = missingAltText(attachments);
  if (missing.length === 0) return;
  const names = missing.map((a) => a.fileName).join(', ');
  throw new ValidationError(
    `Add alt text to ${missing.length === 1 ? 'the image' : 'the images'} ${names} before publishing`,
    missing.map((a) => ({
      path: `attachments.${a.fileName}.altText`,
      message: 'Alt text is required',
    })),
  );
}
