import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { SHARED } from '../support/external.ts';

export const WXR_CORPUS = join(SHARED, 'corpus', 'wxr');
export const SEED_PAGE = join(SHARED, 'seed', 'hrnk-articles-page.txt');

/**
 * Whether a piece of ../shared is there. Locally a missing one skips its tests with a loud
 * warning; under CI=true it fails the run, so CI can never pass by skipping.
 */
export function sharedAvailable(path: string): boolean {
  if (existsSync(path)) return true;
  if (process.env.CI === 'true') throw new Error(`${path} is required under CI=true.`);
  const line = '!'.repeat(78);
  console.warn(
    `\n${line}\n!! ${path} is missing: ITS IMPORT TESTS ARE SKIPPED.\n!! Lay out ../shared beside the repository.\n${line}\n`,
  );
  return false;
}
