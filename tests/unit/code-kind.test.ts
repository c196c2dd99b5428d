import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { KIND_SOURCES, codeKind, kindSources, typoOf, win32Range } from '../../src/codes/code-kind.ts';
import { readCodes, toCanonical } from '../../src/codes/lookup.ts';
import { officialMessages } from '../../src/data/official-messages.ts';
import { LATER_SDK, parseMessageHeader, slMessages } from '../../src/cli/sl-messages.ts';
import slTable from '../../src/data/sl-messages.json';
import win32Table from '../../src/data/win32-messages.json';
import { loadChecked } from '../support/flows.ts';

const { catalog, sources } = loadChecked('flows');
const codes = catalog.codes;
const sourceIds = new Set(sources?.sources.map((s) => s.id));

describe('codeKind: what the bits say', () => {
  it('reads Software Licensing codes, with the zone slerror.h gives their bits 12–15', () => {
    expect(codeKind('0xC004F213')).toEqual({ kind: 'licensing', zone: 'client-api' });
    expect(codeKind('0xC004B100')).toEqual({ kind: 'licensing', zone: 'server' });
    expect(codeKind('0xC004C003')).toEqual({ kind: 'licensing', zone: 'clearing-house' });
    expect(codeKind('0xC004E002')).toEqual({ kind: 'licensing', zone: 'internal' });
    // Zones slerror.h reserves for others (0xA, 0xD) or leaves unnamed: still licensing, no zone.
    expect(codeKind('0xC004D307')).toEqual({ kind: 'licensing' });
    expect(codeKind('0xC0040000')).toEqual({ kind: 'licensing' });
    expect(codeKind('0xC004FFFF')).toEqual({ kind: 'licensing', zone: 'client-api' });
  });

  it('reads Win32 errors wrapped as HRESULTs, with their Windows error number', () => {
    expect(codeKind('0x80070005')).toEqual({ kind: 'win32', number: 5 });
    expect(codeKind('0x8007232B')).toEqual({ kind: 'win32', number: 9003, range: 'dns' });
    expect(codeKind('0x80072EE7')).toEqual({ kind: 'win32', number: 12007, range: 'internet' });
    expect(codeKind('0x80072F8F')).toEqual({ kind: 'win32', number: 12175, range: 'internet' });
    expect(codeKind('0x8007274C')).toEqual({ kind: 'win32', number: 10060, range: 'winsock' });
    expect(codeKind('0x80070000')).toEqual({ kind: 'win32', number: 0 });
    expect(codeKind('0x8007FFFF')).toEqual({ kind: 'win32', number: 65535 });
  });

  it('puts every edge of the Windows error ranges on the right side', () => {
    expect([8999, 9000, 9999, 10000, 11999, 12000, 12184, 12185].map(win32Range)).toEqual([
      undefined,
      'dns',
      'dns',
      'winsock',
      'winsock',
      'internet',
      'internet',
      undefined,
    ]);
    expect(codeKind(toCanonical(0x80070000 + 9000))).toMatchObject({ range: 'dns' });
    expect(codeKind(toCanonical(0x80070000 + 12185))).toEqual({ kind: 'win32', number: 12185 });
  });

  it('names other facilities where winerror.h does, and gives the number otherwise', () => {
    expect(codeKind('0x803F7001')).toEqual({ kind: 'other', facility: 0x3f, name: 'FACILITY_WINDOWS_STORE' });
    expect(codeKind('0x8004FE21')).toEqual({ kind: 'other', facility: 4, name: 'FACILITY_ITF' });
    expect(codeKind('0x80092026')).toEqual({ kind: 'other', facility: 9, name: 'FACILITY_SECURITY' });
    expect(codeKind('0x80240017')).toEqual({ kind: 'other', facility: 36, name: 'FACILITY_WINDOWSUPDATE' });
    expect(codeKind('0x80AB0001')).toEqual({ kind: 'other', facility: 0xab });
    // Not FACILITY_WIN32 with the error bit: 0xC007 is facility 7 with the top two bits set.
    expect(codeKind('0xC0070005')).toEqual({ kind: 'other', facility: 7, name: 'FACILITY_WIN32' });
    expect(codeKind('0x8008FFFF')).toEqual({ kind: 'other', facility: 8, name: 'FACILITY_WINDOWS' });
    // The facility is 13 bits (HRESULT_FACILITY): 0xFFFF keeps 0x1FFF.
    expect(codeKind('0xFFFF0000')).toEqual({ kind: 'other', facility: 0x1fff });
  });

  it('says a code without the severity bit is not an error', () => {
    expect(codeKind('0x4004F00C')).toEqual({ kind: 'success', facility: 4, name: 'FACILITY_ITF' });
    expect(codeKind('0x00000000')).toEqual({ kind: 'success', facility: 0, name: 'FACILITY_NULL' });
    expect(codeKind('0x7FFFFFFF')).toEqual({ kind: 'success', facility: 0x1fff });
  });

  it('takes canonical codes only', () => {
    for (const bad of ['', 'C004F213', '0xc004f213', '0xC004F21', '0xC004F2133', '0xG004F213', 'words'])
      expect(codeKind(bad), bad).toBeUndefined();
  });

  it('reads codes that arrive as unsigned or signed decimals, as the lookup reads them', () => {
    // 0x80072EFD as event logs print it and as scripts print it.
    for (const form of ['2147954429', '-2147012867', 'HRESULT -2147012867 returned'])
      expect(codeKind(readCodes(form)[0]!), form).toEqual({
        kind: 'win32',
        number: 12029,
        range: 'internet',
      });
    expect(codeKind(readCodes('3221549587')[0]!)).toEqual({ kind: 'licensing', zone: 'client-api' }); // 0xC004F213
    expect(codeKind(readCodes('-2143326207')[0]!)).toMatchObject({ kind: 'other', facility: 0x3f }); // 0x803F7001
    expect(codeKind(toCanonical(-1))).toEqual({ kind: 'other', facility: 0x1fff });
  });

  it('cites sources that sources.json has', () => {
    for (const ids of Object.values(KIND_SOURCES)) for (const id of ids) expect(sourceIds, id).toContain(id);
    expect(kindSources(codeKind('0x8007232B')!)).toContain('ms-system-error-codes-9000-11999');
    expect(kindSources(codeKind('0x80070005')!)).toContain('ms-hresult-from-win32');
  });
});

