import { describe, expect, it } from 'vitest';
import { diagnose, diagnoseOffice } from '../../src/flow/diagnose.ts';
import { findNode } from '../../src/flow/engine.ts';
import { factsOf } from '../../src/flow/facts.ts';
import { readConsole } from '../../src/console/reader.ts';
import { sampleText } from '../support/console-samples.ts';
import { loadChecked } from '../support/flows.ts';

const { flows, catalog } = loadChecked('flows');
const of = (text: string) => diagnose(factsOf(readConsole(text).sections), catalog.codes);

describe('diagnose: from pasted output to where to start', () => {
  it('starts at the code page entry of a printed error code, citing its line', () => {
    const d = of(sampleText('slmgr-ato-error-0xc004f074-en-1.txt'));
    expect(d).toMatchObject({
      finding: 'error-code',
      flow: 'office',
      node: 'windows-or-office-074',
      entry: { code: '0xC004F074' },
    });
    expect(d?.evidence[0]?.line).toMatch(/^Error: 0xC004F074/);
    expect(of(sampleText('event-12288-kms-client-en-1.txt'))?.entry?.code).toBe('0xC004F06C');
  });
  it('reads the failing check when there is no code: port, DNS record, DNS server, clock, count', () => {
    expect(of(sampleText('tnc-1688-failure-en-1.txt'))).toMatchObject({
      finding: 'port-closed',
      flow: 'kms-connect',
    });
    // A test of another port says nothing of the KMS host's; with the host's own port known, that port does.
    const other = sampleText('tnc-3001-failure-ru-1.txt');
    expect(of(other)?.finding).not.toBe('port-closed');
    expect(of(`${other}\n\nKMS machine name from DNS: kms01.contoso.com:3001`)?.finding).toBe('port-closed');
    expect(of(sampleText('nslookup-srv-vlmcs-nxdomain-ru-constructed.txt'))).toMatchObject({
      finding: 'no-srv-record',
    });
    expect(of(sampleText('nslookup-failure-ru-1.txt'))?.finding).toBe('dns-unreachable');
    expect(of('Tracking kms01 [10.0.0.5:123].\n14:18:09, +18000.0349344s')).toMatchObject({
      finding: 'clock-off',
    });
    expect(of(sampleText('slmgr-dli-kms-host-en-1.txt'))).toMatchObject({
      finding: 'count-low',
      flow: 'kms-count',
    });
  });
  it('names an evaluation edition, a clock that follows no time server and a time query no host answered', () => {
    expect(of(sampleText('slmgr-dli-eval-grace-en-1.txt'))).toMatchObject({
      finding: 'evaluation',
      flow: 'no-code',
      node: 'evaluation',
    });
    const status = sampleText('w32tm-query-status-en-1.txt');
    expect(of(status.replace(/^Source: .*$/m, 'Source: Local CMOS Clock'))).toMatchObject({
      finding: 'clock-unsynced',
      flow: 'time-sync',
      evidence: [{ fact: 'timeSource', line: 'Source: Local CMOS Clock' }],
    });
    expect(of(status.replace(/^Leap Indicator: .*$/m, 'Leap Indicator: 3(not synchronized)'))?.finding).toBe(
      'clock-unsynced',
    );
    // Synchronized with a domain controller: nothing wrong, and nothing said about it either.
    expect(of(status)).toBeUndefined();
    expect(of('Tracking kms01 [10.0.0.5:123].\n09:57:30, error: 0x800705B4')).toMatchObject({
      finding: 'ntp-timeout',
      flow: 'time-sync',
      node: 'utc-both',
    });
  });
  it('says what healthy output means, with the lines that show it, and leads nowhere', () => {
    const activated = of(sampleText('slmgr-dli-kms-client-en-1.txt'));
    expect(activated).toMatchObject({ finding: 'activated' });
    expect(activated?.flow).toBeUndefined();
    expect(activated?.evidence.map((e) => e.fact)).toContain('licenseStatus');
    expect(of(sampleText('tnc-1688-success-en-1.txt'))).toMatchObject({
      finding: 'port-open',
      evidence: [{ fact: 'tcpTestSucceeded' }],
    });
    expect(of('14:18:09, +00.0349344s')).toMatchObject({ finding: 'clock-ok' });
    expect(of('lorem ipsum')).toBeUndefined();
  });
  it('a _vlmcs SRV answer names the KMS host and port later commands use, the record tried first', () => {
    const facts = factsOf(readConsole(sampleText('nslookup-srv-vlmcs-success-en-1.txt')).sections);
    const srv = facts.srv!.value as Array<{ target: string; port: number; priority: number }>;
    const first = [...srv].sort((a, b) => a.priority - b.priority)[0]!;
    expect(facts.kmsHost).toEqual({ value: first.target, line: facts.srv!.line });
    expect(facts.kmsPort?.value).toBe(first.port);
    // Another service's records name no KMS host.
    const ldap = sampleText('nslookup-srv-vlmcs-success-en-1.txt').replaceAll('_vlmcs', '_ldap');
    expect(factsOf(readConsole(ldap).sections).kmsHost).toBeUndefined();
  });
  it('a lookup that failed in one DNS suffix is no finding once another suffix answered with records', () => {
    const failed = sampleText('nslookup-srv-vlmcs-nxdomain-ru-constructed.txt');
    const answered = sampleText('nslookup-srv-vlmcs-success-en-1.txt');
    expect(of(failed)?.finding).toBe('no-srv-record');
    expect(of(`${failed}\n\n${answered}`)?.finding).not.toBe('no-srv-record');
  });
  it("Office's own output speaks for Office: licensed is said to be so, anything else starts Office's steps", () => {
    const office = (file: string) => diagnoseOffice(factsOf(readConsole(sampleText(file)).sections));
    expect(office('ospp-dstatus-kms-client-en-1.txt')).toMatchObject({ finding: 'office-activated' });
    expect(office('ospp-dstatus-kms-client-en-1.txt').flow).toBeUndefined();
    const failed = office('ospp-act-error-0xc004f074-en-1.txt');
    expect(failed).toMatchObject({ finding: 'office', flow: 'office', node: 'start' });
    expect(failed.evidence.map((e) => e.fact)).toContain('errorCode');
    expect(findNode(flows.office!, failed.node!)).toBeDefined();
  });
  it('only ever points at steps the flows have', () => {
    const texts = [
      sampleText('tnc-1688-failure-en-1.txt'),
      sampleText('nslookup-srv-vlmcs-nxdomain-ru-constructed.txt'),
      sampleText('nslookup-failure-ru-1.txt'),
      '14:18:09, -20000.5s',
      sampleText('slmgr-dli-kms-host-en-1.txt'),
    ];
    for (const t of texts) {
      const d = of(t)!;
      expect(findNode(flows[d.flow!]!, d.node!), `${d.flow}/${d.node}`).toBeDefined();
    }
  });
});
