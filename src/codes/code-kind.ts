/**
 * What kind of code an HRESULT is, read from its bits alone: a Software Licensing code, a Windows (Win32)
 * error wrapped as an HRESULT with its Windows error number, or a code of another Windows component.
 * Pure: no catalog, no messages, no language. Facts and their sources:
 * - the severity bit and the facility field ("Structure of COM Error Codes"; facility = bits 16–28, the
 *   HRESULT_FACILITY macro);
 * - 0x8007xxxx is HRESULT_FROM_WIN32 of the Windows error number in the low 16 bits (HRESULT_FROM_WIN32);
 * - 9000–9999 are DNS errors, 10000–11999 Windows Sockets errors ("System Error Codes (9000-11999)"),
 *   12000–12184 WinINet and WinHTTP errors ("System Error Codes (12000-15999)": 12000–12175 and 12001–12184);
 * - 0xC004xxxx are the Software Licensing Service's errors, their zone in bits 12–15 (slerror.h:
 *   0xB server, 0xC clearing house, 0xE service internal, 0xF client API); facility 0x3F is named
 *   FACILITY_WINDOWS_STORE (winerror.h, and slerror.h's own _FACILITY_WINDOWS_STORE).
 */
import { codeValue } from './typo.ts';

export { typoOf } from './typo.ts';

/** A part of the Software Licensing codes, as slerror.h names its zones. */
export type SlZone = 'server' | 'clearing-house' | 'internal' | 'client-api';

/** A range of Windows error numbers that one family of errors uses. */
export type Win32Range = 'dns' | 'winsock' | 'internet';

export type CodeKind =
  /** The Software Licensing Service's own error (0xC004xxxx). */
  | { kind: 'licensing'; zone?: SlZone }
  /** A Windows error number wrapped as an HRESULT (0x8007xxxx). */
  | { kind: 'win32'; number: number; range?: Win32Range }
  /** An error of another facility (component), with the facility's constant name where winerror.h gives one. */
  | { kind: 'other'; facility: number; name?: string }
  /** The severity bit is clear: a success or information code, not an error. */
  | { kind: 'success'; facility: number; name?: string };

/** Sources of each kind's facts, as ids of flows/sources.json. */
export const KIND_SOURCES: Readonly<Record<CodeKind['kind'] | Win32Range, readonly string[]>> = {
  licensing: ['sdk-slerror-h', 'ms-structure-of-com-error-codes'],
  win32: ['ms-hresult-from-win32', 'ms-system-error-codes'],
  dns: ['ms-hresult-from-win32', 'ms-system-error-codes-9000-11999'],
  winsock: ['ms-hresult-from-win32', 'ms-system-error-codes-9000-11999'],
  internet: ['ms-hresult-from-win32', 'ms-system-error-codes-12000-15999'],
  other: ['ms-structure-of-com-error-codes', 'ms-hresult-facility'],
  success: ['ms-structure-of-com-error-codes'],
};

const FACILITY_WIN32 = 7;
// The facilities an administrator may meet, with their winerror.h names (the HRESULT_FACILITY page's table).
const FACILITY_NAMES: ReadonlyMap<number, string> = new Map([
  [0, 'FACILITY_NULL'],
  [1, 'FACILITY_RPC'],
  [2, 'FACILITY_DISPATCH'],
  [3, 'FACILITY_STORAGE'],
  [4, 'FACILITY_ITF'],
  [7, 'FACILITY_WIN32'],
  [8, 'FACILITY_WINDOWS'],
  [9, 'FACILITY_SECURITY'],
  [10, 'FACILITY_CONTROL'],
  [11, 'FACILITY_CERT'],
  [12, 'FACILITY_INTERNET'],
  [15, 'FACILITY_SETUPAPI'],
  [25, 'FACILITY_HTTP'],
  [32, 'FACILITY_BACKGROUNDCOPY'],
  [36, 'FACILITY_WINDOWSUPDATE'],
  [63, 'FACILITY_WINDOWS_STORE'],
]);
const SL_ZONES: ReadonlyMap<number, SlZone> = new Map([
  [0xb, 'server'],
  [0xc, 'clearing-house'],
  [0xe, 'internal'],
  [0xf, 'client-api'],
]);

/** The range of Windows error numbers a number falls in, where a System Error Codes page names one. */
export function win32Range(n: number): Win32Range | undefined {
  if (n >= 9000 && n <= 9999) return 'dns';
  if (n >= 10000 && n <= 11999) return 'winsock';
  if (n >= 12000 && n <= 12184) return 'internet';
  return undefined;
}

/** What kind of code a canonical HRESULT is; undefined if it is not a canonical code. */
export function codeKind(code: string): CodeKind | undefined {
  const value = codeValue(code);
  if (value === undefined) return undefined;
  const facility = (value >>> 16) & 0x1fff;
  const name = FACILITY_NAMES.get(facility);
  if ((value & 0x80000000) === 0) return { kind: 'success', facility, ...(name ? { name } : {}) };
  if (value >>> 16 === 0xc004) {
    const zone = SL_ZONES.get((value >>> 12) & 0xf);
    return { kind: 'licensing', ...(zone ? { zone } : {}) };
  }
  if (value >>> 16 === 0x8000 + FACILITY_WIN32) {
    const number = value & 0xffff;
    const range = win32Range(number);
    return { kind: 'win32', number, ...(range ? { range } : {}) };
  }
  return { kind: 'other', facility, ...(name ? { name } : {}) };
}

/** The ids of the sources that say what a kind is. */
export function kindSources(kind: CodeKind): readonly string[] {
  return kind.kind === 'win32' && kind.range ? KIND_SOURCES[kind.range] : KIND_SOURCES[kind.kind];
}
