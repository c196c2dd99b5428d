/**
 * The firewall checks of a KMS host, in Format-List form: Get-NetConnectionProfile (InterfaceAlias,
 * NetworkCategory), Get-NetFirewallRule (Name or DisplayName, Enabled, Profile, Action, PolicyStoreSourceType,
 * and LocalPort / RemoteAddress from the port and address filters) and Get-NetFirewallProfile (Name, Enabled,
 * AllowInboundRules). Property names and values are English on every display language.
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
// Rows that begin another object of the list.
const HEADS = new Set(['InterfaceAlias', 'Name', 'DisplayName']);
const PROFILES = ['Domain', 'Private', 'Public'] as const;

// What a line can be in these outputs.
function firewallLine(line: Line): Hit | null {
  const fl = formatList(line.norm);
  if (!fl) return null;
  if (fl.name === 'Name')
    return { family: 'netfirewall', key: 'Name', value: fl.value, start: true, repeat: true, shared: true };
  return OWN.has(fl.name)
    ? { family: 'netfirewall', key: fl.name, value: fl.value, start: true, repeat: true }
    : null;
}

/** One object of the list: its properties by name. */
type Item = Map<string, Entry>;

// Splits the rows into objects: a head row, or a property already seen, begins the next one.
function items(entries: readonly Entry[]): Item[] {
  const out: Item[] = [];
  let cur: Item | undefined;
  for (const e of entries) {
    if (e.key === 'command') continue;
    if (!cur || cur.has(e.key) || (HEADS.has(e.key) && cur.size > 0)) out.push((cur = new Map()));
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
    const asked = rules.length > 0 || askedRules(draft);
    if (on.every(Boolean)) s.put('firewallRuleOn', true, on[0]!.get('Enabled'));
    else if (asked && !unread && on.every((r) => !r))
      s.put('firewallRuleOn', false, cards[0]!.get('NetworkCategory'));
  }

  // Check-firewall-block: the profiles on, and the Block rules listed.
  const on = fwProfiles.filter((p) => bool(p.get('Enabled')?.value) === true);
  const allow = (p: Item) => {
    const v = p.get('AllowInboundRules')?.value;
    return v === 'True' || v === 'NotConfigured' ? true : v === 'False' ? false : undefined;
  };
  if (on.length && fwProfiles.every((p) => bool(p.get('Enabled')?.value) !== undefined)) {
    const allows = on.map(allow);
    if (allows.every((a) => a === false))
      s.put('firewallInboundOpen', false, on[0]!.get('AllowInboundRules'));
    // No Block rule listed counts only where the pasted command shows they were asked for.
    else if (allows.every((a) => a === true) && rules.length === 0 && askedRules(draft))
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
    /^Get-Net(?:ConnectionProfile|Firewall(?:Rule|Profile))\b/i.test(text)
      ? commandHit('netfirewall', text)
      : null,
  line: firewallLine,
  finish: finishFirewall,
};
