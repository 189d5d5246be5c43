import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

/**
 * The import rules are `npm run lint`'s (.dependency-cruiser.cjs). Each fixture under
 * test/fixtures/import-rules is a small tree shaped like src/; all but `clean` break one rule.
 */
const ROOT = join(import.meta.dirname, '..', '..');
const CONFIG = join(ROOT, '.dependency-cruiser.cjs');
const FIXTURES = join(ROOT, 'test', 'fixtures', 'import-rules');
const DEPCRUISE = join(ROOT, 'node_modules', '.bin', 'depcruise');

async function cruise(fixture: string): Promise<{ failed: boolean; output: string }> {
  try {
    const { stdout } = await promisify(execFile)(
      DEPCRUISE,
      ['src', '--config', CONFIG, '--output-type', 'err'],
      { cwd: join(FIXTURES, fixture) },
    );
    return { failed: false, output: stdout };
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    return { failed: true, output: `${stdout}${stderr}` };
  }
}

describe('import rules', () => {
  it('pass a tree whose features meet through their index and whose SQL stays in infra', async () => {
    const { failed, output } = await cruise('clean');
    expect(output).not.toMatch(/error/);
    expect(failed).toBe(false);
  });

  it.each([
    ['core-imports-infra', 'core-imports-nothing-of-ours'],
    ['ui-imports-feature', 'ui-imports-only-core'],
    ['feature-reaches-inside', 'feature-through-its-index'],
    ['sql-outside-infra', 'database-libraries-only-in-infra'],
    ['web-imports-infra', 'web-imports-features-ui-core'],
    ['features-in-a-cycle', 'no-folder-cycles'],
  ])('fail the lint on %s, naming the rule %s', async (fixture, rule) => {
    const { failed, output } = await cruise(fixture);
    expect(failed).toBe(true);
    expect(output).toContain(`error ${rule}:`);
  });
});
