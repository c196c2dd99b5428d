import { describe, expect, it } from 'vitest';
import { checkProductCode, newProductCode } from '../../src/tools/product-code.ts';

// The product code of a Microsoft Office 2016 volume-licence MSI, as it appears in setup logs.
const CODE = '{90160000-008C-0000-0000-0000000FF1CE}';
const LOWER = '90160000-008c-0000-0000-0000000ff1ce';

describe('checkProductCode', () => {
  it('accepts the braced uppercase form as it is', () => {
    expect(checkProductCode(CODE)).toEqual({ ok: true, problems: [], corrected: CODE });
  });

  it('empty: nothing or only whitespace', () => {
    for (const input of ['', '  ', '\n\t', '\uFEFF']) {
      expect(checkProductCode(input)).toEqual({ ok: false, problems: ['empty'], corrected: null });
    }
  });

  it('not-guid: wrong length, wrong characters, broken brackets', () => {
    for (const input of [
      '{90160000-008C-0000-0000-0000000FF1C}',
      '{90160000-008C-0000-0000-0000000FF1CG}',
      '{90160000-008C-0000-0000-0000000FF1CE)',
      '{{90160000-008C-0000-0000-0000000FF1CE}}',
      '{9016000-0008C-0000-0000-0000000FF1CE}',
      '{90160000 008C 0000 0000 0000000FF1CE}',
      'NPPR9-FWDCX-D2C8J-H872K-2YT43',
      'urn:uuid:',
      'x'.repeat(100_000),
    ]) {
      expect(checkProductCode(input), input.slice(0, 50)).toEqual({
        ok: false,
        problems: ['not-guid'],
        corrected: null,
      });
    }
  });

  it('no-braces', () => {
    expect(checkProductCode(CODE.slice(1, -1))).toEqual({
      ok: false,
      problems: ['no-braces'],
      corrected: CODE,
    });
  });

  it('lowercase inside braces', () => {
    expect(checkProductCode(`{${LOWER}}`)).toEqual({ ok: false, problems: ['lowercase'], corrected: CODE });
  });

  it('whitespace around the code', () => {
    expect(checkProductCode(` ${CODE}\r\n`)).toEqual({
      ok: false,
      problems: ['whitespace'],
      corrected: CODE,
    });
    expect(checkProductCode(`\u00A0${CODE}\u200B`).problems).toEqual(['whitespace']);
  });

  it('other-form: parentheses, 32 digits without hyphens, urn:uuid:', () => {
    for (const input of [
      '(90160000-008C-0000-0000-0000000FF1CE)',
      '90160000008C000000000000000FF1CE',
      '{90160000008C000000000000000FF1CE}',
      '(90160000008C000000000000000FF1CE)',
      'urn:uuid:90160000-008C-0000-0000-0000000FF1CE',
      'URN:UUID:90160000-008C-0000-0000-0000000FF1CE',
    ]) {
      expect(checkProductCode(input), input).toEqual({
        ok: false,
        problems: ['other-form'],
        corrected: CODE,
      });
    }
  });

  it('names every problem at once', () => {
    expect(checkProductCode(` ${LOWER} `)).toEqual({
      ok: false,
      problems: ['whitespace', 'no-braces', 'lowercase'],
      corrected: CODE,
    });
    expect(checkProductCode(`\turn:uuid:${LOWER}`)).toEqual({
      ok: false,
      problems: ['whitespace', 'other-form', 'lowercase'],
      corrected: CODE,
    });
    expect(checkProductCode('90160000008c000000000000000ff1ce').problems).toEqual([
      'other-form',
      'lowercase',
    ]);
  });
});

describe('newProductCode', () => {
  it('wraps the random UUID in braces, uppercased', () => {
    expect(newProductCode(() => '3f2504e0-4f89-41d3-9a0c-0305e82c3301')).toBe(
      '{3F2504E0-4F89-41D3-9A0C-0305E82C3301}',
    );
  });

  it('gives a valid code with the default random source', () => {
    const a = newProductCode();
    const b = newProductCode();
    expect(a).toMatch(/^\{[0-9A-F]{8}-[0-9A-F]{4}-4[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}\}$/);
    expect(checkProductCode(a).ok).toBe(true);
    expect(a).not.toBe(b);
  });
});
