import { describe, expect, it } from 'vitest';
import { diagnose } from '../../src/flow/diagnose.ts';
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
    expect(of(sampleText('nslookup-srv-vlmcs-nxdomain-ru-constructed.txt'))).toMatchObject({
      finding: 'no-srv-record',
    });
    expect(of(sampleText('nslookup-failure-ru-1.txt'))?.finding).toBe('dns-unreachable');
    expect(of('Tracking kms01 [10.0.0.5:123].\n14:18:09, +18000.0349344s')).toMatchObject({
      finding: 'clock-off',
    });
    expect(of('14:18:09, +00.0349344s')).toBeUndefined();
    expect(of(sampleText('slmgr-dli-kms-host-en-1.txt'))).toMatchObject({
      finding: 'count-low',
      flow: 'kms-count',
    });
  });
  it('says nothing about healthy output or rubbish', () => {
    expect(of(sampleText('tnc-1688-success-en-1.txt'))).toBeUndefined();
    expect(of(sampleText('slmgr-dli-kms-client-en-1.txt'))).toBeUndefined();
    expect(of('lorem ipsum')).toBeUndefined();
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
      expect(findNode(flows[d.flow]!, d.node), `${d.flow}/${d.node}`).toBeDefined();
    }
  });
});
