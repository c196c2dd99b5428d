/**
 * Facts are checked by one rule per fact name, however they arrive: read from pasted output, typed, or read
 * back from a saved session or a history entry that another script of the same origin may have written.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { FACT_LINE_MAX, FACT_RULES, FACT_TEXT_MAX, factValue } from '../../src/console/fact-rules.ts';
import { commandText, factsOf, fillCommand, typedValue } from '../../src/flow/facts.ts';
import type { KnownFacts } from '../../src/flow/facts.ts';
import { FACT_NAMES, readConsole } from '../../src/console/reader.ts';
import { entryOf } from '../../src/session/entry.ts';
import { readEntry, readStart } from '../../src/session/read-entry.ts';
import { readFacts, validateRecord } from '../../src/session/record.ts';
import { openSessionStore } from '../../src/storage/session-store.ts';
import type { StorageProblem } from '../../src/storage/session-store.ts';

const SKMS = 'cscript %windir%\\system32\\slmgr.vbs /skms <KMS host FQDN>:<port>';
const INJECTED = 'kms01 & net user eve P@ss /add & rem';

/** A stored session as another script of the same origin could have written it. */
function tampered(facts: unknown) {
  return {
    schema: 2,
    id: 'tampered',
    flow: 'kms-connect',
    state: { v: 1, trail: [{ flow: 'kms-connect', node: 'start' }] },
    status: 'active',
    startedAt: 1,
    updatedAt: 2,
    facts,
  };
}

describe('facts read back from storage', () => {
  it('never put a tampered host into a command: Resume then Copy gives the placeholder, and the user is told', () => {
    let told = 0;
    const record = validateRecord(
      tampered({
        kmsHost: { value: INJECTED, line: 'Registered KMS machine name: kms01:1688' },
        kmsPort: { value: 1688, line: 'Registered KMS machine name: kms01:1688' },
      }),
      () => told++,
    );
    expect(record).toBeDefined();
    const facts = entryOf(record!).facts ?? {};
    expect(commandText(fillCommand(SKMS, facts))).toBe(
      'cscript %windir%\\system32\\slmgr.vbs /skms <KMS host FQDN>:1688',
    );
    expect(told).toBe(1);
  });
  it('are checked again when a command is filled, whatever hands them over', () => {
    const handed: KnownFacts = { kmsHost: { value: INJECTED, line: '' }, kmsPort: { value: 1688, line: '' } };
    expect(commandText(fillCommand(SKMS, handed))).toBe(
      'cscript %windir%\\system32\\slmgr.vbs /skms <KMS host FQDN>:1688',
    );
  });
  it('keep the step a fact was read at and its left-branch mark; a damaged one is dropped, not the fact', () => {
    let told = 0;
    const facts = readFacts(
      {
        kmsHost: { value: 'kms01.contoso.com', line: 'l', step: 2 },
        kmsPort: { value: 1688, line: 'l', step: 3, left: true },
        kmsIp: { value: '10.0.0.5', line: 'l', step: -1, left: 'yes' },
        tcpTestSucceeded: { value: false, line: 'l', step: 1.5 },
        activated: { value: true, line: 'l', step: '4' },
        name: { value: 'Windows', line: 'l' },
      },
      () => told++,
    );
    expect(facts).toEqual({
      kmsHost: { value: 'kms01.contoso.com', line: 'l', step: 2 },
      kmsPort: { value: 1688, line: 'l', step: 3, left: true },
      kmsIp: { value: '10.0.0.5', line: 'l' },
      tcpTestSucceeded: { value: false, line: 'l' },
      activated: { value: true, line: 'l' },
      name: { value: 'Windows', line: 'l' },
    });
    expect(told).toBe(0);
  });
  it('drop values of the wrong kind or shape, and keep the good ones as the reader gives them', () => {
    let told = 0;
    const facts = readFacts(
      {
        kmsPort: { value: '1688', line: '' },
        licenseStatus: { value: 'licensed-forever', line: '' },
        errorCode: { value: '0xc004f074', line: 'Error: 0xC004F074' },
        srv: {
          value: [{ target: 'kms01.contoso.com', port: 1688, priority: 0, weight: 0, x: '<img>' }],
          line: 's',
        },
        channel: { value: 'VOLUME_KMSCLIENT', line: 'Description: …, VOLUME_KMSCLIENT channel' },
        ['__proto__']: { value: 'x', line: '' },
        cmid: { value: '6e5f0d1c-0d5a-4bd0-9c3e-6b3c1a7e1f40' },
      },
      () => told++,
    );
    expect(facts).toEqual({
      srv: { value: [{ target: 'kms01.contoso.com', port: 1688, priority: 0, weight: 0 }], line: 's' },
      channel: { value: 'VOLUME_KMSCLIENT', line: 'Description: …, VOLUME_KMSCLIENT channel' },
    });
    expect(told).toBe(1);
  });
  it('check history entries (a step, and the start of a flow) by the same rules', () => {
    const dropped: string[] = [];
    const entry = readEntry(
      {
        sessionId: 's',
        startedAt: 1,
        depth: 0,
        state: { v: 1, trail: [{ flow: 'kms-connect', node: 'start' }] },
        facts: { kmsIp: { value: '10.0.0.1 && calc', line: '' }, kmsPort: { value: 1688, line: 'p' } },
      },
      () => dropped.push('entry'),
    );
    expect(entry?.facts).toEqual({ kmsPort: { value: 1688, line: 'p' } });
    expect(
      readStart({ facts: { kmsHost: { value: INJECTED, line: '' } } }, () => dropped.push('start')),
    ).toEqual({});
    expect(dropped).toEqual(['entry', 'start']);
  });
  it('raise the notice once when the store reads a session whose facts fail their rules', async () => {
    const problems: StorageProblem[] = [];
    const idb = new IDBFactory();
    const store = await openSessionStore({ idb, onProblem: (p) => problems.push(p) });
    // Written straight into IndexedDB, as another script of the origin could.
    await new Promise<void>((resolve, reject) => {
      const req = idb.open('activation-field-guide');
      req.onsuccess = () => {
        const tx = req.result.transaction('sessions', 'readwrite');
        tx.objectStore('sessions').put(tampered({ kmsHost: { value: INJECTED, line: '' } }));
        tx.oncomplete = () => (req.result.close(), resolve());
        tx.onerror = () => reject(tx.error);
      };
      req.onerror = () => reject(req.error);
    });
    const [listed] = await store.list();
    expect(listed?.id).toBe('tampered');
    expect(listed?.facts).toBeUndefined();
    expect((await store.get('tampered'))?.facts).toBeUndefined();
    expect(problems).toEqual(['facts-dropped']);
  });
});

