import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors.ts';
import { bodyTexts } from './body-texts.ts';
import { renderMarkdown } from './markdown.ts';
import { INLINE_LIMIT, indexedBodyTexts, renderBody } from './markdown-work.ts';

const prose = (paragraphs: number) =>
  Array.from(
    { length: paragraphs },
    (_, i) =>
      `Paragraph ${i} on the camp at Jongo-ri, 전거리, with *emphasis* and a [link](/reports/).[^n${i}]\n\n[^n${i}]: Source ${i}, page ${i % 300}.\n`,
  ).join('\n');

/** How many turns the event loop takes while `work` runs. */
async function turnsDuring(work: Promise<unknown>): Promise<number> {
  let turns = 0;
  let done = false;
  const spin = () => {
    if (done) return;
    turns += 1;
    setImmediate(spin);
  };
  setImmediate(spin);
  await work;
  done = true;
  return turns;
}

describe('Markdown work off the event loop', () => {
  it('gives a long body the same page and the same indexed text as rendering in place', async () => {
    const body = prose(400);
    expect(body.length).toBeGreaterThan(INLINE_LIMIT);
    expect(await renderBody(body)).toBe(renderMarkdown(body));
    expect(await indexedBodyTexts(body)).toEqual(bodyTexts(body));
  });

  it('lets the event loop turn while a long body of dense markup renders', async () => {
    const dense = '*a* '.repeat(250_000);
    expect(await turnsDuring(renderBody(dense))).toBeGreaterThan(10);
    expect(await turnsDuring(indexedBodyTexts(dense))).toBeGreaterThan(10);
  }, 60_000);

  it('refuses a body that takes longer than its limit, naming the body, and renders the next', async () => {
    const dense = '*a* '.repeat(250_000);
    const refused = await renderBody(dense, 1).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ValidationError);
    expect((refused as ValidationError).issues[0]?.path).toBe('body');
    const body = prose(400);
    expect(await renderBody(body)).toBe(renderMarkdown(body));
  }, 60_000);
});
