/**
 * nslookup output, English and Russian Windows (interactive or one command): the server, the answer's
 * SRV records, or how the lookup failed.
 */
import { commandHit, option, positional } from '../commands.ts';
import { Sink, first, isHost, last, port, uint } from '../text.ts';
import type { Draft, Entry, Facts, Finished, Hit, Line, OutputKind, SrvRecord } from '../types.ts';

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

// What a line can be in nslookup output; "> set type=srv" is a command of its own.
function nslookupLine(line: Line): Hit | null {
  const t = line.norm;
  let m: RegExpExecArray | null;
  // Interactive nslookup: "set type=" holds for every query after it, so it travels as the sections' hint.
  if ((m = /^> ?set (?:type|q|querytype)=([a-z]{1,10})$/i.exec(t)))
    return { ...ns('set', m[1]!, true), hint: m[1]!.toLowerCase() };
  // Each query at the prompt is a section of its own, as is each change of server.
  if ((m = /^> ?([a-z0-9_][a-z0-9_.-]{0,253})$/i.exec(t)) && /[._]/.test(m[1]!)) {
    return { ...ns('query', m[1]!, true, false), first: true };
  }
  if ((m = /^> ?(?:l?server (\S{1,255})|root)$/i.exec(t))) {
    return { ...ns('serverCommand', m[1] ?? 'root', true, false), first: true };
  }
  if (/^> ?exit$/i.test(t)) return { ...ns('exit', '', false), noise: true };
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

// A name as DNS compares it: any case, the root's trailing dot left off.
const dnsName = (n: string): string => n.toLowerCase().replace(/\.$/, '');

// Whether the answer's Name is the name asked, not one with a DNS suffix appended ("kms01.contoso.com" asked,
// "kms01.contoso.com.contoso.com" answered by a wildcard record). A short name asked gets the suffix it
// was found under; an alias asked is answered under its canonical name, with the alias under Aliases.
function answersQuery(e: readonly Entry[], name: Entry, query: string | undefined): boolean {
  if (!query) return false;
  const q = dnsName(query);
  const got = dnsName(name.value);
  if (got === q || (!q.includes('.') && got.startsWith(`${q}.`))) return true;
  const from = e.findIndex((x) => x.key === 'aliases');
  if (from < 0) return false;
  const aliases: string[] = [];
  for (const x of e.slice(from)) {
    if (x.key !== 'aliases' && x.key !== 'bare') break;
    aliases.push(dnsName(x.value));
  }
  return aliases.includes(q);
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
  // A row that only sets the type, with nothing asked after it, is no section.
  if (e.every((x) => x.key === 'set')) return s.out;
  // The type set at the prompt is a query's: the server banner it follows asks nothing.
  const set = first(e, 'set');
  const asked = e.some((x) => ['query', 'srvHead', 'failure', 'timeout', 'soa'].includes(x.key));
  if (asked) s.put('queryType', set?.value.toLowerCase(), set);
  // A query at the prompt after "set type=": the type set before it.
  const q0 = first(e, 'query');
  if (!s.out.facts.queryType && q0 && draft.hint && /^[a-z]{1,10}$/.test(draft.hint))
    s.put('queryType', draft.hint, q0);
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
  // A name's address: "Address:" or "Addresses:" after the answer's "Name:" (the server's own comes before),
  // in an address lookup only: an SRV or NS answer's addresses are its targets'.
  const type = s.out.facts.queryType;
  const name = first(e, 'name');
  const after = name ? e.slice(e.indexOf(name) + 1) : [];
  const address = after.find((x) => x.key === 'address' || x.key === 'addresses');
  // No type given is an address lookup, unless the name is a service's (_vlmcs._tcp…), looked up for SRV.
  const lookup = () =>
    type === 'a' || type === 'aaaa' || (type === undefined && !s.out.facts.query?.startsWith('_'));
  if (address && lookup() && answersQuery(e, name!, s.out.facts.query)) s.put('resolved', true, address);
  if (!answered) {
    const failure = last(e, 'failure');
    const timeout = first(e, 'timeout');
    const soa = first(e, 'soa');
    if (failure?.value) {
      const [why, name] = failure.value.split(' ') as [Failure, string | undefined];
      s.put('dnsFailure', why, failure);
      if (name && !s.out.facts.query && isHost(name)) s.put('query', name, failure);
      if (lookup()) s.put('resolved', false, failure);
    } else if (timeout) {
      s.put('dnsFailure', 'timeout', timeout);
      if (lookup()) s.put('resolved', false, timeout);
    } else if (soa && s.out.facts.queryType === 'srv') {
      // An SOA in reply to an SRV query: the name exists but has no SRV record.
      s.put('dnsFailure', 'no-records', soa);
    }
  }
  return s.out;
}

/** nslookup: one section per query. */
export const NSLOOKUP: OutputKind = {
  id: 'nslookup',
  sections: ['nslookup-srv'],
  facts: [
    'queryType',
    'query',
    'server',
    'serverAddress',
    'nonAuthoritative',
    'srv',
    'dnsFailure',
    'resolved',
  ],
  command: (text) => (/^nslookup(?:\.exe)?(?:\s|$)/i.test(text) ? commandHit('nslookup', text) : null),
  line: nslookupLine,
  quiet: ['set'],
  // Continuation of "Addresses:", or the zone name printed above an SOA answer.
  free: (_draft, line) => (/^[\w.:%-]{1,255}$/.test(line.norm) ? ns('bare', line.norm, false) : null),
  finish: finishNslookup,
};
