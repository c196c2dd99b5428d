import { describe, expect, it } from 'vitest';
import { lookup, messageAfterCode, readCodes, toCanonical } from '../../src/codes/lookup.ts';
import { run } from '../../src/cli/flows.ts';
import { loadChecked } from '../support/flows.ts';

const { catalog } = loadChecked('flows');
const codes = catalog.codes;
const best = (text: string) => lookup(codes, text).matches[0]?.entry.code;

describe('lookup: every form a code is printed in', () => {
  it.each([
    ['0xC004F074', 'canonical'],
    ['0xc004f074', 'lowercase'],
    ['C004F074', 'without 0x'],
    ['c004f074', 'lowercase without 0x'],
    ['  0xC004F074  ', 'surrounded by spaces'],
    ['0x C004F074', 'a space after 0x'],
    ['Error: 0xC004F074. The Software Protection Service reported…', 'inside a pasted line'],
    ['Ошибка: 0xC004F074. Служба защиты…', 'inside a Russian line'],
    ['3221549172', 'unsigned decimal (event logs)'],
    ['-1073418124', 'signed decimal (scripts)'],
    ['HRESULT = -1073418124', 'signed decimal in text'],
    ['code 3221549172 returned', 'unsigned decimal in text'],
  ])('reads %j (%s)', (input) => {
    expect(best(input)).toBe('0xC004F074');
  });

  it('converts between the forms exactly', () => {
    expect(toCanonical(3221549172)).toBe('0xC004F074');
    expect(toCanonical(-1073418124)).toBe('0xC004F074');
    expect(readCodes('2147942405 and -2147024891')).toEqual(['0x80070005']);
  });

  it('reads every catalog code in every form', () => {
    for (const { code } of codes) {
      const n = parseInt(code, 16);
      const forms = [
        code,
        code.toLowerCase(),
        code.slice(2),
        String(n),
        String(n | 0),
        `Error ${code}: failed`,
      ];
      for (const f of forms) expect(best(f), `${code} as ${f}`).toBe(code);
    }
  });

  it('does not take ordinary numbers for codes', () => {
    expect(readCodes('port 1688, event 12288, count 25')).toEqual([]);
    expect(readCodes('12345678')).toEqual([]);
  });

  it('finds codes by words of the message in either language, best first', () => {
    expect(best('No Key Management Service could be contacted')).toBe('0xC004F074');
    expect(best('Невозможно связаться со службой управления ключами')).toBe('0xC004F074');
    expect(best('request timestamp is invalid')).toBe('0xC004F06C');
    expect(best('отметка времени запроса недействительна')).toBe('0xC004F06C');
    expect(best('RPC server is unavailable')).toBe('0x800706BA');
  });

  it('lists the other matches of a word search as alternatives', () => {
    const out = run(['lookup', 'DNS name does not exist']);
    expect(out.code).toBe(0);
    const json = JSON.parse(out.out) as { code: string; alternatives: Array<{ code: string }> };
    const all = [json.code, ...json.alternatives.map((a) => a.code)];
    expect(all).toEqual(expect.arrayContaining(['0x8007007B', '0x8007232B', '0x80092328']));
  });

  it('prints the JSON shape the CLI promises', () => {
    const out = run(['lookup', 'Error: 0xC004F074. The Software…']);
    expect(out.code).toBe(0);
    const json = JSON.parse(out.out) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual(['code', 'flow', 'node', 'message', 'activation']);
    expect(json).toMatchObject({ code: '0xC004F074', activation: ['KMS client'] });
    expect(json.message).toMatchObject({
      en: expect.stringContaining('No Key Management Service'),
      ru: expect.any(String),
    });
  });

  it('offers a catalog code only for a genuine typo of it, and exits 1', () => {
    const out = run(['lookup', '0xC004F974']);
    expect(out.code).toBe(1);
    expect(out.err).toMatch(/0xC004F974 is not in the catalog: .*did you mean 0xC004F074/);
    // A real code of its own (Microsoft gives it a message) is no typo, however close.
    expect(run(['lookup', '0xC004F075']).err).not.toMatch(/did you mean/);
    expect(lookup(codes, '0xC004F057').closest.map((e) => e.code)).toContain('0xC004F050');
  });

  it('says clearly when nothing matches', () => {
    const out = run(['lookup', 'xyzzy plugh']);
    expect(out.code).toBe(1);
    expect(out.err).toMatch(/nothing matches "xyzzy plugh"/);
  });

  it('echoes no terminal escape sequence or product key from what it was given', () => {
    const out = run([
      'lookup',
      'x\u001b]0;owned\u0007\u001b[2J\u009b31m\u202Eevil NPPR9-FWDCX-D2C8J-H872K-2YT43',
    ]);
    expect(out.code).toBe(1);
    expect(out.err).toMatch(
      /^nothing matches "x\\u001b\]0;owned\\u0007\\u001b\[2J\\u009b31m\\u202eevil XXXXX/,
    );
    expect(out.err.replace(/\n/g, '')).not.toMatch(/[\p{Cc}\u202E]/u);
    expect(out.err).not.toContain('NPPR9');
  });

  it('matches partial codes as you type', () => {
    const partial = lookup(codes, 'C004F0').matches.map((m) => m.entry.code);
    expect(partial.length).toBeGreaterThan(5);
    expect(partial.every((c) => c.includes('C004F0'))).toBe(true);
  });
});

