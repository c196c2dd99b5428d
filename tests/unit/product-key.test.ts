import { describe, expect, it } from 'vitest';
import { checkProductKey, findKeys, maskKey } from '../../src/tools/product-key.ts';
import { maskKeysIn } from '../../src/redact/key-in-text.ts';
import type { KeyProblemKind } from '../../src/tools/product-key.ts';

// Public generic keys published by Microsoft (KMS client setup keys), safe to use in tests.
const KMS_ENTERPRISE = 'NPPR9-FWDCX-D2C8J-H872K-2YT43';
const KMS_PRO = 'W269N-WFGWX-YVC9B-4J6C9-T83GX';

const kinds = (input: string): KeyProblemKind[] => checkProductKey(input).problems.map((p) => p.kind);
const problem = (input: string, kind: KeyProblemKind) =>
  checkProductKey(input).problems.find((p) => p.kind === kind);

describe('checkProductKey: valid keys', () => {
  it.each([KMS_ENTERPRISE, KMS_PRO])('accepts %s as it is', (key) => {
    expect(checkProductKey(key)).toEqual({ ok: true, problems: [], notes: [], suggested: key });
  });

  it('accepts a key with one N (Windows 8 and later)', () => {
    expect(checkProductKey(KMS_PRO).ok).toBe(true);
    expect(KMS_PRO.match(/N/g)).toHaveLength(1);
  });
});

describe('checkProductKey: each problem kind', () => {
  it('empty: nothing, or only whitespace and invisible characters', () => {
    for (const input of ['', '   ', '\t\n', '\u00A0', '\u200B\uFEFF']) {
      expect(checkProductKey(input)).toEqual({
        ok: false,
        problems: [{ kind: 'empty' }],
        notes: [],
        suggested: null,
      });
    }
  });

  it('length: counts key characters, not hyphens', () => {
    expect(checkProductKey('NPPR9-FWDCX-D2C8J-H872K-2YT4')).toEqual({
      ok: false,
      problems: [{ kind: 'length', count: 24, groups: [5, 5, 5, 5, 4] }],
      notes: [],
      suggested: null,
    });
    expect(problem(`${KMS_ENTERPRISE}B`, 'length')).toEqual({
      kind: 'length',
      count: 26,
      groups: [5, 5, 5, 5, 6],
    });
    expect(problem('-----', 'length')).toEqual({ kind: 'length', count: 0 });
  });

  it('groups: 25 characters without hyphens', () => {
    const r = checkProductKey('NPPR9FWDCXD2C8JH872K2YT43');
    expect(r.problems).toEqual([{ kind: 'groups' }]);
    expect(r.suggested).toBe(KMS_ENTERPRISE);
  });

  it('groups: hyphens in the wrong place, doubled, leading or trailing', () => {
    for (const input of [
      'NPPR-9FWDCX-D2C8J-H872K-2YT43',
      'NPPR9-FWDCXD2C8J-H872K-2YT-43',
      'NPPR9--FWDCX-D2C8J-H872K-2YT43',
      '-NPPR9-FWDCX-D2C8J-H872K-2YT43',
      'NPPR9-FWDCX-D2C8J-H872K-2YT43-',
    ]) {
      expect(kinds(input)).toEqual(['groups']);
      expect(checkProductKey(input).suggested).toBe(KMS_ENTERPRISE);
    }
  });

  it('invalid-char: the characters as typed and their positions among key characters', () => {
    // O at 1, I at 18, 0 at 25; hyphens do not count as positions.
    const r = checkProductKey('OPPR9-FWDCX-D2C8J-H8I2K-2YT40');
    expect(r.ok).toBe(false);
    expect(r.problems).toEqual([{ kind: 'invalid-char', chars: ['O', 'I', '0'], positions: [1, 18, 25] }]);
  });

  it('invalid-char: each distinct character once, every position', () => {
    expect(problem('SSPR9-FWDCX-D2C8J-H872K-2YT45', 'invalid-char')).toEqual({
      kind: 'invalid-char',
      chars: ['S', '5'],
      positions: [1, 2, 25],
    });
  });

  it('invalid-char: every character that never appears in keys', () => {
    for (const c of ['A', 'E', 'I', 'L', 'O', 'S', 'U', 'Z', '0', '1', '5', '_', '#', 'Ж', '😀']) {
      const input = `${c}PPR9-FWDCX-D2C8J-H872K-2YT43`;
      expect(problem(input, 'invalid-char'), c).toEqual({ kind: 'invalid-char', chars: [c], positions: [1] });
    }
  });

  it('dash-lookalike: every dash that looks like a hyphen', () => {
    for (const d of [
      '\u2010',
      '\u2011',
      '\u2012',
      '\u2013',
      '\u2014',
      '\u2015',
      '\u2212',
      '\uFE63',
      '\uFF0D',
    ]) {
      const r = checkProductKey(KMS_ENTERPRISE.replaceAll('-', d));
      expect(r.problems, `U+${d.codePointAt(0)!.toString(16)}`).toEqual([
        { kind: 'dash-lookalike', chars: [d], count: 4 },
      ]);
      expect(r.suggested).toBe(KMS_ENTERPRISE);
    }
  });

  it('spaces: around the key, counted', () => {
    expect(checkProductKey(`  ${KMS_ENTERPRISE}\t`)).toEqual({
      ok: false,
      problems: [{ kind: 'spaces', count: 3 }],
      notes: [],
      suggested: KMS_ENTERPRISE,
    });
  });

  it('spaces: non-breaking and invisible characters inside', () => {
    expect(kinds('NPPR9-\u00A0FWDCX-D2C8J-H872K-2YT43')).toEqual(['spaces']);
    expect(kinds('NPPR9-FWD\u200BCX-D2C8J-H872K-2YT43')).toEqual(['spaces']);
    expect(kinds('\uFEFFNPPR9-FWDCX-D2C8J-H872K-2YT43')).toEqual(['spaces']);
    expect(kinds('NPPR9-FWDCX-D2C8J-H872K-2YT43\u200E')).toEqual(['spaces']);
  });

  it('multiple-n: how many Ns, any case', () => {
    const r = checkProductKey('NNPR9-FWDCX-D2C8J-H872K-2YT4n');
    expect(problem('NNPR9-FWDCX-D2C8J-H872K-2YT4N', 'multiple-n')).toEqual({ kind: 'multiple-n', count: 3 });
    expect(r.problems).toContainEqual({ kind: 'multiple-n', count: 3 });
    expect(r.suggested).toBe('NNPR9-FWDCX-D2C8J-H872K-2YT4N');
  });
});

