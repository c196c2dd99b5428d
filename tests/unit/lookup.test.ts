import { describe, expect, it } from 'vitest';
import { lookup, readCodes, toCanonical } from '../../src/engine/lookup.ts';
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

  it('shows close matches for an unknown code and exits 1', () => {
    const out = run(['lookup', '0xC004F075']);
    expect(out.code).toBe(1);
    expect(out.err).toMatch(/0xC004F075 is not a known activation error; closest codes: .*0xC004F074/);
    expect(lookup(codes, '0xC004F057').closest.map((e) => e.code)).toContain('0xC004F050');
  });

  it('says clearly when nothing matches', () => {
    const out = run(['lookup', 'xyzzy plugh']);
    expect(out.code).toBe(1);
    expect(out.err).toMatch(/nothing matches "xyzzy plugh"/);
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
