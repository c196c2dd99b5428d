/**
 * ipconfig /all, English and Russian Windows: the primary DNS suffix, the suffix search list, and each
 * adapter's connection-specific suffix, DNS servers (continued on indented rows) and IPv4 address. Every
 * other "Label . . . : value" row is read as part of the output and left alone.
 */
import { commandHit } from '../commands.ts';
import { Sink, first, isHost, isIp } from '../text.ts';
import { plainAddress } from '../fact-rules.ts';
import type { Draft, Entry, Finished, Hit, Line, OutputKind } from '../types.ts';

function hit(key: string, value: string, start: boolean): Hit {
  return { family: 'ipconfig', key, value, start, repeat: true };
}

// Labels as English and Russian ipconfig print them (the Russian ones from published captures).
const LABELS: ReadonlyArray<[RegExp, string]> = [
  [/^(?:Primary Dns Suffix|Основной DNS-суффикс)$/i, 'primary'],
  [/^(?:DNS Suffix Search List|Порядок просмотра суффиксов DNS)$/i, 'search'],
  [/^(?:Connection-specific DNS Suffix|DNS-суффикс подключения)$/i, 'suffix'],
  [/^(?:DNS Servers|DNS-серверы)$/i, 'dns'],
  [/^(?:IPv4 Address|IPv4-адрес)$/i, 'ipv4'],
  [/^(?:Host Name|Имя компьютера)$/i, 'host'],
  [/^(?:NetBIOS over Tcpip|NetBios через TCP\/IP)$/i, 'netbios'],
];

// "Label . . . . . : value": the label, dots (padded with spaces) and a colon; the value may be empty.
const ROW = /^([^.:]{2,60}?)\s{0,4}(?:\.\s?){1,40}\s{0,4}:(?:\s{1,4}(.{0,300}))?$/;

// What a line can be in ipconfig /all output: its banner, an adapter's header, a labelled row.
function ipconfigLine(line: Line): Hit | null {
  const t = line.norm;
  if (/^(?:Windows IP Configuration|Настройка протокола IP для Windows)$/.test(t))
    return hit('banner', t, true);
  // "Ethernet adapter Ethernet:", "Wireless LAN adapter Wi-Fi:", "Адаптер Ethernet Ethernet:", "Неизвестный адаптер …:".
  if (/^(?:\S.{0,60} adapter \S.{0,200}|(?:\S.{0,40} )?[Аа]даптер \S.{0,200}):$/.test(t))
    return hit('adapter', t, true);
  const m = ROW.exec(t);
  if (!m) return null;
  const label = m[1]!.trim();
  for (const [re, key] of LABELS)
    if (re.test(label)) return hit(key, (m[2] ?? '').trim(), key === 'host' || key === 'primary');
  return null;
}

// An address as ipconfig prints it: "10.0.0.5(Preferred)", "fe80::1%6(Основной)", "fec0:0:0:ffff::1%1".
function addressOf(value: string): string | undefined {
  const bare = plainAddress(value.replace(/\([^()]{1,30}\)$/, '').trim());
  return isIp(bare) ? bare : undefined;
}

// fec0:0:0:ffff::1, ::2 and ::3: what Windows lists with IPv6 on and no DNS server set, not servers.
const PLACEHOLDER = /^fec0:0:0:ffff::[123]$/i;

// A row's value and the indented rows that continue it (DNS servers, the search list).
const values = (e: Entry): string[] => [e.value, ...e.more].map((v) => v.trim()).filter(Boolean);

function finishIpconfig(draft: Draft): Finished {
  const s = new Sink('ipconfig');
  const e = draft.entries;
  const primary = first(e, 'primary');
  s.put('primaryDnsSuffix', primary?.value || undefined, primary);
  const suffixes: string[] = [];
  let suffixAt: Entry | undefined;
  for (const x of e.filter((x) => x.key === 'search' || x.key === 'suffix'))
    for (const v of values(x))
      if (isHost(v) && !suffixes.some((s) => s.toLowerCase() === v.toLowerCase())) {
        suffixes.push(v);
        suffixAt ??= x;
      }
  if (suffixes.length) s.put('dnsSuffixes', suffixes, suffixAt);
  const servers: string[] = [];
  const dns = e.filter((x) => x.key === 'dns');
  // Whether every DNS Servers row lists only Windows' IPv6 placeholders: no server is configured there.
  let placeholdersOnly = true;
  for (const x of dns)
    for (const v of values(x)) {
      const a = addressOf(v);
      if (a && PLACEHOLDER.test(a)) continue;
      placeholdersOnly = false;
      if (a && !servers.includes(a)) servers.push(a);
    }
  if (servers.length) s.put('dnsServers', servers, dns[0]);
  const v4 = e.filter((x) => x.key === 'ipv4');
  const addresses = v4.map((x) => addressOf(x.value)).filter((a): a is string => a !== undefined);
  if (addresses.length) s.put('ipv4Addresses', addresses, v4[0]);
  // None listed counts only where an adapter with an address was read to its last row (NetBIOS over Tcpip,
  // printed after DNS Servers): a paste cut before it is no proof of none.
  const whole = v4.some((x) => e.slice(e.indexOf(x)).some((y) => y.key === 'netbios'));
  if (servers.length) s.put('dnsServerCount', servers.length, dns[0]);
  else if (placeholdersOnly && addresses.length && whole) s.put('dnsServerCount', 0, v4[0]);
  return s.out;
}

/** ipconfig /all. */
export const IPCONFIG: OutputKind = {
  id: 'ipconfig',
  sections: ['ipconfig'],
  facts: ['primaryDnsSuffix', 'dnsSuffixes', 'dnsServers', 'dnsServerCount', 'ipv4Addresses'],
  command: (text) => (/^ipconfig(?:\.exe)?(?:\s|$)/i.test(text) ? commandHit('ipconfig', text) : null),
  line: ipconfigLine,
  // Any other labelled row belongs to the output; a bare value continues the row above it (indented as
  // printed, or flush-left where a web page dropped the indent).
  free: (_draft, line) => {
    if (ROW.test(line.norm)) return hit('other', line.norm, false);
    return /^[\w.:%()-]{1,255}$/.test(line.norm)
      ? { family: 'ipconfig', key: '+', value: line.norm, start: false, repeat: true }
      : null;
  },
  finish: finishIpconfig,
};
