/** What the main thread asks of the Markdown worker, and what it answers. */
export type MarkdownTask = { kind: 'html'; source: string } | { kind: 'texts'; source: string };

export type MarkdownRequest = MarkdownTask & { id: number };

export type MarkdownReply =
  | { id: number; ok: true; html: string }
  | { id: number; ok: true; body: string; notes: string }
  | { id: number; ok: false; message: string };