describe('checkProductKey: lowercase is a note, not a problem', () => {
  it('a key in lowercase reads as ok, with a note and the key in capitals', () => {
    const r = checkProductKey(KMS_ENTERPRISE.toLowerCase());
    expect(r.ok).toBe(true);
    expect(r.problems).toEqual([]);
    expect(r.notes).toEqual([
      {
        kind: 'lowercase',
        chars: ['n', 'p', 'r', 'f', 'w', 'd', 'c', 'x', 'j', 'h', 'k', 'y', 't'],
        positions: [1, 2, 3, 4, 6, 7, 8, 9, 10, 11, 13, 15, 16, 20, 22, 23],
      },
    ]);
    expect(r.suggested).toBe(KMS_ENTERPRISE);
  });

  it('one lowercase letter: ok, noted at its position', () => {
    expect(checkProductKey('nPPR9-FWDCX-D2C8J-H872K-2YT43')).toEqual({
      ok: true,
      problems: [],
      notes: [{ kind: 'lowercase', chars: ['n'], positions: [1] }],
      suggested: KMS_ENTERPRISE,
    });
  });

  it('a key in capitals has no note', () => {
    expect(checkProductKey(KMS_PRO).notes).toEqual([]);
  });
});

describe('checkProductKey: which group is short or long', () => {
  it('a 24-character key names the short group', () => {
    expect(problem('NPPR9-FWDCX-D2C8-H872K-2YT43', 'length')).toEqual({
      kind: 'length',
      count: 24,
      groups: [5, 5, 4, 5, 5],
    });
  });

  it('a 26-character key names the long group', () => {
    expect(problem('NPPR9-FWDCXX-D2C8J-H872K-2YT43', 'length')).toEqual({
      kind: 'length',
      count: 26,
      groups: [5, 6, 5, 5, 5],
    });
  });

  it('groups separated by spaces or look-alike dashes count too', () => {
    expect(problem('NPPR9 FWDCX D2C8J H872K 2YT4', 'length')?.groups).toEqual([5, 5, 5, 5, 4]);
    expect(problem('NPPR9–FWDCX–D2C8–H872K–2YT43', 'length')?.groups).toEqual([5, 5, 4, 5, 5]);
    // Spaces next to hyphens do not split groups.
    expect(problem('NPPR9 - FWDC - D2C8J - H872K - 2YT43', 'length')?.groups).toEqual([5, 4, 5, 5, 5]);
  });

  it('a character moved across a hyphen: 25 characters, the two wrong groups named', () => {
    expect(checkProductKey('NPPR-9FWDCX-D2C8J-H872K-2YT43').problems).toEqual([
      { kind: 'groups', groups: [4, 6, 5, 5, 5] },
    ]);
  });

  it('no groups named when the key is not in five groups', () => {
    expect(problem('NPPR9-FWDCX-D2C8J-H872K', 'length')).toEqual({ kind: 'length', count: 20 });
    expect(problem('NPPR9FWDCXD2C8JH872K2YT4', 'length')).toEqual({ kind: 'length', count: 24 });
    // Invisible characters are not a gap between groups.
    expect(problem('NPPR9\u200BFWDCXD2C8JH872K2YT4', 'length')).toEqual({ kind: 'length', count: 24 });
  });
});