describe('the size of a fact', () => {
  it('is bounded: an over-long value is dropped, an over-long line is cut, in storage as from the reader', () => {
    const facts = readFacts({
      name: { value: 'W'.repeat(1_000_000), line: 'Name: W…' },
      errorCode: { value: '0xC004F074', line: `Error: 0xC004F074 ${'x'.repeat(1_000_000)}` },
      warnings: { value: Array.from({ length: 10_000 }, () => 'w'), line: 'WARNING: w' },
    });
    expect(facts?.name).toBeUndefined();
    expect(facts?.warnings).toBeUndefined();
    expect(facts?.errorCode?.value).toBe('0xC004F074');
    expect(facts?.errorCode?.line).toHaveLength(FACT_LINE_MAX);

    // An error text wrapped over many full 80-column rows: the code is kept, the giant message is not.
    const row = 'y'.repeat(80);
    const pasted = `Error: 0xC004F074 ${'z'.repeat(62)}\n${Array.from({ length: 200 }, () => row).join('\n')}`;
    const section = readConsole(pasted).sections[0]!;
    expect(section.facts.errorCode).toBe('0xC004F074');
    expect(section.facts.message).toBeUndefined();
    expect(section.lines.errorCode!.length).toBeLessThanOrEqual(FACT_LINE_MAX);
  });
  it('is the same for typed values', () => {
    expect(typedValue('kmsHost', `${'a'.repeat(FACT_TEXT_MAX)}.com`)).toBeUndefined();
  });
});

describe('one rule per fact', () => {
  it('exists for every fact name, and refuses what no fact can be', () => {
    expect(Object.keys(FACT_RULES).sort()).toEqual([...FACT_NAMES].sort());
    for (const name of FACT_NAMES) {
      for (const bad of [undefined, null, {}, () => 1, Number.NaN, 'a\u0000b', 'x'.repeat(FACT_TEXT_MAX + 1)])
        expect(factValue(name, bad), `${name} ${String(bad)}`).toBeUndefined();
    }
  });
  it('accepts every fact the reader gives, unchanged (reading back a saved session keeps it)', () => {
    const pasted = [
      'Name: Windows(R), Professional edition',
      'Description: Windows(R) Operating System, VOLUME_KMSCLIENT channel',
      'Partial Product Key: 3V66T',
      'License Status: Licensed',
      'Registered KMS machine name: [2001:db8:10::15]:1688',
      'KMS machine IP address: 2001:db8:10::15',
    ].join('\n');
    const facts = factsOf(readConsole(pasted).sections);
    expect(Object.keys(facts).length).toBeGreaterThan(5);
    expect(readFacts(JSON.parse(JSON.stringify(facts)))).toEqual(facts);
  });
});

