/**
 * Network checks: nslookup (English and Russian Windows), Resolve-DnsName in Format-List form,
 * and Test-NetConnection (or the collect command's TCP test, which prints the same properties).
 */
import { option, positional } from './commands.ts';
import { Sink, bool, first, formatList, isHost, last, port, uint } from './text.ts';
import type { Draft, Entry, Facts, Family, Finished, Hit, Line, SrvRecord } from './types.ts';

type Failure = NonNullable<Facts['dnsFailure']>;

function ns(key: string, value: string, start: boolean, repeat = true, command = false): Hit {
  return { family: 'nslookup', key, value, start, repeat, ...(command ? { command } : {}) };
}

// nslookup's reason words stay English on every display language.
function reason(text: string): Failure | undefined {
  const r = text.trim().replace(/\.$/, '').toLowerCase();
  if (r === 'non-existent domain') return 'not-found';
  if (r === 'server failed') return 'server-failure';
  if (r === 'no response from server' || r === 'timed out') return 'timeout';
  return undefined;
}

function stars(t: string): Hit | null {
  const body = t.replace(/^\*{3}\s{0,5}/, '');
  // Reverse lookups of the DNS server itself: noise, not the answer to the query.
  if (
    /^(?:Can't find server (?:name|address)\b|Can't find address for server\b|Default servers are not available|Не найден адрес для сервера(?:\s|$)|Не найдено имя сервера(?:\s|$))/i.test(
      body,
    )
  ) {
    return ns('serverNote', body, true);
  }
  if (/^(?:Request to \S{1,255} timed-out|Превышено время ожидания запроса(?:\s.{0,260})?)$/i.test(body)) {
    return ns('failure', 'timeout', true);
  }
  // "<server> can't find <name>: <reason>", or the same with a localized middle.
  const colon = body.lastIndexOf(': ');
  if (colon > 0) {
    const why = reason(body.slice(colon + 2));
    const name = /(\S{1,255})$/.exec(body.slice(0, colon))?.[1];
    if (why) return ns('failure', `${why} ${name ?? ''}`.trim(), true);
    if (/ can't find | не удается найти /i.test(body)) return ns('failure', '', true);
  }
  return null;
}

/** What a line can be in nslookup output. */
export function nslookupLine(line: Line): Hit | null {
  const t = line.norm;
  let m: RegExpExecArray | null;
  if ((m = /^> ?set (?:type|q|querytype)=([a-z]{1,10})$/i.exec(t)))
    return ns('set', m[1]!, true, false, true);
  if ((m = /^> ?([a-z0-9_][a-z0-9_.-]{0,253})$/i.exec(t)) && /[._]/.test(m[1]!)) {
    return ns('query', m[1]!, true, false);
  }
  if ((m = /^(?:Default Server|Server|Сервер по умолчанию|Сервер):\s{0,20}(\S{0,255})$/.exec(t))) {
    return ns('server', m[1]!, true, false);
  }
  if ((m = /^(?:Address|Адрес):\s{0,20}(\S{1,255})$/.exec(t))) return ns('address', m[1]!, false);
  if ((m = /^(?:Addresses|Адреса):\s{0,20}(\S{1,255})$/.exec(t))) return ns('addresses', m[1]!, false);
  // "Им :" is "Имя:" whose last letter became a no-break space in the CP866 mojibake.
  if ((m = /^(?:Name|Имя|Им ?):\s{0,20}(\S{1,255})$/.exec(t))) return ns('name', m[1]!, false);
  if ((m = /^(?:Aliases|Псевдонимы):\s{0,20}(\S{1,255})$/.exec(t))) return ns('aliases', m[1]!, false);
  if (/^(?:Non-authoritative answer|Не заслуживающий доверия ответ):$/i.test(t))
    return ns('nonAuth', '', true);
  if ((m = /^(\S{1,255})\s{1,40}SRV service location:$/i.exec(t))) return ns('srvHead', m[1]!, true);
  if ((m = /^(priority|weight|port|svr hostname)\s{0,20}=\s{0,20}(\S{1,255})$/i.exec(t))) {
    return ns(m[1]!.toLowerCase() === 'svr hostname' ? 'target' : m[1]!.toLowerCase(), m[2]!, false);
  }
  if ((m = /^(\S{1,255})\s{1,40}internet address = (\S{1,64})$/i.exec(t))) return ns('a', m[2]!, false);
  if (/^\S{1,255}\s{1,40}AAAA IPv6 address = \S{1,64}$/i.test(t)) return ns('aaaa', t, false);
  if (/^\S{1,255}\s{1,40}nameserver = \S{1,255}$/i.test(t)) return ns('ns', t, false);
  if (
    /^(?:primary name server|responsible mail addr|serial|refresh|retry|expire|default TTL)\s{0,20}=\s{0,20}\S/i.test(
      t,
    )
  ) {
    return ns('soa', t, false);
  }
  if (/^DNS request timed out\.?$/i.test(t)) return ns('timeout', '', true);
  if (/^timeout was \d{1,5} seconds?\.?$/i.test(t)) return ns('timeoutNote', '', false);
  if (t.startsWith('***')) return stars(t);
  return null;
}

function srvRecords(entries: readonly Entry[]): { records: SrvRecord[]; line?: Entry } {
  const records: SrvRecord[] = [];
  let line: Entry | undefined;
  let cur: Partial<SrvRecord> & { at?: Entry } = {};
  const flush = () => {
    const { target, port: p, priority, weight } = cur;
    if (target !== undefined && p !== undefined && priority !== undefined && weight !== undefined) {
      records.push({ target, port: p, priority, weight });
      line ??= cur.at;
    }
    cur = {};
  };
  for (const e of entries) {
    if (e.key === 'srvHead') flush();
    else if (e.key === 'priority') cur.priority = uint(e.value);
    else if (e.key === 'weight') cur.weight = uint(e.value);
    else if (e.key === 'port') cur.port = port(e.value);
    else if (e.key === 'target') {
      if (isHost(e.value)) cur.target = e.value;
      cur.at = e;
    }
  }
  flush();
  return line ? { records, line } : { records };
}

function finishNslookup(draft: Draft): Finished {
  const e = draft.entries;
  const s = new Sink('nslookup-srv');
  const cmd = first(e, 'command');
  if (cmd) {
    const type = option(cmd.value, ['type', 'q', 'querytype']);
    s.put('queryType', type && /^[a-z]{1,10}$/i.test(type) ? type.toLowerCase() : undefined, cmd);
    const name = positional(cmd.value)[0];
    s.put('query', name && isHost(name) ? name : undefined, cmd);
  }
  const set = first(e, 'set');
  s.put('queryType', set?.value.toLowerCase(), set);
  const q = first(e, 'query');
  s.put('query', q?.value, q);
  const server = first(e, 'server');
  s.put('server', server?.value || undefined, server);
  const afterServer = server ? e[e.indexOf(server) + 1] : undefined;
  if (afterServer?.key === 'address') s.put('serverAddress', afterServer.value, afterServer);
  const nonAuth = first(e, 'nonAuth');
  s.put('nonAuthoritative', nonAuth ? true : undefined, nonAuth);

  const { records, line } = srvRecords(e);
  if (records.length) s.put('srv', records, line);
  const head = first(e, 'srvHead');
  if (head && !s.out.facts.queryType) s.put('queryType', 'srv', head);
  if (head && !s.out.facts.query && isHost(head.value)) s.put('query', head.value, head);

  const answered =
    records.length > 0 || e.some((x) => ['srvHead', 'a', 'aaaa', 'ns', 'name'].includes(x.key));
  if (!answered) {
    const failure = last(e, 'failure');
    const timeout = first(e, 'timeout');
    const soa = first(e, 'soa');
    if (failure?.value) {
      const [why, name] = failure.value.split(' ') as [Failure, string | undefined];
      s.put('dnsFailure', why, failure);
      if (name && !s.out.facts.query && isHost(name)) s.put('query', name, failure);
    } else if (timeout) {
      s.put('dnsFailure', 'timeout', timeout);
    } else if (soa && s.out.facts.queryType === 'srv') {
      // An SOA in reply to an SRV query: the name exists but has no SRV record.
      s.put('dnsFailure', 'no-records', soa);
    }
  }
  return s.out;
}

/** nslookup: one section per query. */
export const NSLOOKUP: Family = {
  id: 'nslookup',
  // Continuation of "Addresses:", or the zone name printed above an SOA answer.
  free: (_draft, line) => (/^[\w.:%-]{1,255}$/.test(line.norm) ? ns('bare', line.norm, false) : null),
  finish: finishNslookup,
};

// ---- Resolve-DnsName | Format-List ----

const DNS_NAMES = new Set([
  'Name',
  'Type',
  'TTL',
  'Section',
  'NameTarget',
  'Priority',
  'Weight',
  'Port',
  'DataLength',
  'QueryType',
  'Address',
  'IPAddress',
  'IP4Address',
  'IP6Address',
  'NameHost',
  'PrimaryServer',
  'NameAdministrator',
  'SerialNumber',
  'TimeToZoneRefresh',
  'TimeToZoneFailureRetry',
  'TimeToExpiration',
  'DefaultTTL',
  'CharacterSet',
]);

/** What a line can be in Resolve-DnsName output (Format-List) or its error record. */
export function dnsLine(line: Line): Hit | null {
  const t = line.norm;
  const fl = formatList(t);
  // A record's Name is a DNS name; a product's (SoftwareLicensingProduct) is not.
  if (fl && DNS_NAMES.has(fl.name) && !(fl.name === 'Name' && !isHost(fl.value))) {
    const shared = fl.name === 'Name';
    return {
      family: 'dns',
      key: fl.name,
      value: fl.value,
      start: true,
      repeat: true,
      ...(shared ? { shared } : {}),
    };
  }
  // The default table: a header, a rule, then "name type ttl section data…" rows.
  if (/^Name {1,80}Type {1,20}TTL {1,20}Section\b/.test(t)) {
    return { family: 'dns', key: 'tableHead', value: '', start: true };
  }
  if (/^-{4} {1,80}-{4} {1,20}-{3} {1,20}-{7}(?: |$)/.test(t)) {
    return { family: 'dns', key: 'tableRule', value: '', start: false };
  }
  if (
    /^\S{1,255} {1,80}[A-Z]{1,10} {1,20}\d{1,10} {1,20}(?:Answer|Authority|Additional)(?: .{0,600})?$/.test(t)
  ) {
    return { family: 'dns', key: 'row', value: t, start: false, repeat: true };
  }
  let m: RegExpExecArray | null;
  if ((m = /^Resolve-DnsName : (\S{1,255}) : .{1,1000}$/.exec(t))) {
    return { family: 'dns', key: 'error', value: m[1]!, start: true };
  }
  if (
    (m = /^\+ FullyQualifiedErrorId\s{0,20}: (\S{1,300})$/.exec(t)) &&
    /ResolveDnsName|^DNS_|TIMEOUT/i.test(m[1]!)
  ) {
    return { family: 'dns', key: 'errorId', value: m[1]!, start: true };
  }
  return null;
}

function dnsFailure(errorId: string): Failure | undefined {
  const id = errorId.split(',')[0]!.toUpperCase();
  if (id === 'DNS_ERROR_RCODE_NAME_ERROR') return 'not-found';
  if (id === 'DNS_ERROR_RCODE_SERVER_FAILURE') return 'server-failure';
  if (id === 'DNS_INFO_NO_RECORDS') return 'no-records';
  if (id === 'ERROR_TIMEOUT' || id === 'WIN32 ERROR_TIMEOUT') return 'timeout';
  return undefined;
}

/** One DNS record, from a Format-List block or a table row. */
interface DnsRecord {
  name?: string;
  type?: string;
  section?: string;
  target?: string;
  priority?: string;
  weight?: string;
  port?: string;
  /** The row each value came from. */
  at: Entry;
  nameAt?: Entry;
}

function dnsRecords(entries: readonly Entry[]): DnsRecord[] {
  const records: DnsRecord[] = [];
  // Format-List: a property seen again starts the next record.
  let cur = new Map<string, Entry>();
  const flush = () => {
    if (!cur.size) return;
    const get = (k: string) => cur.get(k)?.value || undefined;
    const nameAt = cur.get('Name');
    records.push({
      name: get('Name'),
      type: get('Type')?.toUpperCase(),
      section: get('Section'),
      target: get('NameTarget'),
      priority: get('Priority'),
      weight: get('Weight'),
      port: get('Port'),
      at: cur.get('NameTarget') ?? cur.get('Type') ?? [...cur.values()][0]!,
      ...(nameAt ? { nameAt } : {}),
    });
    cur = new Map();
  };
  for (const x of entries) {
    if (x.key === 'row') {
      flush();
      const [name, type, , section, ...data] = x.value.split(/\s+/);
      const srv = type === 'SRV' ? data : [];
      records.push({
        name,
        type,
        section,
        target: srv[0],
        priority: srv[1],
        weight: srv[2],
        port: srv[3],
        at: x,
        nameAt: x,
      });
    } else if (DNS_NAMES.has(x.key)) {
      if (cur.has(x.key)) flush();
      cur.set(x.key, x);
    }
  }
  flush();
  return records;
}

function finishDns(draft: Draft): Finished {
  const e = draft.entries;
  const s = new Sink('dns-srv');
  const records = dnsRecords(e);
  const srv: SrvRecord[] = [];
  let srvLine: Entry | undefined;
  for (const r of records) {
    if (r.type !== 'SRV') continue;
    const target = r.target ?? '';
    const p = port(r.port);
    const priority = uint(r.priority);
    const weight = uint(r.weight);
    // Format-Table cuts long names with "...": such a name is not read.
    if (isHost(target) && p !== undefined && priority !== undefined && weight !== undefined) {
      srv.push({ target, port: p, priority, weight });
      srvLine ??= r.at;
    }
  }
  if (srv.length) s.put('srv', srv, srvLine);

  const cmd = first(e, 'command');
  const err = first(e, 'error');
  // The name asked for; an Authority record names the zone instead.
  const named = records.find((r) => r.name && isHost(r.name) && r.nameAt && r.section !== 'Authority');
  if (named) s.put('query', named.name, named.nameAt);
  else if (err && isHost(err.value)) s.put('query', err.value, err);
  else if (cmd) {
    const name = option(cmd.value, ['name']) ?? positional(cmd.value)[0];
    s.put('query', name && isHost(name) ? name : undefined, cmd);
  }
  const type = cmd ? option(cmd.value, ['type']) : undefined;
  if (cmd && type && /^[a-z]{1,10}$/i.test(type)) s.put('queryType', type.toLowerCase(), cmd);
  else if (srvLine) s.put('queryType', 'srv', srvLine);

  if (!srv.length) {
    const id = last(e, 'errorId');
    const soa = records.find((r) => r.type === 'SOA');
    if (id) s.put('dnsFailure', dnsFailure(id.value), id);
    // Only an SOA in the authority section: the name exists, with no record of the type asked.
    else if (soa && !records.some((r) => r.section === 'Answer')) s.put('dnsFailure', 'no-records', soa.at);
  }
  return s.out;
}

/** Resolve-DnsName (Format-List) and its error record. */
export const DNS: Family = {
  id: 'dns',
  // The rest of a PowerShell error record: "At line:1 char:1", "+ Resolve-DnsName …", "+ ~~~~".
  free: (_draft, line) =>
    /^(?:\+ |At line:\d|~{3})/.test(line.norm)
      ? { family: 'dns', key: 'psError', value: '', start: false, repeat: true }
      : null,
  finish: finishDns,
};

// ---- Test-NetConnection ----

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

/** What a line can be in Test-NetConnection output (English property names on every language). */
export function tncLine(line: Line): Hit | null {
  const t = line.norm;
  const warning = /^(?:WARNING|ПРЕДУПРЕЖДЕНИЕ): (.{1,1000})$/.exec(t);
  if (warning) {
    const message = warning[1]!.trim();
    const own = /^(?:TCP connect to|Ping to|Name resolution of)\b/i.test(message);
    return { family: 'tnc', key: 'warning', value: message, start: own, repeat: true, wrap: true };
  }
  const fl = formatList(t);
  if (fl && TNC_NAMES.has(fl.name)) return { family: 'tnc', key: fl.name, value: fl.value, start: true };
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
export const TNC: Family = {
  id: 'tnc',
  // Further properties (-InformationLevel Detailed) and list values continued on indented rows.
  free: (_draft, line) => {
    const fl = formatList(line.norm);
    if (fl) return { family: 'tnc', key: fl.name, value: fl.value, start: false };
    return line.indent > 0 ? { family: 'tnc', key: '+', value: line.norm, start: false, repeat: true } : null;
  },
  finish: finishTnc,
};