describe('lookup: other wordings Windows prints', () => {
  it('finds 0xC004C008 first by the system message slmgr prints for it', () => {
    expect(best('exceeded its unlock limit')).toBe('0xC004C008');
    expect(best('The activation server reported that the product key has exceeded its unlock limit.')).toBe(
      '0xC004C008',
    );
  });
});

describe('lookup: the codes of Microsoft licensing and activation articles', () => {
  const added = [
    '0x8007000D',
    '0xC004E002',
    '0xC004E015',
    '0xC004F015',
    '0xC004F063',
    '0xC004F059',
    '0x8007267C',
    '0xC0020017',
    '0x8007139F',
    '0x80072338',
    '0xC004F011',
    '0x80072EE7',
    '0x80092026',
  ];
  it.each(added)('resolves %s through the CLI, as typed and as an event log prints it', (code) => {
    const out = run(['lookup', code]);
    expect(out.code, out.err).toBe(0);
    expect((JSON.parse(out.out) as { code: string }).code).toBe(code);
    expect(best(String(parseInt(code, 16)))).toBe(code);
  });

  it('keeps the codes no source explains out of the catalog, and says what kind of code each is', () => {
    for (const code of ['0x803F7001', '0xC004F213', '0xC004F211', '0x80072F8F', '0xC004F012', '0xC004F056']) {
      const out = run(['lookup', code]);
      expect(out.code).toBe(1);
      expect(out.err).toMatch(/is not in the catalog: a .*; start without a code: #\/flow\/no-code/);
      // Real codes of their own: nothing unrelated is suggested.
      expect(out.err).not.toMatch(/did you mean/);
    }
    expect(run(['lookup', '0xC004F213']).err).toContain('SL_E_NO_PRODUCT_KEY_FOUND');
    expect(run(['lookup', '0x80072F8F']).err).toContain('Windows error 12175');
  });
});

describe('lookup: the words technicians type, in English and Russian', () => {
  it.each([
    ['exceeded its unlock limit', '0xC004C008'],
    ['превысил предел разблокировок', '0xC004C008'],
    ['not genuine', '0x8004FE21'],
    ['Windows не подлинная', '0x8004FE21'],
    ['не является подлинной', '0x8004FE21'],
    ['no product key', '0xC004F014'],
    ['product key not found', '0xC004F014'],
    ['ключ продукта не найден', '0xC004F014'],
    ['нет ключа продукта', '0xC004F014'],
    ['license store contains inconsistent data', '0xC004E002'],
    ['хранилище лицензий содержит несогласованные данные', '0xC004E002'],
    ['no DNS servers configured', '0x8007267C'],
    ['не настроены DNS-серверы', '0x8007267C'],
    ['computer BIOS is missing a required license', '0xC004F063'],
    ['в BIOS отсутствует необходимая лицензия', '0xC004F063'],
    ['Token Based Activation failed', '0xC004F011'],
  ])('finds %j as %s first', (words, code) => {
    expect(best(words)).toBe(code);
  });

  it('finds the three "DNS name does not exist" codes first, in either language', () => {
    for (const words of ['DNS name does not exist', 'DNS-имя не существует']) {
      const top = lookup(codes, words)
        .matches.slice(0, 3)
        .map((m) => m.entry.code);
      expect(top.sort(), words).toEqual(['0x8007007B', '0x8007232B', '0x80092328']);
    }
  });

  it('finds both event 8198 codes by the event text', () => {
    const top = lookup(codes, 'License Activation failed. The Software Protection service reported')
      .matches.slice(0, 2)
      .map((m) => m.entry.code);
    expect(top.sort()).toEqual(['0x8007139F', '0xC0020017']);
  });
});

describe('messages in code lists', () => {
  it('drop the code Windows prints in front of the message, once, in any case', () => {
    const entry = codes.find((e) => e.code === '0x8007007B')!;
    expect(entry.message.en.toLowerCase()).toMatch(/^0x8007007b /);
    expect(messageAfterCode(entry, 'en')).toBe('DNS name does not exist.');
    const plain = codes.find((e) => e.code === '0xC004F074')!;
    expect(messageAfterCode(plain, 'en')).toBe(plain.message.en);
  });
});