describe('checkProductKey: Cyrillic look-alikes', () => {
  it('names each Cyrillic letter and suggests the key with Latin letters', () => {
    // Cyrillic Р (U+0420) at 2 and 3, С (U+0421) at 9, Х (U+0425) at 10.
    const typed = 'NРРR9-FWDСХ-D2C8J-H872K-2YT43';
    const r = checkProductKey(typed);
    expect(r.ok).toBe(false);
    expect(r.problems).toEqual([
      {
        kind: 'cyrillic',
        lookalikes: [
          { char: 'Р', latin: 'P' },
          { char: 'С', latin: 'C' },
          { char: 'Х', latin: 'X' },
        ],
        positions: [2, 3, 9, 10],
        count: 4,
      },
    ]);
    expect(r.suggested).toBe(KMS_ENTERPRISE);
    expect(checkProductKey(r.suggested!).ok).toBe(true);
  });

  it('lowercase Cyrillic: с reads as c (then a capital), м as the small capital M', () => {
    const r = checkProductKey('W269N-WFGWх-YVс9B-4J6C9-T83GX'.replace('B', 'в'));
    expect(r.problems.map((p) => p.kind)).toEqual(['cyrillic']);
    expect(problem('W269N-WFGWх-YVс9в-4J6C9-T83GX', 'cyrillic')?.lookalikes).toEqual([
      { char: 'х', latin: 'x' },
      { char: 'с', latin: 'c' },
      { char: 'в', latin: 'B' },
    ]);
    expect(r.notes.map((n) => n.kind)).toEqual(['lowercase']);
    expect(r.suggested).toBe(KMS_PRO);
    expect(checkProductKey('MPPR9-FWDCX-D2C8J-H872K-2YT43'.replace('M', 'м')).suggested).toBe(
      'MPPR9-FWDCX-D2C8J-H872K-2YT43',
    );
  });

  it('a Cyrillic look-alike of a letter keys never hold is named, and the Latin letter is invalid', () => {
    const r = checkProductKey('АPPR9-FWDCX-D2C8J-H872K-2YT43'); // Cyrillic А (U+0410)
    expect(r.problems).toEqual([
      { kind: 'invalid-char', chars: ['A'], positions: [1] },
      { kind: 'cyrillic', lookalikes: [{ char: 'А', latin: 'A' }], positions: [1], count: 1 },
    ]);
    expect(r.suggested).toBe('APPR9-FWDCX-D2C8J-H872K-2YT43');
  });

  it('Cyrillic letters that look like no Latin one stay invalid characters', () => {
    expect(kinds('ЖPPR9-FWDCX-D2C8J-H872K-2YT43')).toEqual(['invalid-char']);
  });

  it('Cyrillic and en dashes together: both named, one suggestion', () => {
    const r = checkProductKey('NPPR9–FWDСX–D2C8J–H872K–2YT43');
    expect(r.problems.map((p) => p.kind)).toEqual(['cyrillic', 'dash-lookalike']);
    expect(r.suggested).toBe(KMS_ENTERPRISE);
  });
});