describe('typoOf: only genuine typos of catalog codes', () => {
  const typos = (code: string) => typoOf(codes, code).map((e) => e.code);
  it('offers the catalog codes one hex digit away in the same facility, nearest first, three at most', () => {
    expect(typos('0x80072EE8')).toEqual(['0x80072EE7', '0x80072EE2']);
    // 0xC004F063 is a typo away too, but the fourth.
    expect(typos('0xC004F06D')).toEqual(['0xC004F06C', '0xC004F065', '0xC004F064']);
  });
  it('offers a catalog code with two neighbouring digits swapped', () => {
    expect(typos('0xC004F0C6')).toEqual(['0xC004F06C']);
  });
  it('offers nothing for codes of other facilities or further away', () => {
    expect(typos('0x803F7001')).toEqual([]);
    expect(typos('0x80072F8F')).toEqual([]);
    expect(typos('0xC005F074')).toEqual([]); // same digits but another facility
    expect(typos('0xC004F213')).toEqual([]);
    expect(typos('0xC004F074')).not.toContain('0xC004F074'); // a code is not its own typo
    expect(typos('not a code')).toEqual([]);
  });
});

describe('official messages', () => {
  it('gives the SDK message of a Software Licensing code the catalog lacks', () => {
    expect(officialMessages('0xC004F213')).toEqual([
      {
        name: 'SL_E_NO_PRODUCT_KEY_FOUND',
        text: 'The Software Licensing Service reported that no product key was found on the system.',
        source: 'sdk-slerror-h',
      },
    ]);
    expect(officialMessages('0xC004F211')[0]?.name).toBe('SL_E_HWID_CHANGED');
    expect(officialMessages('0xC004F012')[0]?.name).toBe('SL_E_VALUE_NOT_FOUND');
    expect(officialMessages('0x803F7001')).toEqual([]);
  });

  it('matches the catalog where the catalog quotes the licensing service word for word', () => {
    const strip = (s: string) => s.trim().replace(/\.$/, '');
    for (const code of ['0xC004C001', '0xC004C020', '0xC004C021', '0xC004E002', '0xC004F015', '0xC004F059']) {
      const entry = codes.find((e) => e.code === code)!;
      expect(strip(officialMessages(code)[0]!.text), code).toBe(strip(entry.message.en));
    }
  });

  it('has every licensing code of the catalog but one no SDK header we read defines', () => {
    const missing = codes
      .filter((e) => e.code.startsWith('0xC004') && officialMessages(e.code).length === 0)
      .map((e) => e.code);
    expect(missing).toEqual(['0xC004F065']);
  });

  it('gives WinHTTP and WinINet meanings of an internet error, each with its page', () => {
    const m = officialMessages('0x80072F8F');
    expect(m.map((x) => x.name)).toEqual(['ERROR_WINHTTP_SECURE_FAILURE', 'ERROR_INTERNET_DECODING_FAILED']);
    expect(m.map((x) => x.source)).toEqual(['ms-winhttp-error-messages', 'ms-wininet-errors']);
    expect(officialMessages('0x8007232B')[0]?.text).toBe('DNS name does not exist.');
  });

  it('keeps both tables well formed: canonical codes, a name and a text each, known sources', () => {
    expect(sourceIds).toContain(slTable.source);
    for (const [code, entry] of Object.entries(slTable.messages)) {
      expect(code).toMatch(/^0x[0-9A-F]{8}$/);
      expect(entry).toHaveLength(2);
      expect(entry[0]).toMatch(/^[A-Z][A-Z0-9_]+$/);
      expect(entry[1]!.length).toBeGreaterThan(5);
    }
    for (const [code, list] of Object.entries(win32Table.messages)) {
      expect(code).toMatch(/^0x8007[0-9A-F]{4}$/);
      for (const entry of list) {
        expect(entry).toHaveLength(3);
        expect(sourceIds, entry[2]).toContain(entry[2]);
      }
    }
  });
});

