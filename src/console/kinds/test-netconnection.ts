/**
 * Test-NetConnection output (or the collect command's TCP test, which prints the same properties): English
 * property names on every display language, warnings in English or Russian.
 */
import { commandHit } from '../commands.ts';
import { Sink, bool, first, formatList, port } from '../text.ts';
import type { Draft, Finished, Hit, Line, OutputKind } from '../types.ts';

const TNC_NAMES = new Set([
  'ComputerName',
  'RemoteAddress',
  'RemotePort',
  'NameResolutionResults',
  'MatchingIPsecRules',
  'NetworkIsolationContext',
  'IsAdmin',
  'InterfaceAlias',
  'InterfaceIndex',
  'InterfaceDescription',
  'SourceAddress',
  'NetRoute (NextHop)',
  'PingSucceeded',
  'PingReplyDetails (RTT)',
  'TcpTestSucceeded',
  'TraceRoute',
  'NameResolutionSucceeded',
]);

// The .NET port test: `(New-Object System.Net.Sockets.TcpClient('<host>', <port>)).Connected`.
const TCPCLIENT =
  /^\(New-Object\s+(?:System\.)?Net\.Sockets\.TcpClient\s?\(\s?['"]([^'"]{1,255})['"]\s?,\s?(\d{1,5})\s?\)\)\.Connected$/i;
// Its exception when the connection fails (refused, or no answer in time), as Windows PowerShell and
// PowerShell 7 print it; "No such host is known" is DNS's, no answer about the port.
const REFUSED =
  /^(?:New-Object ?:|MethodInvocationException:) Exception calling "\.ctor" with "2" argument\(s\): "(?:A connection attempt failed|No connection could be made)\b/;

// What a line can be in Test-NetConnection output; a warning of its own test may open a section.
function tncLine(line: Line): Hit | null {
  const t = line.norm;
  if (REFUSED.test(t))
    return { family: 'test-netconnection', key: 'refused', value: t, start: true, wrap: true };
  const warning = /^(?:WARNING|ПРЕДУПРЕЖДЕНИЕ): (.{1,1000})$/.exec(t);
  if (warning) {
    const message = warning[1]!.trim();
    const own = /^(?:TCP connect to|Ping to|Name resolution of)\b/i.test(message);
    return {
      family: 'test-netconnection',
      key: 'warning',
      value: message,
      start: own,
      repeat: true,
      wrap: true,
    };
  }
  const fl = formatList(t);
  if (fl && TNC_NAMES.has(fl.name))
    return { family: 'test-netconnection', key: fl.name, value: fl.value, start: true };
  return null;
}

function finishTnc(draft: Draft): Finished {
  const e = draft.entries;
  const s = new Sink('test-netconnection');
  const get = (k: string) => first(e, k);
  const cn = get('ComputerName');
  s.put('computerName', cn?.value, cn);
  const ra = get('RemoteAddress');
  s.put('remoteAddress', ra?.value, ra);
  const rp = get('RemotePort');
  s.put('remotePort', port(rp?.value), rp);
  const ping = get('PingSucceeded');
  s.put('pingSucceeded', bool(ping?.value), ping);
  const tcp = get('TcpTestSucceeded');
  s.put('tcpTestSucceeded', bool(tcp?.value), tcp);
  // The .NET test: its command names the host and port; True alone, or its exception, is the result.
  const client = get('command') && TCPCLIENT.exec(get('command')!.value);
  if (client) {
    s.put('computerName', client[1], get('command'));
    s.put('remotePort', port(client[2]), get('command'));
  }
  const connected = get('connected');
  const refused = get('refused');
  if (!tcp && refused) s.put('tcpTestSucceeded', false, refused);
  else if (!tcp && client && connected) s.put('tcpTestSucceeded', connected.value === 'True', connected);
  const warnings = e.filter((x) => x.key === 'warning');
  if (warnings.length)
    s.put(
      'warnings',
      warnings.map((w) => w.value),
      warnings[0],
    );
  return s.out;
}

/** Test-NetConnection, or the collect command's TCP test. */
export const TEST_NETCONNECTION: OutputKind = {
  id: 'test-netconnection',
  sections: ['test-netconnection'],
  facts: ['computerName', 'remoteAddress', 'remotePort', 'pingSucceeded', 'tcpTestSucceeded', 'warnings'],
  command: (text) =>
    /^(?:Test-NetConnection|tnc)(?:\s|$)/i.test(text) || TCPCLIENT.test(text)
      ? commandHit('test-netconnection', text)
      : null,
  line: tncLine,
  // Further properties (-InformationLevel Detailed) and list values continued on indented rows.
  free: (_draft, line) => {
    // The .NET test's result, and the rows PowerShell prints under its exception.
    if (line.norm === 'True' || line.norm === 'False')
      return { family: 'test-netconnection', key: 'connected', value: line.norm, start: false };
    if (/^(?:At line:\d{1,6} char:\d{1,6}|\+ .{1,600})$/.test(line.norm))
      return { family: 'test-netconnection', key: '+', value: line.norm, start: false, repeat: true };
    const fl = formatList(line.norm);
    if (fl) return { family: 'test-netconnection', key: fl.name, value: fl.value, start: false };
    return line.indent > 0
      ? { family: 'test-netconnection', key: '+', value: line.norm, start: false, repeat: true }
      : null;
  },
  finish: finishTnc,
};