describe('checkProductKey: pasted keys', () => {
  it('a key pasted from Word with em dashes gets the right suggestion', () => {
    const r = checkProductKey('W269N—WFGWX—YVC9B—4J6C9—T83GX');
    expect(r.ok).toBe(false);
    expect(r.problems).toEqual([{ kind: 'dash-lookalike', chars: ['—'], count: 4 }]);
    expect(r.suggested).toBe(KMS_PRO);
    expect(checkProductKey(r.suggested!).ok).toBe(true);
  });

  it('mixed en and em dashes are listed once each', () => {
    expect(problem('W269N–WFGWX—YVC9B–4J6C9-T83GX', 'dash-lookalike')).toEqual({
      kind: 'dash-lookalike',
      chars: ['–', '—'],
      count: 3,
    });
  });

  it('lowercase with spaces between groups: spaces and hyphens named, case noted', () => {
    const r = checkProductKey(' w269n wfgwx yvc9b 4j6c9 t83gx ');
    expect(r.problems.map((p) => p.kind)).toEqual(['groups', 'spaces']);
    expect(r.notes.map((n) => n.kind)).toEqual(['lowercase']);
    expect(problem(' w269n wfgwx yvc9b 4j6c9 t83gx ', 'spaces')).toEqual({ kind: 'spaces', count: 6 });
    expect(r.suggested).toBe(KMS_PRO);
  });

  it('lowercase with hyphens and a trailing newline', () => {
    const r = checkProductKey('nppr9-fwdcx-d2c8j-h872k-2yt43\r\n');
    expect(r.problems.map((p) => p.kind)).toEqual(['spaces']);
    expect(r.notes.map((n) => n.kind)).toEqual(['lowercase']);
    expect(r.suggested).toBe(KMS_ENTERPRISE);
  });

  it('spaces around the hyphens are fine to remove', () => {
    expect(kinds('NPPR9 - FWDCX - D2C8J - H872K - 2YT43')).toEqual(['spaces']);
  });

  it('a zero-width joiner stuck to a letter is removed, not counted as a character', () => {
    expect(checkProductKey('N\u200DPPR9-FWDCX-D2C8J-H872K-2YT43').suggested).toBe(KMS_ENTERPRISE);
  });

  it('an emoji or accented letter counts as one character', () => {
    expect(problem('👨‍👩‍👧', 'length')).toEqual({ kind: 'length', count: 1 });
    expect(problem('e\u0301', 'invalid-char')).toEqual({
      kind: 'invalid-char',
      chars: ['e\u0301'],
      positions: [1],
    });
  });

  it('invalid characters still get a suggestion when there are 25', () => {
    const r = checkProductKey('oppr9 fwdcx d2c8j h872k 2yt43');
    expect(r.problems.map((p) => p.kind)).toEqual(['invalid-char', 'groups', 'spaces']);
    expect(problem('oppr9 fwdcx d2c8j h872k 2yt43', 'invalid-char')?.chars).toEqual(['o']);
    expect(r.suggested).toBe('OPPR9-FWDCX-D2C8J-H872K-2YT43');
  });

  it('handles 100 KB of anything without throwing', () => {
    const big = '🏳️‍🌈\u202Eשלום\u0000\u0007–'.repeat(8000);
    const r = checkProductKey(big);
    expect(r.ok).toBe(false);
    expect(r.suggested).toBeNull();
  });
});

describe('maskKey', () => {
  it('keeps only the last five characters of a full key', () => {
    expect(maskKey(KMS_ENTERPRISE)).toBe('XXXXX-XXXXX-XXXXX-XXXXX-2YT43');
    expect(maskKey('w269n—wfgwx—yvc9b—4j6c9—t83gx')).toBe('XXXXX-XXXXX-XXXXX-XXXXX-T83GX');
    expect(maskKey(' NPPR9 FWDCX D2C8J H872K 2YT43 ')).toBe('XXXXX-XXXXX-XXXXX-XXXXX-2YT43');
  });

  it('masks partial keys the same way', () => {
    expect(maskKey('NPPR9-FWDCX')).toBe('XXXXX-FWDCX');
    expect(maskKey('NPPR9-FWDC')).toBe('XXXX9-FWDC');
    expect(maskKey('ABC')).toBe('ABC');
    expect(maskKey('')).toBe('');
  });
});

