/**
 * The firewall checks of a KMS host, in Format-List form: Get-NetConnectionProfile (InterfaceAlias,
 * NetworkCategory), Get-NetFirewallRule (Name or DisplayName, Enabled, Profile, Action, PolicyStoreSourceType,
 * and LocalPort / RemoteAddress from the port and address filters) and Get-NetFirewallProfile (Name, Enabled,
 * AllowInboundRules), in the layouts chosen by Format-List or the cmdlets' own default lists. Property names and
 * values are English on every display language.
 */
import { commandHit } from '../commands.ts';
import { Sink, bool, formatList } from '../text.ts';
import type { Draft, Entry, Finished, Hit, Line, OutputKind } from '../types.ts';

// Properties of these objects; Name is shared with other Format-List outputs (CIM) and decides nothing alone.
const OWN = new Set([
  'InterfaceAlias',
  'NetworkCategory',
  'IPv4Connectivity',
  'IPv6Connectivity',
  'InterfaceIndex',
  'Enabled',
  'Profile',
  'Action',
  'Direction',
  'PolicyStoreSourceType',
  'PolicyStoreSource',
  'LocalPort',
  'RemoteAddress',
  'AllowInboundRules',
  'DefaultInboundAction',
  'DefaultOutboundAction',
  'DisplayName',
]);
// The other properties of the cmdlets' default lists (Get-NetConnectionProfile, Get-NetFirewallRule,
// Get-NetFirewallProfile). Several are common words (Status, Group, Description): they only continue a list
// already read as these objects, never begin one.
const REST = new Set([
  'DomainAuthenticationKind',
  'Description',
  'DisplayGroup',
  'Group',
  'Platform',
  'EdgeTraversalPolicy',
  'LooseSourceMapping',
  'LocalOnlyMapping',
  'Owner',
  'PrimaryStatus',
  'Status',
  'EnforcementStatus',
  'RemoteDynamicKeywordAddresses',
  'AllowLocalFirewallRules',
  'AllowLocalIPsecRules',
  'AllowUserApps',
  'AllowUserPorts',
  'AllowUnicastResponseToMulticast',
  'NotifyOnListen',
  'EnableStealthModeForIPsec',
  'LogFileName',
  'LogMaxSizeKilobytes',
  'LogAllowed',
  'LogBlocked',
  'LogIgnored',
  'DisabledInterfaceAliases',
]);
// Rows that begin another object of the list.
const HEADS = new Set(['InterfaceAlias', 'Name', 'DisplayName']);
const PROFILES = ['Domain', 'Private', 'Public'] as const;

// What a line can be in these outputs.
function firewallLine(line: Line): Hit | null {
  const fl = formatList(line.norm);
  if (!fl) return null;
  if (fl.name === 'Name')
    return { family: 'netfirewall', key: 'Name', value: fl.value, start: true, repeat: true, shared: true };
  if (OWN.has(fl.name))
    return { family: 'netfirewall', key: fl.name, value: fl.value, start: true, repeat: true };
  return REST.has(fl.name)
    ? { family: 'netfirewall', key: fl.name, value: fl.value, start: false, repeat: true }
    : null;
}

/** One object of the list: its properties by name. */
type Item = Map<string, Entry>;

// Splits the rows into objects: a property already seen begins the next one, and so does a head row after
// the rows of another object (the default lists put heads together: "Name" then "DisplayName" of one rule,
// "Name" then "InterfaceAlias" of one connection profile).
function items(entries: readonly Entry[]): Item[] {
  const out: Item[] = [];
  let cur: Item | undefined;
  let body = false;
  for (const e of entries) {
    if (e.key === 'command' || e.key === 'error') continue;
    if (!cur || cur.has(e.key) || (HEADS.has(e.key) && body)) {
      out.push((cur = new Map()));
      body = false;
    }
    if (!HEADS.has(e.key)) body = true;
    cur.set(e.key, e);
  }
  return out;
}

// The firewall profile a connection profile's NetworkCategory is under (DomainAuthenticated is Domain).
function profileOf(category: string): (typeof PROFILES)[number] | undefined {
  const c = category.trim();
  if (c === 'DomainAuthenticated') return 'Domain';
  return c === 'Private' || c === 'Public' ? c : undefined;
}

// Whether a rule's Profile ("Any", "Domain, Private") covers a firewall profile.
function covers(profile: string, wanted: string): boolean {
  const parts = profile.split(/,\s*/).map((p) => p.trim());
  return parts.includes('Any') || parts.includes(wanted);
}

// Whether the pasted command line lists rules too (Get-NetFirewallRule after the profiles).
const askedRules = (draft: Draft): boolean =>
  draft.entries.some((x) => x.key === 'command' && /Get-NetFirewallRule/i.test(x.value));

