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
  | 'error-code'
  | 'port-closed'
  | 'no-srv-record'
  | 'dns-unreachable'
  | 'clock-off'
  | 'count-low'
  | 'evaluation'
  | 'clock-unsynced'
  | 'ntp-timeout'
  /** Healthy output: nothing to start, said so with the lines that show it. */
  | 'activated'
  | 'port-open'
  | 'clock-ok'
  /** Office's own output (ospp.vbs): its steps read it. */
  | 'office'
  | 'office-activated';

/** The findings that say the output is healthy: they lead to no step. */
export const HEALTHY: readonly Finding[] = ['activated', 'port-open', 'clock-ok', 'office-activated'];

export interface Diagnosis {
  finding: Finding;
  /** The catalog entry of a printed error code. */
  entry?: CatalogEntry;
  /** Where to start; none for healthy output. */
  flow?: string;
  node?: string;
  /** The facts the finding rests on, each with its line. */
  evidence: Array<{ fact: FactName; line: string }>;
}

// Four hours, in seconds: KMS refuses requests from a clock further off than that.
const MAX_SKEW_SECONDS = 4 * 3600;
// ERROR_TIMEOUT as w32tm /stripchart prints it for a sample no NTP server answered.
const NTP_TIMEOUT = '0x800705B4';
// w32tm's Source line when the clock follows no time server.
const FREE_RUNNING = /^(?:Local CMOS Clock|Free-running System Clock)$/i;
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
  // A port test speaks of the KMS host only when it tested the KMS port (the host's, else 1688).
  const tested = facts.remotePort?.value;
  const kmsPort = typeof facts.kmsPort?.value === 'number' ? facts.kmsPort.value : 1688;
  const tcp = tested === undefined || tested === kmsPort ? facts.tcpTestSucceeded?.value : undefined;
  if (tcp === false)
    return {
      finding: 'port-closed',
      flow: 'kms-connect',
      node: 'host-service',
      evidence: cite('tcpTestSucceeded'),
    };
  // A lookup that failed in one suffix says nothing once another answered with records.
  const records = facts.srv?.value;
  const dns = Array.isArray(records) && records.length ? undefined : facts.dnsFailure?.value;
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
  // An evaluation edition runs on its grace period and never takes a KMS or MAK key as it is.
  const channel = facts.channel?.value;
  if (typeof channel === 'string' && /TIMEBASED_EVAL/i.test(channel))
    return {
      finding: 'evaluation',
      flow: 'no-code',
      node: 'evaluation',
      evidence: cite('channel', 'licenseStatus'),
    };
  // w32tm's sample timed out: the KMS host's NTP is out of reach, so compare the clocks by hand.
  if (facts.errorCode?.value === NTP_TIMEOUT && facts.target)
    return { finding: 'ntp-timeout', flow: 'time-sync', node: 'utc-both', evidence: cite('errorCode') };
  // w32tm /query /status: leap indicator 3 (not synchronized), or a clock that follows nothing but itself.
  const source = facts.timeSource?.value;
  const unsynced = facts.leapIndicator?.value === 3;
  const freeRunning = typeof source === 'string' && FREE_RUNNING.test(source);
  if (unsynced || freeRunning)
    return {
      finding: 'clock-unsynced',
      flow: 'time-sync',
      node: 'start',
      evidence: cite(
        ...(unsynced ? ['leapIndicator' as const] : []),
        ...(freeRunning ? ['timeSource' as const] : []),
      ),
    };
  // Healthy output says so, most telling first, with every line that shows health.
  const offsetOk = typeof offset === 'number' && Math.abs(offset) < MAX_SKEW_SECONDS;
  const healthy = [
    ...(facts.licenseStatus?.value === 'licensed' ? cite('licenseStatus', 'kmsHost') : []),
    ...(tcp === true ? cite('tcpTestSucceeded') : []),
    ...(offsetOk ? cite('offsetSeconds') : []),
  ];
  if (facts.licenseStatus?.value === 'licensed') return { finding: 'activated', evidence: healthy };
  if (tcp === true) return { finding: 'port-open', evidence: healthy };
  if (offsetOk) return { finding: 'clock-ok', evidence: healthy };
  return undefined;
}

/**
 * Where facts read from Office's own output (ospp.vbs) say to start: nowhere when Office is licensed, else
 * the Office steps, whose questions the facts answer. Never a Windows step: Office's codes mean Office's.
 */
export function diagnoseOffice(facts: KnownFacts): Diagnosis {
  const cite = (...names: FactName[]) =>
    names.flatMap((fact) => (facts[fact] ? [{ fact, line: facts[fact].line }] : []));
  if (facts.licenseStatus?.value === 'licensed' || facts.activated?.value === true)
    return { finding: 'office-activated', evidence: cite('licenseStatus', 'activated') };
  return { finding: 'office', flow: 'office', node: 'start', evidence: cite('licenseStatus', 'errorCode') };
}