describe('the SL message table generator', () => {
  const sample = [
    '//',
    '// MessageId: SL_E_NO_PRODUCT_KEY_FOUND',
    '//',
    '// MessageText:',
    '//',
    '// The Software Licensing Service reported that no product key',
    '// was found on the system. ',
    '//',
    '#define SL_E_NO_PRODUCT_KEY_FOUND        ((HRESULT)0xC004F213L)',
    '',
    '//',
    '// MessageId: SL_I_OOB',
    '//',
    '// MessageText:',
    '//',
    '// Informational.',
    '//',
    '#define SL_I_OOB ((HRESULT)0x4004f00cL)',
    '#define SL_MDOLLAR_ZONE    0xA000 // not a message',
  ].join('\r\n');

  it('reads each block: lines joined, case of the code made canonical, CRLF or LF', () => {
    expect(parseMessageHeader(sample)).toEqual({
      '0xC004F213': [
        'SL_E_NO_PRODUCT_KEY_FOUND',
        'The Software Licensing Service reported that no product key was found on the system.',
      ],
      '0x4004F00C': ['SL_I_OOB', 'Informational.'],
    });
    expect(parseMessageHeader(sample.replace(/\r\n/g, '\n'))).toEqual(parseMessageHeader(sample));
  });

  it('adds the later SDK codes and sorts: the committed table is what the generator makes', () => {
    const made = slMessages('');
    expect(Object.keys(made)).toEqual(Object.keys(LATER_SDK).sort());
    for (const [code, entry] of Object.entries(LATER_SDK))
      expect(slTable.messages[code as keyof typeof slTable.messages]).toEqual(entry);
    const keys = Object.keys(slTable.messages);
    expect(keys).toEqual([...keys].sort());
    expect(readFileSync(new URL('../../src/data/sl-messages.json', import.meta.url), 'utf8')).toMatch(
      /Generated by src\/cli\/sl-messages\.ts/,
    );
  });
});