describe('findKeys', () => {
  it('finds keys in any case, with hyphens, look-alike dashes or spaces', () => {
    const text = [
      `Installed ${KMS_ENTERPRISE}, then`,
      'tried w269n–wfgwx–yvc9b–4j6c9–t83gx and',
      'NPPR9 FWDCX D2C8J H872K 2YT43.',
      'Also NPPR9 - FWDCX - D2C8J - H872K - 2YT43!',
    ].join('\n');
    expect(findKeys(text)).toEqual([
      KMS_ENTERPRISE,
      'w269n–wfgwx–yvc9b–4j6c9–t83gx',
      'NPPR9 FWDCX D2C8J H872K 2YT43',
      'NPPR9 - FWDCX - D2C8J - H872K - 2YT43',
    ]);
  });

  it('skips a five-letter word just before the key', () => {
    expect(findKeys('Enter NPPR9 FWDCX D2C8J H872K 2YT43 and press Next')).toEqual([
      'NPPR9 FWDCX D2C8J H872K 2YT43',
    ]);
    expect(findKeys('typed w269n-wfgwx-yvc9b-4j6c9-t83gx')).toEqual(['w269n-wfgwx-yvc9b-4j6c9-t83gx']);
  });

  it('separates keys written side by side', () => {
    expect(findKeys(`${KMS_ENTERPRISE} ${KMS_PRO}`)).toEqual([KMS_ENTERPRISE, KMS_PRO]);
  });

  it('finds mistyped keys too, so they are masked as well', () => {
    expect(findKeys('key OPPR9-FWDCX-D2C8J-H8I2K-2YT40 failed')).toEqual(['OPPR9-FWDCX-D2C8J-H8I2K-2YT40']);
  });

  it('finds a key glued to a word, as a console line rejoined without its break leaves it', () => {
    expect(findKeys('XNPPR9-FWDCX-D2C8J-H872K-2YT43')).toEqual(['NPPR9-FWDCX-D2C8J-H872K-2YT43']);
    expect(findKeys('NPPR9-FWDCX-D2C8J-H872K-2YT43was rejected')).toEqual(['NPPR9-FWDCX-D2C8J-H872K-2YT43']);
  });

  it('finds a key joined by any space, a slash or an underscore, or written in fullwidth characters', () => {
    const key = 'NPPR9-FWDCX-D2C8J-H872K-2YT43';
    for (const join of ['\u2009', '\u2003', '\u3000', '\u205F', '/', '_', ' / '])
      expect(maskKeysIn(`key ${key.replaceAll('-', join)} here`), JSON.stringify(join)).toBe(
        `key XXXXX-XXXXX-XXXXX-XXXXX-2YT43 here`,
      );
    const wide = [...key]
      .map((c) => (c === '-' ? '－' : String.fromCharCode(c.charCodeAt(0) + 0xfee0)))
      .join('');
    expect(maskKeysIn(`«${wide}»`)).toBe('«XXXXX-XXXXX-XXXXX-XXXXX-2YT43»');
  });

  it('leaves alone what is not a key', () => {
    expect(findKeys('')).toEqual([]);
    expect(findKeys('error 0xC004F074 on {90160000-008C-0000-0000-0000000FF1CE}')).toEqual([]);
    expect(findKeys('NPPR9-FWDCX-D2C8J-H872K')).toEqual([]);
    // Five five-letter words are prose, not a key.
    expect(findKeys('THESE WORDS ARENT QUITE RIGHT')).toEqual([]);
    // Groups of other lengths stay whole, however they are joined: installation IDs, paths, names.
    expect(findKeys('Installation ID: 1234567-1234567-1234567-1234567-1234567-1234567-1234567')).toEqual([]);
    expect(findKeys('C:/Windows/System32/spp/store/2.0/tokens.dat')).toEqual([]);
    expect(findKeys('paths/under/their/roots/since')).toEqual([]);
    expect(findKeys('KMS_HOST_NAME_SETUP_FILE_2019')).toEqual([]);
    expect(findKeys('Partial Product Key: 3V66T on kms01.corp.contoso.com:1688')).toEqual([]);
  });

  it('masks every key in a transcript', () => {
    const text = `slmgr /ipk ${KMS_PRO} then slmgr /ipk ${KMS_ENTERPRISE.toLowerCase()}`;
    let masked = text;
    for (const k of findKeys(text)) masked = masked.replace(k, maskKey(k));
    expect(masked).toBe(
      'slmgr /ipk XXXXX-XXXXX-XXXXX-XXXXX-T83GX then slmgr /ipk XXXXX-XXXXX-XXXXX-XXXXX-2YT43',
    );
  });
});
