/**
 * Resolve-DnsName output: Format-List records (the collect command's), the default table, and PowerShell's
 * error record, whose FullyQualifiedErrorId no display language translates.
 */
import { commandHit, option, positional } from '../commands.ts';
import { Sink, formatList, first, isHost, last, port, uint } from '../text.ts';
import type { Draft, Entry, Facts, Finished, Hit, Line, OutputKind, SrvRecord } from '../types.ts';

type Failure = NonNullable<Facts['dnsFailure']>;

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

// What a line can be in Resolve-DnsName output (Format-List or table) or its error record.
function dnsLine(line: Line): Hit | null {
  const t = line.norm;
  const fl = formatList(t);
  // A record's Name is a DNS name; a product's (SoftwareLicensingProduct) is not.
  if (fl && DNS_NAMES.has(fl.name) && !(fl.name === 'Name' && !isHost(fl.value))) {
    const shared = fl.name === 'Name';
    return {
      family: 'resolve-dnsname',
      key: fl.name,
      value: fl.value,
      start: true,
      repeat: true,
      ...(shared ? { shared } : {}),
    };
  }
  // The default table: a header, a rule, then "name type ttl section data…" rows.
  if (/^Name {1,80}Type {1,20}TTL {1,20}Section\b/.test(t)) {
    return { family: 'resolve-dnsname', key: 'tableHead', value: '', start: true };
  }
  if (/^-{4} {1,80}-{4} {1,20}-{3} {1,20}-{7}(?: |$)/.test(t)) {
    return { family: 'resolve-dnsname', key: 'tableRule', value: '', start: false };
  }
  if (
    /^\S{1,255} {1,80}[A-Z]{1,10} {1,20}\d{1,10} {1,20}(?:Answer|Authority|Additional)(?: .{0,600})?$/.test(t)
  ) {
    return { family: 'resolve-dnsname', key: 'row', value: t, start: false, repeat: true };
  }
  let m: RegExpExecArray | null;
  if ((m = /^Resolve-DnsName : (\S{1,255}) : .{1,1000}$/.exec(t))) {
    return { family: 'resolve-dnsname', key: 'error', value: m[1]!, start: true };
  }
  if (
    (m = /^\+ FullyQualifiedErrorId\s{0,20}: (\S{1,300})$/.exec(t)) &&
    /ResolveDnsName|^DNS_|TIMEOUT/i.test(m[1]!)
  ) {
    return { family: 'resolve-dnsname', key: 'errorId', value: m[1]!, start: true };
  }
  return null;
}

function dnsFailure(errorId: string): Failure | undefined {
  const id = errorId.split(',')[0]!.toUpperCase();
  if (id === 'DNS_ERROR_RCODE_NAME_ERROR') return 'not-found';
  // Windows PowerShell prints both forms (RCODE_SERVER_FAILURE in a paste from microsoft/terminal#14447).
  if (id === 'DNS_ERROR_RCODE_SERVER_FAILURE' || id === 'RCODE_SERVER_FAILURE') return 'server-failure';
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

  // The command line, or the error record's copy of it ("+ Resolve-DnsName -Type txt …") where none was pasted.
  const cmd = first(e, 'command') ?? first(e, 'echo');
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

/** Resolve-DnsName (Format-List or table) and its error record. */
export const RESOLVE_DNSNAME: OutputKind = {
  id: 'resolve-dnsname',
  sections: ['dns-srv'],
  facts: ['srv', 'query', 'queryType', 'dnsFailure'],
  command: (text) => (/^Resolve-DnsName(?:\s|$)/i.test(text) ? commandHit('resolve-dnsname', text) : null),
  line: dnsLine,
  // The rest of a PowerShell error record: "At line:1 char:1", "+ Resolve-DnsName …", "+ ~~~~". The copy of the
  // command is kept when it is shorter than a console row: a longer one may be cut.
  free: (_draft, line) => {
    const t = line.norm;
    if (/^\+ Resolve-DnsName\s/i.test(t) && line.width < 79)
      return { family: 'resolve-dnsname', key: 'echo', value: t.slice(2), start: false };
    return /^(?:\+ |At line:\d|~{3})/.test(t)
      ? { family: 'resolve-dnsname', key: 'psError', value: '', start: false, repeat: true }
      : null;
  },
  finish: finishDns,
};
