/**
 * From facts read out of pasted console output to where troubleshooting should start: the error code
 * when one was printed, else the first check the facts already answer. Pure; every conclusion names the
 * line it rests on.
 */
import type { KnownFacts } from './facts.ts';
import type { FactName } from '../console/types.ts';
import type { CatalogEntry } from '../flow-format/schema.ts';

/** Why a session should start where it does. */
export type Finding =
  'error-code' | 'port-closed' | 'no-srv-record' | 'dns-unreachable' | 'clock-off' | 'count-low';

export interface Diagnosis {
  finding: Finding;
  /** The catalog entry of a printed error code. */
  entry?: CatalogEntry;
  /** Where to start. */
  flow: string;
  node: string;
  /** The facts the finding rests on, each with its line. */
  evidence: Array<{ fact: FactName; line: string }>;
}

// Four hours, in seconds: KMS refuses requests from a clock further off than that.
const MAX_SKEW_SECONDS = 4 * 3600;
// The smallest count that activates anything (servers); clients need 25.
const SERVER_THRESHOLD = 5;

/** The codes facts carry, most telling first: an slmgr error, a notification reason, an event's result. */
const CODE_FACTS: readonly FactName[] = ['errorCode', 'notificationReason', 'licenseStatusReason'];

/** Where the facts say troubleshooting should start, or undefined when they point nowhere in particular. */
export function diagnose(facts: KnownFacts, catalog: readonly CatalogEntry[]): Diagnosis | undefined {
  const cite = (...names: FactName[]) =>
    names.flatMap((fact) => (facts[fact] ? [{ fact, line: facts[fact].line }] : []));
  for (const fact of CODE_FACTS) {
    const code = facts[fact]?.value;
    if (typeof code !== 'string' || code === '0x00000000') continue;
    const entry = catalog.find((e) => e.code === code);
    if (entry)
      return { finding: 'error-code', entry, flow: entry.flow, node: entry.node, evidence: cite(fact) };
  }
  if (facts.tcpTestSucceeded?.value === false)
    return {
      finding: 'port-closed',
      flow: 'kms-connect',
      node: 'host-service',
      evidence: cite('tcpTestSucceeded'),
    };
  const dns = facts.dnsFailure?.value;
  if (dns === 'not-found' || dns === 'no-records')
    return { finding: 'no-srv-record', flow: 'kms-dns', node: 'check-suffix', evidence: cite('dnsFailure') };
  if (dns === 'timeout' || dns === 'server-failure')
    return { finding: 'dns-unreachable', flow: 'kms-dns', node: 'dns-servers', evidence: cite('dnsFailure') };
  const offset = facts.offsetSeconds?.value;
  if (typeof offset === 'number' && Math.abs(offset) >= MAX_SKEW_SECONDS)
    return { finding: 'clock-off', flow: 'time-sync', node: 'which-clock', evidence: cite('offsetSeconds') };
  const count = facts.currentCount?.value;
  if (typeof count === 'number' && count < SERVER_THRESHOLD)
    return { finding: 'count-low', flow: 'kms-count', node: 'start', evidence: cite('currentCount') };
  return undefined;
}
