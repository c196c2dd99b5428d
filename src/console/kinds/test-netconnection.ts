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

// What a line can be in Test-NetConnection output; a warning of its own test may open a section.
function tncLine(line: Line): Hit | null {
  const t = line.norm;
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
    /^(?:Test-NetConnection|tnc)(?:\s|$)/i.test(text) ? commandHit('test-netconnection', text) : null,
  line: tncLine,
  // Further properties (-InformationLevel Detailed) and list values continued on indented rows.
  free: (_draft, line) => {
    const fl = formatList(line.norm);
    if (fl) return { family: 'test-netconnection', key: fl.name, value: fl.value, start: false };
    return line.indent > 0
      ? { family: 'test-netconnection', key: '+', value: line.norm, start: false, repeat: true }
      : null;
  },
  finish: finishTnc,
};