// A PowerShell error record's rows: "Get-NetFirewallRule : Access is denied." (PowerShell 7 drops the
// space before the colon), "At line:1 char:96", and the "+ ..." rows under it.
const ERROR_HEAD = /^Get-Net[A-Za-z]{1,40} ?: .{1,600}$/;
const ERROR_REST = /^(?:At line:\d{1,6} char:\d{1,6}|\+ .{1,600}|\+)$/;

// Whether a query printed an error: an empty list then proves nothing, it may never have been read.
const failed = (draft: Draft): boolean => draft.entries.some((x) => x.key === 'error');

function finishFirewall(draft: Draft): Finished {
  const s = new Sink('netfirewall');
  const all = items(draft.entries);
  const cards = all.filter((i) => i.has('NetworkCategory'));
  const fwProfiles = all.filter(
    (i) =>
      i.has('AllowInboundRules') || (PROFILES.includes(i.get('Name')?.value as never) && !i.has('Profile')),
  );
  const rules = all.filter((i) => !cards.includes(i) && !fwProfiles.includes(i));

  // Check-firewall: for each card's profile, is an enabled rule on for it?
  const wanted = cards.map((c) => profileOf(c.get('NetworkCategory')!.value));
  if (cards.length && wanted.every((w) => w !== undefined)) {
    const enabled = rules.filter((r) => bool(r.get('Enabled')?.value) === true && r.has('Profile'));
    // A rule whose Enabled or Profile was not read decides nothing: its card stays unknown.
    const unread = rules.some((r) => bool(r.get('Enabled')?.value) === undefined || !r.has('Profile'));
    const on = wanted.map((w) => enabled.find((r) => covers(r.get('Profile')!.value, w!)));
    // No rule listed is No only where the pasted command shows the rules were asked for: a paste cut after
    // the profiles is no proof that none is on.
    const asked = rules.length > 0 || (askedRules(draft) && !failed(draft));
    if (on.every(Boolean)) s.put('firewallRuleOn', true, on[0]!.get('Enabled'));
    else if (asked && !unread && on.every((r) => !r))
      s.put('firewallRuleOn', false, cards[0]!.get('NetworkCategory'));
  }

  // Check-firewall-block: which profile the host is on is not in this paste, so every one of the three
  // has to be read and agree.
  const named = (n: string) => fwProfiles.filter((p) => p.get('Name')?.value === n);
  const three = PROFILES.map((n) => named(n)[0]);
  if (
    PROFILES.every((n) => named(n).length === 1) &&
    three.every((p) => bool(p?.get('Enabled')?.value) !== undefined)
  ) {
    const on = three.filter((p) => bool(p!.get('Enabled')!.value) === true) as Item[];
    const allow = (p: Item) => {
      const v = p.get('AllowInboundRules')?.value;
      return v === 'True' || v === 'NotConfigured' ? true : v === 'False' ? false : undefined;
    };
    const allows = on.map(allow);
    // The firewall off on every profile blocks nothing, Block rules or not.
    if (on.length === 0) s.put('firewallInboundOpen', true, three[0]!.get('Enabled'));
    // No is only where every profile is on and blocks all inbound: then the host's does too.
    else if (on.length === 3 && allows.every((a) => a === false))
      s.put('firewallInboundOpen', false, on[0]!.get('AllowInboundRules'));
    // No Block rule listed counts only where the pasted command shows they were asked for, and no
    // query printed an error (a refused Get-NetFirewallRule lists nothing either).
    else if (allows.every((a) => a === true) && rules.length === 0 && askedRules(draft) && !failed(draft))
      s.put('firewallInboundOpen', true, on[0]!.get('AllowInboundRules'));
  }
  return s.out;
}

/** Get-NetConnectionProfile, Get-NetFirewallRule and Get-NetFirewallProfile lists. */
export const NETFIREWALL: OutputKind = {
  id: 'netfirewall',
  sections: ['netfirewall'],
  facts: ['firewallRuleOn', 'firewallInboundOpen'],
  command: (text) =>
    // Not PowerShell 7's error head, "Get-NetFirewallRule: Access is denied.".
    /^Get-Net(?:ConnectionProfile|Firewall(?:Rule|Profile))(?=\s|\||$)/i.test(text)
      ? commandHit('netfirewall', text)
      : null,
  line: firewallLine,
  // An error record under the command: kept, so that the empty list after it is not read as none.
  free: (_draft, line) =>
    ERROR_HEAD.test(line.norm) || ERROR_REST.test(line.norm)
      ? { family: 'netfirewall', key: 'error', value: line.norm, start: false, repeat: true }
      : null,
  finish: finishFirewall,
};