describe('/dlv all: the Windows licence in use, not the last one listed', () => {
  it('keeps an OEM licence not in use from standing for a KMS client', () => {
    const pasted = [
      'Name: Windows(R), Enterprise edition',
      'Description: Windows(R) Operating System, VOLUME_KMSCLIENT channel',
      'Activation ID: 73111121-5638-40f6-bc11-f1d7b0d64300',
      'Application ID: 55c92734-d682-4d71-983e-d6ec3f16059f',
      'Partial Product Key: NPPR9',
      'License Status: Licensed',
      '',
      'Name: Windows(R), Enterprise edition',
      'Description: Windows(R) Operating System, OEM_DM channel',
      'Activation ID: 7b4433f4-b1e7-4788-895a-c45378d38253',
      'Application ID: 55c92734-d682-4d71-983e-d6ec3f16059f',
      'This license is not in use.',
      'License Status: Unlicensed',
      '',
      'Name: Office 16, Office16ProPlusVL_KMS_Client edition',
      'Description: Office 16, VOLUME_KMSCLIENT channel',
      'Activation ID: d450596f-894d-49e0-966a-fd39ed4c4c64',
      'Application ID: 0ff1ce15-a989-479d-af46-f275c6370663',
      'Partial Product Key: WFG99',
      'License Status: Notification',
    ].join('\n');
    const sections = readConsole(pasted).sections;
    expect(sections.map((s) => s.aside)).toEqual([undefined, 'not-in-use', 'other-product']);
    const facts = factsOf(sections);
    expect(facts.channel?.value).toBe('VOLUME_KMSCLIENT');
    expect(facts.licenseStatus?.value).toBe('licensed');
    expect(facts.partialKey?.value).toBe('NPPR9');
  });
});

describe('CIM listings of every product', () => {
  it('set Office and keyless licences aside, as slmgr /dlv all does', () => {
    const pasted = [
      'Name              : Office 16, Office16ProPlusVL_KMS_Client edition',
      'Description       : Office 16, VOLUME_KMSCLIENT channel',
      'ApplicationID     : 0ff1ce15-a989-479d-af46-f275c6370663',
      'PartialProductKey : WFG99',
      'LicenseStatus     : 5',
      '',
      'Name              : Windows(R), Professional edition',
      'Description       : Windows(R) Operating System, OEM_DM channel',
      'ApplicationID     : 55c92734-d682-4d71-983e-d6ec3f16059f',
      'PartialProductKey : ',
      'LicenseStatus     : 0',
      '',
      'Name              : Windows(R), Professional edition',
      'Description       : Windows(R) Operating System, RETAIL channel',
      'ApplicationID     : 55c92734-d682-4d71-983e-d6ec3f16059f',
      'PartialProductKey : 3V66T',
      'LicenseStatus     : 1',
    ].join('\n');
    const sections = readConsole(pasted).sections;
    expect(sections.map((s) => [s.kind, s.aside])).toEqual([
      ['cim', 'other-product'],
      ['cim', 'not-in-use'],
      ['cim', undefined],
    ]);
    expect(factsOf(sections).channel?.value).toBe('RETAIL');
  });
});

describe('IPv6 KMS hosts', () => {
  it('are bracketed before a port, as slmgr /skms asks, and left plain elsewhere', () => {
    const facts: KnownFacts = {
      kmsHost: { value: '2001:db8::1', line: 'x' },
      kmsPort: { value: 1688, line: 'x' },
      kmsIp: { value: '2001:db8::1', line: 'x' },
    };
    expect(commandText(fillCommand(SKMS, facts))).toBe(
      'cscript %windir%\\system32\\slmgr.vbs /skms [2001:db8::1]:1688',
    );
    expect(commandText(fillCommand('psping <KMS host IP address>:1688', facts))).toBe(
      'psping [2001:db8::1]:1688',
    );
    expect(
      commandText(fillCommand('Test-NetConnection -ComputerName <KMS host FQDN> -Port 1688', facts)),
    ).toBe('Test-NetConnection -ComputerName 2001:db8::1 -Port 1688');
  });
  it('lose a zone ID, from pasted output and typed alike, so no % reaches a command line', () => {
    const read = factsOf(readConsole('Registered KMS machine name: [fe80::1%12]:1688').sections);
    expect(read.kmsHost?.value).toBe('fe80::1');
    expect(commandText(fillCommand(SKMS, read))).toBe(
      'cscript %windir%\\system32\\slmgr.vbs /skms [fe80::1]:1688',
    );
    expect(typedValue('kmsHost', 'fe80::1%12')).toBe('fe80::1');
    expect(readFacts({ kmsIp: { value: 'fe80::1%eth0', line: 'l' } })?.kmsIp?.value).toBe('fe80::1');
  });
  it('are accepted typed as they are pasted (brackets too), and malformed ones are refused', () => {
    expect(typedValue('kmsHost', '2001:db8::1')).toBe('2001:db8::1');
    expect(typedValue('kmsHost', '[2001:db8::1]')).toBe('2001:db8::1');
    expect(typedValue('kmsIp', '2001:db8::1')).toBe('2001:db8::1');
    expect(typedValue('kmsHost', 'kms_01.corp.contoso.com')).toBe('kms_01.corp.contoso.com');
    for (const bad of ['2001:db8:::1', '1:2:3:4:5:6:7:8:9', '2001:db8::1::2', '[kms01]', 'fe80::1%12 & calc'])
      expect(typedValue('kmsHost', bad), bad).toBeUndefined();
  });
});
