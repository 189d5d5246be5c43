import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../core/errors.ts';
import { checkColours, contrastRatio, derivedShades, MIN_CONTRAST } from './identity.ts';

const hex = fc.integer({ min: 0, max: 0xffffff }).map((n) => `#${n.toString(16).padStart(6, '0')}`);

describe('the shades mixed from the chosen colours', () => {
  it('keep text, links and muted text at AA on the background and the surface for every accepted set', () => {
    fc.assert(
      fc.property(hex, hex, hex, hex, (brand, accent, text, background) => {
        let colours: ReturnType<typeof checkColours>;
        try {
          colours = checkColours({ brand, accent, text, background });
        } catch (error) {
          if (error instanceof ValidationError) return;
          throw error;
        }
        const { surface, muted } = derivedShades(colours);
        for (const [fg, bg] of [
          [colours.text, surface],
          [colours.accent, surface],
          [muted, colours.background],
          [muted, surface],
        ] as const) {
          expect(contrastRatio(fg, bg)).toBeGreaterThanOrEqual(MIN_CONTRAST);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('are close to the standard shades for the standard colours', () => {
    const shades = derivedShades(
      checkColours({ brand: '#1f3a5f', accent: '#1f4e8c', text: '#1c2230', background: '#fdfcfa' }),
    );
    expect(shades).toEqual({ surface: '#f2f1f0', muted: '#545963' });
  });
});
