import { describe, expect, it } from 'vitest';
import { checkProductCode, newProductCode, packGuid, unpackGuid } from '../../src/tools/product-code.ts';

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

  it('other-form: parentheses, 32 digits without hyphens in brackets, urn:uuid:', () => {
    for (const input of [
      '(90160000-008C-0000-0000-0000000FF1CE)',
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
    expect(checkProductCode('{90160000008c000000000000000ff1ce}').problems).toEqual([
      'other-form',
      'lowercase',
    ]);
  });
});

// Real pairs, each seen in public sources on both sides: the product code in an Uninstall key or msiexec
// command, the packed one as a key under HKEY_CLASSES_ROOT\Installer\Products or UserData\S-1-5-18\Products.
const PAIRS = [
  // Office 2007 "Save as PDF or XPS" add-in.
  ['{90120000-00B0-0409-0000-0000000FF1CE}', '000021090B0090400000000000F01FEC'],
  // Office Professional Plus 2010 (32-bit).
  ['{90140000-0011-0000-0000-0000000FF1CE}', '00004109110000000000000000F01FEC'],
  // Office 2007, product ID 001A (Outlook), as a mail add-in looks it up.
  ['{90120000-001A-0000-0000-0000000FF1CE}', '00002109A10000000000000000F01FEC'],
] as const;

describe('packed GUIDs, as Windows Installer names its registry keys', () => {
  it.each(PAIRS)('%s packs to %s and back', (code, packed) => {
    expect(packGuid(code)).toBe(packed);
    expect(packGuid(code.slice(1, -1).toLowerCase())).toBe(packed);
    expect(unpackGuid(packed)).toBe(code);
    expect(unpackGuid(packed.toLowerCase())).toBe(code);
  });

  it('the first three groups reverse digit by digit, the last two swap each pair', () => {
    expect(unpackGuid('0123456789ABCDEF0123456789ABCDEF')).toBe('{76543210-BA98-FEDC-1032-547698BADCFE}');
  });

  it('refuses what is not a GUID', () => {
    for (const s of ['', '0123', 'G'.repeat(32), '0'.repeat(31), '0'.repeat(33)])
      expect(unpackGuid(s), s).toBeNull();
    for (const s of [
      '',
      '{0000}',
      '00004109110000000000000000F01FEC',
      '{90140000-0011-0000-0000-0000000FF1C}',
    ])
      expect(packGuid(s), s).toBeNull();
  });

  it('32 bare digits read as packed: unpacked, never taken as the code without hyphens', () => {
    for (const [code, packed] of PAIRS) {
      const plain = `{${packed.slice(0, 8)}-${packed.slice(8, 12)}-${packed.slice(12, 16)}-${packed.slice(16, 20)}-${packed.slice(20)}}`;
      expect(checkProductCode(packed)).toEqual({
        ok: false,
        problems: ['packed'],
        corrected: code,
        plainReading: plain,
      });
    }
    // Lowercase and surrounding spaces change nothing but the whitespace problem.
    expect(checkProductCode(` ${PAIRS[1][1].toLowerCase()}\n`)).toMatchObject({
      problems: ['whitespace', 'packed'],
      corrected: PAIRS[1][0],
    });
  });

  it('a registry key copied from regedit: the packed part is unpacked, with no other reading', () => {
    for (const path of [
      'Computer\\HKEY_CLASSES_ROOT\\Installer\\Products\\00004109110000000000000000F01FEC',
      'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Installer\\UserData\\S-1-5-18\\Products\\00004109110000000000000000F01FEC\\InstallProperties',
      'HKCR\\Installer\\Products\\00004109110000000000000000f01fec',
    ]) {
      expect(checkProductCode(path), path).toEqual({
        ok: false,
        problems: ['packed'],
        corrected: '{90140000-0011-0000-0000-0000000FF1CE}',
      });
    }
    expect(checkProductCode('HKEY_CLASSES_ROOT\\Installer\\Products').problems).toEqual(['not-guid']);
  });
});

describe('look-alike characters in a GUID', () => {
  it('en dashes and other look-alike dashes are fixed like in a key', () => {
    expect(checkProductCode('{90160000–008C–0000–0000–0000000FF1CE}')).toEqual({
      ok: false,
      problems: ['dash-lookalike'],
      corrected: CODE,
      dashes: { chars: ['–'], count: 4 },
    });
    expect(checkProductCode('90160000—008C‑0000−0000-0000000FF1CE')).toEqual({
      ok: false,
      problems: ['dash-lookalike', 'no-braces'],
      corrected: CODE,
      dashes: { chars: ['—', '‑', '−'], count: 3 },
    });
  });

  it('Cyrillic С, Е, В and А are read as the hexadecimal letters they look like', () => {
    // Cyrillic С (U+0421) and Е (U+0415) in the last group.
    expect(checkProductCode('{90160000-008C-0000-0000-0000000FF1СЕ}')).toEqual({
      ok: false,
      problems: ['cyrillic'],
      corrected: CODE,
      lookalikes: [
        { char: 'С', latin: 'C' },
        { char: 'Е', latin: 'E' },
      ],
    });
    expect(checkProductCode('{6f9619ff-8в86-d011-в42d-00с04fс964ff}')).toMatchObject({
      problems: ['cyrillic', 'lowercase'],
      corrected: '{6F9619FF-8B86-D011-B42D-00C04FC964FF}',
    });
  });

  it('look-alikes in what is no GUID still make no GUID', () => {
    expect(checkProductCode('{90160000–008C–0000–0000–0000000FF1}').problems).toEqual(['not-guid']);
    expect(checkProductCode('{90160000-008C-0000-0000-0000000FF1НН}').problems).toEqual(['not-guid']);
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
