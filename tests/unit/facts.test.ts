import { describe, expect, it } from 'vitest';
import {
  commandText,
  factsOf,
  fillCommand,
  missingFacts,
  placeholdersIn,
  PLACEHOLDERS,
  proposeAnswer,
  readAt,
  testedPort,
  typedValue,
  valueMatches,
} from '../../src/flow/facts.ts';
import { findNode } from '../../src/flow/engine.ts';
import type { FlowNode } from '../../src/flow-format/schema.ts';
import { readConsole } from '../../src/console/reader.ts';
import { sampleText } from '../support/console-samples.ts';
import { loadChecked } from '../support/flows.ts';

const { flows } = loadChecked('flows');
const node = (flow: string, id: string): FlowNode => findNode(flows[flow]!, id)!;
const fixture = sampleText;

describe('facts from pasted output', () => {
  it('propose No at the port test from a failed Test-NetConnection, with the line that proves it', () => {
    const facts = factsOf(readConsole(fixture('tnc-1688-failure-en-1.txt')).sections);
    expect(proposeAnswer(node('kms-connect', 'test-port'), facts)).toEqual({
      answer: 'no',
      fact: 'tcpTestSucceeded',
      line: 'TcpTestSucceeded       : False',
    });
  });
  it('propose the count itself at a number question, and nothing out of its range', () => {
    const facts = factsOf(readConsole(fixture('slmgr-dli-kms-host-en-1.txt')).sections);
    expect(proposeAnswer(node('kms-count', 'enter-count'), facts)).toMatchObject({
      answer: 2,
      fact: 'currentCount',
    });
    expect(
      proposeAnswer(node('kms-count', 'enter-count'), { currentCount: { value: -3, line: 'x' } }),
    ).toBeUndefined();
  });
  it('pick the channel choice from slmgr /dli, and stay silent on a value no answer names', () => {
    const facts = factsOf(readConsole(fixture('slmgr-dli-kms-client-en-1.txt')).sections);
    expect(proposeAnswer(node('no-code', 'channel'), facts)?.answer).toBe('kms-client');
    expect(
      proposeAnswer(node('no-code', 'channel'), { channel: { value: 'VOLUME_SOMETHING', line: '' } }),
    ).toBeUndefined();
    expect(proposeAnswer(node('kms-connect', 'test-port'), facts)).toBeUndefined();
  });
  it('a test of another port is no answer to a question about 1688, nor about the port the host uses', () => {
    const other = factsOf(readConsole(fixture('tnc-3001-failure-ru-1.txt')).sections);
    expect(other.remotePort?.value).toBe(3001);
    expect(proposeAnswer(node('kms-connect', 'test-port'), other)).toBeUndefined();
    // office/test-port tests <port>: the port known for the host decides.
    const at1688 = { ...other, kmsPort: { value: 1688, line: 'KMS machine name: kms01:1688' } };
    expect(proposeAnswer(node('office', 'test-port'), at1688)).toBeUndefined();
    const at3001 = { ...other, kmsPort: { value: 3001, line: 'KMS machine name: kms01:3001' } };
    expect(proposeAnswer(node('office', 'test-port'), at3001)?.answer).toBe('no');
    expect(testedPort('Test-NetConnection kms01 -Port 1688', {})).toBe(1688);
    expect(testedPort('Test-NetConnection kms01 -Port <port>', {})).toBeUndefined();
    expect(testedPort('Test-NetConnection kms01', {})).toBeUndefined();
  });
  it('later output wins over earlier output', () => {
    const both = `${fixture('tnc-1688-failure-en-1.txt')}\n\n${fixture('tnc-1688-success-en-2.txt')}`;
    const facts = factsOf(readConsole(both).sections);
    expect(proposeAnswer(node('kms-connect', 'test-port'), facts)?.answer).toBe('yes');
  });
});

describe('a step whose fact other commands also give answers only from its own paste', () => {
  it('phone activation: an earlier state never answers "does it read Licensed now?"', () => {
    const verify = node('phone-activation', 'verify');
    const before = {
      licenseStatus: { value: 'notification' as const, line: 'License Status: Notification', step: 1 },
    };
    expect(proposeAnswer(verify, before, 4)).toBeUndefined();
    const now = { licenseStatus: { value: 'licensed' as const, line: 'License Status: Licensed', step: 4 } };
    expect(proposeAnswer(verify, now, 4)?.answer).toBe('yes');
  });
});

describe('a value a question names', () => {
  it('is equal (text ignoring case), in a range, matching a pattern, or read at all', () => {
    expect(valueMatches('VOLUME_KMSCLIENT', 'volume_kmsclient')).toBe(true);
    expect(valueMatches(false, false)).toBe(true);
    expect(valueMatches(1, '1')).toBe(false);
    expect(valueMatches({ min: 1 }, 1)).toBe(true);
    expect(valueMatches({ min: 1 }, 0)).toBe(false);
    expect(valueMatches({ min: 1, max: 3 }, 4)).toBe(false);
    expect(valueMatches({ max: 0 }, '0')).toBe(false);
    expect(valueMatches({ match: 'eval$' }, 'ServerStandardEval')).toBe(true);
    expect(valueMatches({ match: 'eval$' }, 'ServerStandard')).toBe(false);
    expect(valueMatches({ match: 'x' }, 5)).toBe(false);
    expect(valueMatches({ present: true }, 'kms01')).toBe(true);
    expect(valueMatches({ present: true }, undefined)).toBe(false);
  });
});

describe("a command's result answers only the step it was pasted at", () => {
  const activated = factsOf(readConsole('Product activated successfully.').sections);
  const failed = factsOf(readConsole(fixture('slmgr-ato-error-0xc004f074-en-1.txt')).sections);
  const ato = node('kms-connect', 'activate-now');
  it('success or an error read at the step answers Yes or No there', () => {
    expect(proposeAnswer(ato, readAt(activated, 6), 6)).toMatchObject({ answer: 'yes', fact: 'activated' });
    expect(proposeAnswer(ato, readAt(failed, 6), 6)).toMatchObject({ answer: 'no', fact: 'errorCode' });
  });
  it('an earlier attempt, output pasted before the session, or a branch left answers nothing', () => {
    expect(proposeAnswer(ato, readAt(activated, 2), 6)).toBeUndefined();
    expect(proposeAnswer(ato, readAt(failed, 2), 6)).toBeUndefined();
    expect(proposeAnswer(ato, activated, 6)).toBeUndefined();
    const left = { activated: { ...readAt(activated, 6).activated!, left: true as const } };
    expect(proposeAnswer(ato, left, 6)).toBeUndefined();
  });
  it('a fact that describes the machine still answers wherever it was read', () => {
    const tnc = factsOf(readConsole(fixture('tnc-1688-failure-en-1.txt')).sections);
    expect(proposeAnswer(node('kms-connect', 'test-port'), readAt(tnc, 1), 5)?.answer).toBe('no');
  });
});

describe('facts from ospp.vbs output, in the Office flow', () => {
  const office = (file: string) => factsOf(readConsole(fixture(file)).sections);
  it('answer "Is the product licensed?" and the channel from /dstatus', () => {
    const kms = office('ospp-dstatus-kms-client-en-1.txt');
    expect(proposeAnswer(node('office', 'dstatus'), kms)).toMatchObject({
      answer: 'yes',
      fact: 'licenseStatus',
    });
    expect(proposeAnswer(node('office', 'channel'), kms)).toEqual({
      answer: 'kms',
      fact: 'channel',
      line: 'LICENSE DESCRIPTION: Office 19, VOLUME_KMSCLIENT channel',
    });
    const notified = office('ospp-dstatus-notifications-en-1.txt');
    expect(proposeAnswer(node('office', 'dstatus'), notified)).toMatchObject({ answer: 'no' });
    // RETAIL(Grace) is retail Office or Microsoft 365 Apps by its LICENSE NAME: the technician decides.
    expect(proposeAnswer(node('office', 'channel'), notified)).toBeUndefined();
  });
  it('answer "Did Office activate?" and "Which error code?" from /act', () => {
    // Pasted at the step itself (trail index 4): its own result answers it.
    const ok = readAt(office('ospp-act-success-en-2.txt'), 4);
    expect(proposeAnswer(node('office', 'act'), ok, 4)).toMatchObject({ answer: 'yes', fact: 'activated' });
    const failed = readAt(office('ospp-act-error-0xc004f074-en-1.txt'), 4);
    expect(proposeAnswer(node('office', 'act'), failed, 4)).toMatchObject({
      answer: 'no',
      fact: 'errorCode',
      line: 'ERROR CODE: 0xC004F074',
    });
    expect(proposeAnswer(node('office', 'which-error'), failed)).toEqual({
      answer: 'no-kms',
      fact: 'errorCode',
      line: 'ERROR CODE: 0xC004F074',
    });
  });
  it('fill <KMS host FQDN> and <port> from the host /dstatus shows', () => {
    const kms = office('ospp-dstatus-kms-client-en-1.txt');
    expect(kms.kmsHost?.value).toBe('kms.ghpym.com');
    expect(kms.kmsPort?.value).toBe(1688);
  });
});

describe('placeholders', () => {
  it('are all known in every command of the flows', () => {
    for (const flow of Object.values(flows))
      for (const n of flow.nodes)
        if ((n.kind === 'action' || n.kind === 'outcome') && n.command)
          for (const p of placeholdersIn(n.command.run)) expect(Object.hasOwn(PLACEHOLDERS, p), p).toBe(true);
  });
  it('fill the KMS host and port from known facts, and leave keys and the rest to type', () => {
    const facts = factsOf(readConsole(fixture('slmgr-dli-kms-client-en-2.txt')).sections);
    const parts = fillCommand('slmgr /skms <KMS host FQDN>:<port> && slmgr /ipk <product key>', facts);
    expect(commandText(parts)).toBe('slmgr /skms bisv229.corp.giag.net:1688 && slmgr /ipk <product key>');
    expect(parts.filter((p) => 'placeholder' in p && !('filled' in p))).toEqual([
      { placeholder: '<product key>' },
    ]);
  });
});

describe('values typed once', () => {
  it('accept a host name, a port and an IPv4 address, and refuse anything else', () => {
    expect(typedValue('kmsHost', ' kms01.corp.contoso.com ')).toBe('kms01.corp.contoso.com');
    expect(typedValue('kmsHost', 'kms01 && calc')).toBeUndefined();
    expect(typedValue('kmsPort', '1688')).toBe(1688);
    expect(typedValue('kmsPort', '70000')).toBeUndefined();
    expect(typedValue('kmsIp', '10.1.2.3')).toBe('10.1.2.3');
    expect(typedValue('kmsIp', '10.1.2.300')).toBeUndefined();
  });
  it('are asked for only where a placeholder still waits for them', () => {
    const run = 'slmgr /skms <KMS host FQDN>:<port> && ping <KMS host FQDN> && slmgr /ipk <product key>';
    expect(missingFacts(fillCommand(run, {}))).toEqual(['kmsHost', 'kmsPort']);
    expect(missingFacts(fillCommand(run, { kmsPort: { value: 1688, line: '' } }))).toEqual(['kmsHost']);
  });
});

describe("slmgr steps read their own command's output", () => {
  const read = (text: string) => factsOf(readConsole(text).sections);
  const successes = read(fixture('slmgr-one-message-success-constructed-en.txt'));
  const skms = read(fixture('slmgr-skms-success-markdown-en-1.txt'));
  const ipkFailed = read(
    'cscript //nologo slmgr.vbs /ipk <product key>\nError: 0xC004F050 The Software Licensing Service reported that the product key is invalid.\n',
  );
  it("the KMS host's own key and activation steps read theirs too", () => {
    const installed = read('Installed product key W269N-WFGWX-YVC9B-4J6C9-T83GX successfully.');
    expect(proposeAnswer(node('kms-host', 'install-host-key'), readAt(installed, 2), 2)?.answer).toBe('yes');
    expect(proposeAnswer(node('kms-host', 'new-host-key'), readAt(ipkFailed, 2), 2)?.answer).toBe('no');
    const activated = read('Product activated successfully.');
    expect(proposeAnswer(node('kms-host', 'restart-activate'), readAt(activated, 5), 5)?.answer).toBe('yes');
  });
  it('a key installed answers Yes at an /ipk step; its error answers No', () => {
    const ipk = node('product-key', 'install-mak');
    const installed = read('Installed product key W269N-WFGWX-YVC9B-4J6C9-T83GX successfully.');
    expect(proposeAnswer(ipk, readAt(installed, 3), 3)).toEqual({
      answer: 'yes',
      fact: 'succeeded',
      line: 'Installed product key XXXXX-XXXXX-XXXXX-XXXXX-T83GX successfully.',
    });
    expect(proposeAnswer(ipk, readAt(ipkFailed, 3), 3)).toMatchObject({ answer: 'no', fact: 'errorCode' });
    // A key installed at an earlier step says nothing of this attempt.
    expect(proposeAnswer(ipk, readAt(installed, 1), 3)).toBeUndefined();
  });
  it('another option that succeeded answers nothing: only its own success counts', () => {
    // The last success pasted here is /act-type's, not /ipk's.
    expect(proposeAnswer(node('mak', 'install-mak'), readAt(successes, 2), 2)).toBeUndefined();
    expect(proposeAnswer(node('kms-connect', 'set-host'), readAt(skms, 2), 2)?.answer).toBe('yes');
    expect(proposeAnswer(node('kms-dns', 'both-failed'), readAt(skms, 2), 2)).toBeUndefined();
  });
  it('/ckms, /atp and /rearm answer their steps', () => {
    const ckms = read('Key Management Service machine name cleared successfully.');
    expect(proposeAnswer(node('kms-dns', 'both-failed'), readAt(ckms, 4), 4)?.answer).toBe('yes');
    const atp = read(
      'Confirmation ID for product 2de67392-b7a7-462a-b1ca-108dd189f588 deposited successfully.',
    );
    expect(proposeAnswer(node('phone-activation', 'apply-cid'), readAt(atp, 3), 3)?.answer).toBe('yes');
    const rearm = read(
      'Command completed successfully.\nPlease restart the system for the changes to take effect.',
    );
    expect(proposeAnswer(node('kms-count', 'rearm-clone'), readAt(rearm, 5), 5)?.answer).toBe('yes');
    const noRearms = read(
      'Error: 0xC004D307 The maximum allowed number of re-arms has been exceeded. You must re-install the OS before trying to re-arm again\n',
    );
    expect(proposeAnswer(node('kms-count', 'rearm-clone'), readAt(noRearms, 5), 5)?.answer).toBe('no');
  });
  it('an /skms then /ato step answers from the activation, not from the name being set', () => {
    const step = node('kms-dns', 'set-fqdn');
    expect(proposeAnswer(step, readAt(skms, 2), 2)).toBeUndefined();
    const both = read(
      'Key Management Service machine name set to kms.contoso.com:1688 successfully.\n\nActivating Windows(R), Enterprise edition (73111121-5638-40f6-bc11-f1d7b0d64300) ...\nProduct activated successfully.\n',
    );
    expect(proposeAnswer(step, readAt(both, 2), 2)).toMatchObject({ answer: 'yes', fact: 'activated' });
  });
  it('/dlv answers the rearm count, the KMS host and the channel steps', () => {
    const dlv = read(fixture('slmgr-dli-kms-client-en-2.txt'));
    expect(proposeAnswer(node('kms-connect', 'start'), readAt(dlv, 0), 0)?.answer).toBe('yes');
    expect(proposeAnswer(node('no-code', 'read-channel'), readAt(dlv, 0), 0)?.answer).toBe('yes');
    const none = read('Remaining Windows rearm count: 0');
    expect(proposeAnswer(node('kms-count', 'rearm-count'), readAt(none, 2), 2)?.answer).toBe('no');
    const some = read('Remaining Windows rearm count: 1001');
    expect(proposeAnswer(node('kms-count', 'rearm-count'), readAt(some, 2), 2)?.answer).toBe('yes');
  });
});

describe('facts from reg query, at the steps that query the registry', () => {
  const read = (text: string) => factsOf(readConsole(text).sections);
  const spp =
    'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\SoftwareProtectionPlatform';
  it('answer SkipRearm, DNS publishing and a host set by hand from the value rows', () => {
    const skip = node('kms-count', 'check-skiprearm');
    expect(proposeAnswer(skip, read(`${spp}\n    SkipRearm    REG_DWORD    0x1\n`))?.answer).toBe('yes');
    expect(proposeAnswer(skip, read(`${spp}\n    SkipRearm    REG_DWORD    0x0\n`))?.answer).toBe('no');
    const publishing = node('kms-dns', 'check-publishing');
    expect(
      proposeAnswer(publishing, read(`${spp}\n    DisableDnsPublishing    REG_DWORD    0x1\n`)),
    ).toMatchObject({
      answer: 'yes',
      fact: 'dnsPublishing',
    });
    // Any value other than 0 turns publishing off.
    const two = read(`${spp}\n    DisableDnsPublishing    REG_DWORD    0x2\n`);
    expect(proposeAnswer(publishing, two)?.answer).toBe('yes');
    expect(
      proposeAnswer(publishing, read(`${spp}\n    DisableDnsPublishing    REG_DWORD    0x0\n`))?.answer,
    ).toBe('no');
    const manual = node('kms-dns', 'check-manual');
    const set = readAt(read(`${spp}\n    KeyManagementServiceName    REG_SZ    kms01.contoso.com\n`), 3);
    expect(proposeAnswer(manual, set, 3)?.answer).toBe('yes');
    // Only this step's query answers: a host set for Office, or read at an earlier step, is not this one.
    expect(proposeAnswer(manual, set, 5)).toBeUndefined();
    // A name found through DNS says nothing of the registry value: no proposal.
    expect(
      proposeAnswer(manual, readAt(read(fixture('slmgr-dli-kms-client-en-1.txt')), 3), 3),
    ).toBeUndefined();
  });
  it('a value reg query did not find answers No where its absence means No, only at that step', () => {
    const notFound = readAt(
      read('ERROR: The system was unable to find the specified registry key or value.\n'),
      4,
    );
    for (const [flow, id] of [
      ['kms-count', 'check-skiprearm'],
      ['kms-dns', 'check-publishing'],
    ] as const) {
      expect(proposeAnswer(node(flow, id), notFound, 4), id).toMatchObject({
        answer: 'no',
        fact: 'registryNotFound',
      });
      expect(proposeAnswer(node(flow, id), notFound, 6), id).toBeUndefined();
    }
    // Where a missing value tells nothing, nothing is proposed: a host set for one product lives in a subkey.
    expect(proposeAnswer(node('time-sync', 'domain-type'), notFound, 4)).toBeUndefined();
    expect(proposeAnswer(node('kms-dns', 'check-manual'), notFound, 4)).toBeUndefined();
  });
  it('answer the time client type and the NTP client switch', () => {
    const params = 'HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\W32Time\\Parameters';
    const type = node('time-sync', 'domain-type');
    expect(proposeAnswer(type, read(`${params}\n    Type    REG_SZ    NT5DS\n`))?.answer).toBe('yes');
    expect(proposeAnswer(type, read(`${params}\n    Type    REG_SZ    NoSync\n`))?.answer).toBe('no');
    const ntp = node('time-sync', 'ntp-source');
    const client =
      'HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\W32Time\\TimeProviders\\NtpClient';
    expect(proposeAnswer(ntp, read(`${client}\n    Enabled    REG_DWORD    0x0\n`))?.answer).toBe('no');
    expect(proposeAnswer(ntp, read(`${client}\n    Enabled    REG_DWORD    0x1\n`))?.answer).toBe('yes');
  });
  it('a value reg could not find proposes nothing where its absence tells nothing', () => {
    const missing = readAt(
      read('ERROR: The system was unable to find the specified registry key or value.\n'),
      3,
    );
    expect(missing.registryNotFound?.value).toBe(true);
    expect(proposeAnswer(node('time-sync', 'ntp-source'), missing, 3)).toBeUndefined();
  });
});

describe('facts from a registry search, at the product code steps', () => {
  const search = (text: string, at: number) => readAt(factsOf(readConsole(text).sections), at);
  const uninstall = 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall';
  it('answer No from a search that ended with none, and leave a found key to the technician', () => {
    const step = node('product-codes', 'find-installed');
    const found = `${uninstall}\\{90160000-0011-0000-1000-0000000FF1CE}\n    DisplayName    REG_SZ    Office\n\nEnd of search: 1 match(es) found.\n`;
    // A key named by a GUID may match on a similar name, an update or a component: the technician decides.
    expect(proposeAnswer(step, search(found, 4), 4)).toBeUndefined();
    expect(proposeAnswer(step, search('End of search: 0 match(es) found.\n', 4), 4)?.answer).toBe('no');
    // Matches under keys of other names (an Inno or Click-to-Run entry) are no product code.
    const other = `${uninstall}\\{DADADADA-0000-0000-0000-000000000000}_is1\n    DisplayName    REG_SZ    Tool\n\nEnd of search: 1 match(es) found.\n`;
    expect(proposeAnswer(step, search(other, 4), 4)?.answer).toBe('no');
  });
  it('a search pasted at an earlier step answers nothing at the next one', () => {
    const none = search('End of search: 0 match(es) found.\n', 4);
    expect(proposeAnswer(node('product-codes', 'wow64'), none, 5)).toBeUndefined();
  });
});

describe('facts from Get-WinEvent, at the event steps', () => {
  const events = (text: string, at: number) => readAt(factsOf(readConsole(text).sections), at);
  const record = (message: string, ...more: string[]) =>
    `TimeCreated : 3/14/2024 9:12:41 AM\nMessage     : ${message}\n${more.map((m) => `              ${m}\n`).join('')}\n`;
  const e8198 = (code: string) =>
    record('License Activation (slui.exe) failed with the following error code:', `hr=${code}`);
  it('answer "which code does 8198 show?" and "does 8198 give a code?" from the records pasted there', () => {
    const start = node('event-8198', 'start');
    expect(proposeAnswer(start, events(e8198('0x8007139F'), 0), 0)).toMatchObject({
      answer: 'yes',
      fact: 'errorCode',
    });
    expect(proposeAnswer(start, events(e8198('0xC004F074'), 0), 0)).toBeUndefined();
    expect(proposeAnswer(node('adba', 'events'), events(e8198('0x8007007B'), 3), 3)?.answer).toBe('yes');
  });
  it('answer "is there a 12293 or 12294?" and "does the log list 12290?" by the event read there, and only there', () => {
    const published =
      'TimeCreated : 3/14/2024 9:12:41 AM\nId          : 12294\nMessage     : The Key Management Service (KMS) successfully published its DNS records.\n';
    const hostEvents = node('kms-dns', 'host-events');
    expect(proposeAnswer(hostEvents, events(published, 5), 5)).toMatchObject({
      answer: 'yes',
      fact: 'eventId',
    });
    expect(proposeAnswer(hostEvents, events(published, 2), 5)).toBeUndefined();
    const request = record(
      'An activation request has been processed.',
      'Info:',
      '0x0,5,client01.contoso.com,5e3c1c0a-2b7d-4c61-8f0e-7a9d3b2c1e45,2025/10/23 06:58,0,2,0,73111121-5638-40f6-bc11-f1d7b0d64300',
    );
    expect(proposeAnswer(node('license-store', 'host-log'), events(request, 7), 7)?.answer).toBe('yes');
  });
});

describe('facts from DISM, at the evaluation step', () => {
  it('answer "does the edition name contain Eval?" from the current edition', () => {
    const step = node('no-code', 'eval-current');
    const edition = (name: string) => factsOf(readConsole(`Current Edition : ${name}\n`).sections);
    expect(proposeAnswer(step, edition('ServerDatacenterEvalCor'))).toMatchObject({
      answer: 'yes',
      fact: 'edition',
    });
    expect(proposeAnswer(step, edition('ServerStandard'))?.answer).toBe('no');
  });
});

describe('facts from a service query, at the host service step', () => {
  it('answer "Is it Running?" from the state printed there, and only there', () => {
    const step = node('kms-connect', 'host-service');
    const state = (text: string, at: number) => readAt(factsOf(readConsole(text).sections), at);
    expect(proposeAnswer(step, state('Running\n', 9), 9)).toMatchObject({
      answer: 'yes',
      fact: 'serviceState',
    });
    expect(proposeAnswer(step, state('Stopped\n', 9), 9)?.answer).toBe('no');
    expect(proposeAnswer(step, state('Stopped\n', 4), 9)).toBeUndefined();
  });
});

describe('facts from whoami, at the elevation check', () => {
  it('answer "Does it print that line?" from the line printed there', () => {
    const step = node('privileges', 'verify-elevated');
    const line =
      'Mandatory Label\\High Mandatory Level                          Label            S-1-16-12288\n';
    expect(proposeAnswer(step, readAt(factsOf(readConsole(line).sections), 2), 2)?.answer).toBe('yes');
    expect(proposeAnswer(step, readAt(factsOf(readConsole(line).sections), 1), 2)).toBeUndefined();
  });
});

describe('facts from w32tm /resync, at the resync steps', () => {
  it('answer No to "is the clock right now?" when the resync was refused there, and nothing on success', () => {
    const step = node('time-sync', 'resync');
    const out = (text: string, at: number) => readAt(factsOf(readConsole(text).sections), at);
    const refused =
      'Sending resync command to local computer\nThe computer did not resync because the required time change was too big.\n';
    expect(proposeAnswer(step, out(refused, 6), 6)).toMatchObject({ answer: 'no', fact: 'resynced' });
    expect(proposeAnswer(step, out(refused, 3), 6)).toBeUndefined();
    const done = 'Sending resync command to local computer\nThe command completed successfully.\n';
    expect(proposeAnswer(step, out(done, 6), 6)).toBeUndefined();
  });
});

describe('facts from w32tm /stripchart, at the stripchart step', () => {
  it('answer Yes from an offset and No from a sample error printed there', () => {
    const step = node('time-sync', 'stripchart');
    const out = (text: string, at: number) => readAt(factsOf(readConsole(text).sections), at);
    expect(proposeAnswer(step, out(fixture('w32tm-stripchart-en-1.txt'), 2), 2)).toMatchObject({
      answer: 'yes',
      fact: 'offsetSeconds',
    });
    expect(proposeAnswer(step, out('14:18:09, error: 0x800705B4\n', 2), 2)).toMatchObject({
      answer: 'no',
      fact: 'errorCode',
    });
  });
});

describe('the event, time, DISM and registry steps read their own output', () => {
  const out = (text: string, at: number) => readAt(factsOf(readConsole(text).sections), at);
  const request = (hostPort: string) =>
    'TimeCreated : 23.10.2025 9:58:11\nMessage     : The client has sent an activation request to the key management service machine.\n' +
    `              Info:\n              0xC004F074, 0x00000000, ${hostPort}, 5e3c1c0a-2b7d-4c61-8f0e-7a9d3b2c1e45, 2025/10/23 06:58, 0, 2, 43200, 73111121-5638-40f6-bc11-f1d7b0d64300, 25\n`;
  const none = fixture('event-get-winevent-no-events-en-1.txt');
  it('a 12288 that names a host answers Yes at "which host did it try?", only from output pasted there', () => {
    const step = node('kms-connect', 'tried-host');
    expect(proposeAnswer(step, out(request('kms01.corp.contoso.com:1688'), 4), 4)).toMatchObject({
      answer: 'yes',
      fact: 'kmsHost',
    });
    // Get-WinEvent lists the newest first and the last section read wins: the step asks for one event only,
    // so the host it proposes is the one tried last, not the oldest of a list.
    const run = step.kind === 'action' ? step.command.run : '';
    expect(run).toMatch(/Id=12288\} -MaxEvents 1 \|/);
    // A host slmgr showed earlier is no event naming one.
    expect(proposeAnswer(step, out(request('kms01.corp.contoso.com:1688'), 2), 4)).toBeUndefined();
    expect(proposeAnswer(step, out(request('<KMS Host FQDN>:1688'), 4), 4)).toBeUndefined();
  });
  it('"No events were found" answers No where no event means no request, and nothing elsewhere', () => {
    expect(proposeAnswer(node('kms-connect', 'client-events'), out(none, 3), 3)).toMatchObject({
      answer: 'no',
      fact: 'noEvents',
    });
    expect(proposeAnswer(node('kms-connect', 'host-event'), out(none, 5), 5)?.answer).toBe('no');
    expect(proposeAnswer(node('kms-connect', 'host-event'), out(none, 3), 5)).toBeUndefined();
    // Events listed: whether one is from this attempt or this client, only the technician can tell.
    expect(
      proposeAnswer(node('kms-connect', 'client-events'), out(request('kms01:1688'), 3), 3),
    ).toBeUndefined();
  });
  it('the KMS host time source answers Yes for the hypervisor, No for its own clock, nothing for a server', () => {
    const step = node('time-sync', 'host-source');
    const status = (source: string) =>
      out(
        `Leap Indicator: 0(no warning)\nStratum: 4 (secondary reference - syncd by (S)NTP)\nSource: ${source}\n`,
        5,
      );
    expect(proposeAnswer(step, status('VM IC Time Synchronization Provider'), 5)?.answer).toBe('yes');
    expect(proposeAnswer(step, status('Local CMOS Clock'), 5)?.answer).toBe('no');
    expect(proposeAnswer(step, status('dc01.contoso.com'), 5)).toBeUndefined();
  });
  it('the edition DISM shows after a conversion answers Yes at the conversion steps; the old edition answers nothing', () => {
    const edition = (name: string, at: number) => out(`Current Edition : ${name}\n`, at);
    const setEdition = node('no-code', 'set-edition');
    expect(proposeAnswer(setEdition, edition('ServerStandard', 6), 6)?.answer).toBe('yes');
    // An evaluation edition may be the one read before the conversion (Get-TargetEditions shows it too): no answer.
    expect(proposeAnswer(setEdition, edition('ServerStandardEval', 6), 6)).toBeUndefined();
    expect(proposeAnswer(setEdition, edition('ServerStandard', 2), 6)).toBeUndefined();
  });
  it('the Name line slmgr /dlv shows after the conversion answers Yes for Datacenter, nothing for its evaluation', () => {
    const toDatacenter = node('product-key', 'to-datacenter');
    const dlv = (edition: string, channel: string, at: number) =>
      out(
        `Name: Windows(R), ${edition} edition\nDescription: Windows(R) Operating System, ${channel} channel\nPartial Product Key: 2C9HK\n`,
        at,
      );
    expect(proposeAnswer(toDatacenter, dlv('ServerDatacenter', 'RETAIL', 3), 3)).toMatchObject({
      answer: 'yes',
      fact: 'name',
      line: 'Name: Windows(R), ServerDatacenter edition',
    });
    expect(proposeAnswer(toDatacenter, dlv('ServerDatacenterCor', 'RETAIL', 3), 3)?.answer).toBe('yes');
    expect(proposeAnswer(toDatacenter, dlv('ServerDatacenterEval', 'TIMEBASED_EVAL', 3), 3)).toBeUndefined();
    expect(proposeAnswer(toDatacenter, dlv('ServerStandard', 'RETAIL', 3), 3)).toBeUndefined();
    expect(proposeAnswer(toDatacenter, dlv('ServerDatacenter', 'RETAIL', 2), 3)).toBeUndefined();
  });
  it('two installed languages answer Yes at the language list; one proposes nothing', () => {
    const step = node('genuine', 'list-languages');
    expect(proposeAnswer(step, out(fixture('dism-get-intl-constructed-en.txt'), 2), 2)).toMatchObject({
      answer: 'yes',
      fact: 'installedLanguages',
    });
    const one = fixture('dism-get-intl-constructed-en.txt').replace(
      /Installed language\(s\): ru-RU\n(?: .*\n)*/,
      '',
    );
    expect(readConsole(one).sections[0]?.facts.installedLanguages).toBe(1);
    expect(proposeAnswer(step, out(one, 2), 2)).toBeUndefined();
  });
  it("sysprep's log answers whether the image was generalized", () => {
    const step = node('kms-count', 'cloned-image');
    const [found] = readConsole(fixture('sysprep-findstr-constructed-en.txt')).sections;
    expect(proposeAnswer(step, readAt(factsOf([found!]), 4), 4)?.answer).toBe('yes');
  });
  it('a log findstr cannot open proposes nothing: a prompt not elevated or PowerShell prints the same', () => {
    const step = node('kms-count', 'cloned-image');
    for (const path of [
      'C:\\Windows\\System32\\sysprep\\Panther\\setupact.log',
      '%windir%\\System32\\sysprep\\Panther\\setupact.log',
    ]) {
      const text = `findstr /i /c:"GENERALIZE" %windir%\\System32\\sysprep\\Panther\\setupact.log\nFINDSTR: Cannot open ${path}\n`;
      expect(factsOf(readConsole(text).sections).generalized).toBeUndefined();
      expect(proposeAnswer(step, out(text, 4), 4)).toBeUndefined();
    }
  });
  it("reg add's result answers the steps that change a value: an error is No, success Yes only where that is all", () => {
    const fix = node('kms-count', 'fix-skiprearm');
    const done =
      'reg add "HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\SoftwareProtectionPlatform" /v SkipRearm /t REG_DWORD /d 0 /f\nThe operation completed successfully.\n';
    const denied = fixture('reg-add-access-denied-en-1.txt');
    expect(proposeAnswer(fix, out(done, 7), 7)).toMatchObject({ answer: 'yes', fact: 'regChanged' });
    expect(proposeAnswer(fix, out(denied, 7), 7)?.answer).toBe('no');
    expect(proposeAnswer(fix, out(done, 5), 7)).toBeUndefined();
    // Turning the NTP client on also restarts the service: the value alone does not say Yes.
    const ntp = node('time-sync', 'enable-ntp');
    expect(proposeAnswer(ntp, out(done, 7), 7)).toBeUndefined();
    expect(proposeAnswer(ntp, out(denied, 7), 7)?.answer).toBe('no');
  });
  it('phase correction limits of no limit answer No; a limit proposes nothing, the offset being elsewhere', () => {
    const step = node('time-sync', 'phase-limits');
    const [limited, unlimited] = readConsole(
      fixture('reg-add-phase-limits-constructed-en.txt'),
    ).sections.slice(1);
    expect(proposeAnswer(step, readAt(factsOf([unlimited!]), 8), 8)).toMatchObject({
      answer: 'no',
      fact: 'maxPhaseCorrection',
    });
    expect(proposeAnswer(step, readAt(factsOf([limited!]), 8), 8)).toBeUndefined();
  });
});

describe("the KMS host's 12290 list, at the CMID step", () => {
  const out = (name: string, at: number) => readAt(factsOf(readConsole(fixture(name)).sections), at);
  it('answers Yes where two client names take turns under a CMID, No where each has its own, only from output pasted there', () => {
    const step = node('kms-count', 'check-cmid');
    expect(
      proposeAnswer(step, out('event-12290-get-winevent-clones-constructed-en.txt', 3), 3),
    ).toMatchObject({
      answer: 'yes',
      fact: 'sharedCmid',
      line: expect.stringContaining(
        'PC043.corp.contoso.com,5e3c1c0a-2b7d-4c61-8f0e-7a9d3b2c1e45,2025/10/23 05:01',
      ),
    });
    expect(
      proposeAnswer(step, out('event-12290-get-winevent-own-cmids-constructed-en.txt', 3), 3)?.answer,
    ).toBe('no');
    expect(
      proposeAnswer(step, out('event-12290-get-winevent-clones-constructed-en.txt', 1), 3),
    ).toBeUndefined();
    // One event, its client's name a placeholder: nothing to compare.
    expect(proposeAnswer(step, out('event-12290-kms-host-en-1.txt', 3), 3)).toBeUndefined();
  });
});

describe('the BIOS serial number, at the OEM BIOS step', () => {
  it('a firmware placeholder answers No; a real-looking number proposes nothing, only the technician knows the tag', () => {
    const step = node('oem-bios', 'start');
    const serial = (name: string, at: number) => readAt(factsOf(readConsole(fixture(name)).sections), at);
    expect(proposeAnswer(step, serial('bios-serial-placeholder-constructed-en.txt', 0), 0)).toMatchObject({
      answer: 'no',
      fact: 'biosSerial',
      line: 'To be filled by O.E.M.',
    });
    expect(proposeAnswer(step, serial('bios-serial-select-object-en-1.txt', 0), 0)).toBeUndefined();
    expect(proposeAnswer(step, serial('bios-serial-placeholder-constructed-en.txt', 1), 0)).toBeUndefined();
  });
  it('an empty serial answers No, and the prompt after it is never read as the serial', () => {
    const step = node('oem-bios', 'start');
    const text = fixture('bios-serial-empty-constructed-en.txt');
    for (const section of readConsole(text).sections) expect(section.facts).toEqual({ biosSerial: '' });
    const facts = readAt(factsOf(readConsole(text).sections), 0);
    expect(proposeAnswer(step, facts, 0)).toMatchObject({
      answer: 'no',
      fact: 'biosSerial',
      line: 'SerialNumber',
    });
    // The table cut before the prompt: nothing read, nothing proposed.
    const cut = text.slice(0, text.indexOf('PS C:\\Users\\admin>\n'));
    expect(factsOf(readConsole(cut).sections).biosSerial).toBeUndefined();
  });
});

describe('slmgr /dlv at the KMS host key group and MAK steps', () => {
  const out = (text: string, at: number) => readAt(factsOf(readConsole(text).sections), at);
  const groupSteps = ['host-key-group', 'win10-no-update', 'host-no-update'].map((id) =>
    node('kms-host', id),
  );
  it('a host with no KMS host key covers no client: No; a host key group is left to the technician', () => {
    const client = out(fixture('slmgr-dli-kms-client-en-2.txt'), 4);
    const host = out(fixture('slmgr-dlv-kms-host-en-1.txt'), 4);
    for (const step of groupSteps) {
      expect(proposeAnswer(step, client, 4)).toMatchObject({ answer: 'no', fact: 'channel' });
      expect(proposeAnswer(step, host, 4)).toBeUndefined();
      // The client's own channel, read at an earlier step, says nothing of the host.
      expect(proposeAnswer(step, client, 6)).toBeUndefined();
    }
  });
  it('a key that is not a MAK is not the MAK issued: No; a MAK installed is left to the technician', () => {
    const gvlk = out(fixture('slmgr-dli-kms-client-en-1.txt'), 2);
    const mak = out(
      'Name: Windows(R), Enterprise edition\nDescription: Windows(R) Operating System, VOLUME_MAK channel\nPartial Product Key: 3V66T\n',
      2,
    );
    for (const id of ['mak-invalid', 'mak-unsupported']) {
      expect(proposeAnswer(node('mak', id), gvlk, 2)?.answer).toBe('no');
      expect(proposeAnswer(node('mak', id), mak, 2)).toBeUndefined();
    }
  });
});

describe('slmgr /dlv all before the store is rebuilt, and the ADBA phone steps', () => {
  const out = (text: string, at: number) => readAt(factsOf(readConsole(text).sections), at);
  it('a listing answers "did it list the licences?" Yes; an error No', () => {
    const listed = out(fixture('slmgr-dlv-all-windows-office-joined-en.txt'), 3);
    const failed = out(
      'Error: 0xC004E002 The Software Licensing Service reported that the license store contains inconsistent data.\n',
      3,
    );
    for (const id of ['before-rebuild', 'before-rebuild-7']) {
      expect(proposeAnswer(node('license-store', id), listed, 3)).toMatchObject({
        answer: 'yes',
        fact: 'name',
      });
      expect(proposeAnswer(node('license-store', id), failed, 3)).toMatchObject({
        answer: 'no',
        fact: 'errorCode',
      });
    }
  });
  it('an object activated with its confirmation ID answers Yes, an error No; the phone step answers from the call alone', () => {
    const ok = out(
      'C:\\>cscript %windir%\\system32\\slmgr.vbs /ad-activation-apply-cid XXXXX-XXXXX-XXXXX-XXXXX-XXXXX 123456\nProduct activated successfully.\n',
      5,
    );
    expect(proposeAnswer(node('adba', 'apply-cid'), ok, 5)).toMatchObject({
      answer: 'yes',
      fact: 'succeeded',
    });
    const refused = out(
      'Error: 0xC004F050 The Software Licensing Service reported that the product key is invalid.\n',
      5,
    );
    expect(proposeAnswer(node('adba', 'apply-cid'), refused, 5)?.answer).toBe('no');
    // The online attempt's error is often in the same window: the phone step proposes nothing from any error.
    expect(proposeAnswer(node('adba', 'phone-object'), refused, 5)).toBeUndefined();
  });
});

describe('ospp.vbs one-message results, at the Office steps that change one thing', () => {
  const out = (text: string, at: number) => readAt(factsOf(readConsole(text).sections), at);
  const wrap = (line: string) =>
    `---Processing--------------------------\n---------------------------------------\n${line}\n---------------------------------------\n---Exiting-----------------------------\n`;
  it('a key installed answers /inpkey, a setting applied /sethst, /setprt and /remhst; an error code proposes nothing', () => {
    const key = out(wrap('<Product key installation successful>'), 4);
    const setting = out(wrap('Successfully applied setting.'), 4);
    const refused = out(
      wrap(
        'ERROR CODE: 0xC004F069\nERROR DESCRIPTION: The Software Licensing Service reported that the product SKU is not found.',
      ),
      4,
    );
    expect(proposeAnswer(node('office', 'inpkey'), key, 4)).toMatchObject({
      answer: 'yes',
      fact: 'osppSucceeded',
      line: '<Product key installation successful>',
    });
    // A setting applied is not a key installed.
    expect(proposeAnswer(node('office', 'inpkey'), setting, 4)).toBeUndefined();
    // /dstatus prints an ERROR CODE that is the licence's state, not the key's install: no answer from any code.
    expect(proposeAnswer(node('office', 'inpkey'), refused, 4)).toBeUndefined();
    for (const id of ['sethst', 'setprt', 'remhst']) {
      expect(proposeAnswer(node('office', id), setting, 4)?.answer).toBe('yes');
      expect(proposeAnswer(node('office', id), key, 4)).toBeUndefined();
      expect(proposeAnswer(node('office', id), refused, 4)).toBeUndefined();
      // A success pasted at an earlier step says nothing of this one.
      expect(proposeAnswer(node('office', id), setting, 6)).toBeUndefined();
    }
  });
});

describe('slmgr /ao-list and /dti, at the steps that run them', () => {
  const out = (text: string, at: number) => readAt(factsOf(readConsole(text).sections), at);
  it('a forest with no activation object answers No; objects listed are left to the technician', () => {
    const none = out('Activation Objects\n    No objects found\n', 0);
    expect(proposeAnswer(node('adba', 'start'), none, 0)).toMatchObject({
      answer: 'no',
      fact: 'activationObjects',
      line: 'No objects found',
    });
    const listed = out(fixture('slmgr-ao-list-constructed-en.txt').split('\n\n\n')[0]!, 0);
    expect(listed.activationObjects?.value).toBe(2);
    expect(proposeAnswer(node('adba', 'start'), listed, 0)).toBeUndefined();
    // The objects' KMS host keys are the forest's, never this Windows' own.
    expect(listed.partialKey).toBeUndefined();
  });
  it('an installation ID shown answers Yes, an error No, and a redacted one nothing', () => {
    const shown = out(fixture('slmgr-dti-constructed-en.txt'), 0);
    expect(proposeAnswer(node('phone-activation', 'start'), shown, 0)).toMatchObject({
      answer: 'yes',
      fact: 'installationIdShown',
    });
    const failed = out(
      'Error: 0xC004F014 The Software Licensing Service reported that the product key is not available\n',
      0,
    );
    expect(proposeAnswer(node('phone-activation', 'start'), failed, 0)?.answer).toBe('no');
    const redacted = out('Installation ID: <removed>\n', 0);
    expect(proposeAnswer(node('phone-activation', 'start'), redacted, 0)).toBeUndefined();
  });
});

describe('ospp.vbs /dstatus before the store is rebuilt', () => {
  const out = (text: string, at: number) => readAt(factsOf(readConsole(text).sections), at);
  it('an Office product with a key answers Yes, even when products hold different keys; Windows keys do not', () => {
    const step = node('license-store', 'office-before');
    // Two products with different keys: no one partial key, but Office holds a key.
    const two = out(fixture('ospp-dstatus-subscription-en-1.txt'), 4);
    expect(two.partialKey).toBeUndefined();
    expect(proposeAnswer(step, two, 4)).toMatchObject({ answer: 'yes', fact: 'officeKeyInstalled' });
    const windows = out(fixture('slmgr-dlv-all-windows-office-joined-en.txt'), 4);
    expect(proposeAnswer(step, windows, 4)).toBeUndefined();
    expect(proposeAnswer(step, out('<No installed product keys detected>\n', 4), 4)).toBeUndefined();
  });
});

describe('slmgr /dlv all on a KMS host: its Office KMS host licences', () => {
  const out = (text: string, at: number) => readAt(factsOf(readConsole(text).sections), at);
  const block = (office: number, status: string, key = 'Partial Product Key: WFG99\n') =>
    `Name: Office ${office}, OfficeKMSHostVL_KMS_Host edition\nDescription: Office ${office}, VOLUME_KMS channel\nApplication ID: 0ff1ce15-a989-479d-af46-f275c6370663\n${key}License Status: ${status}\n\n`;
  it('Office host licences all licensed propose nothing: which Office versions the host must serve, only the technician knows', () => {
    const listed = out(fixture('slmgr-dlv-all-windows-office-joined-en.txt'), 3);
    expect(listed.officeKmsHostLicensed?.value).toBe(true);
    expect(proposeAnswer(node('office', 'host-count'), listed, 3)).toBeUndefined();
    // A version whose host key was never put back reads "not in use" and is set aside: Yes would hide it.
    expect(proposeAnswer(node('license-store', 'restore-host-office'), listed, 3)).toBeUndefined();
    // The Windows block stays this Windows' own: Office's status is not the session's.
    expect(listed.licenseStatus?.value).toBe('notification');
  });
  it('one Office host licence left unlicensed answers No to "each licensed again?" and nothing to "is there one?"', () => {
    const mixed = out(block(16, 'Licensed') + block(15, 'Unlicensed'), 5);
    expect(proposeAnswer(node('license-store', 'restore-host-office'), mixed, 5)).toMatchObject({
      answer: 'no',
      line: 'License Status: Unlicensed',
    });
    expect(proposeAnswer(node('office', 'host-count'), mixed, 5)).toBeUndefined();
    // A licence with no key is not in use: it says nothing.
    const unused = out(block(16, 'Licensed') + block(15, 'Unlicensed', 'This license is not in use.\n'), 5);
    expect(proposeAnswer(node('license-store', 'restore-host-office'), unused, 5)).toBeUndefined();
    // Read at another step, it answers nothing here.
    expect(proposeAnswer(node('license-store', 'restore-host-office'), mixed, 7)).toBeUndefined();
  });
});

describe('dir at the Office folder steps', () => {
  const out = (text: string, at: number) => readAt(factsOf(readConsole(text).sections), at);
  const runs = fixture('dir-ospp-constructed-en.txt').split(/\n(?=C:\\)/);
  it('ospp.vbs listed answers Yes; File Not Found or no such folder answers No', () => {
    for (const id of ['folder-64', 'folder-32']) {
      const step = node('office', id);
      expect(proposeAnswer(step, out(runs[0]!, 1), 1)).toMatchObject({
        answer: 'yes',
        fact: 'filesListed',
        line: '1 File(s)        215,766 bytes',
      });
      expect(proposeAnswer(step, out(runs[1]!, 1), 1)?.answer).toBe('no');
      expect(proposeAnswer(step, out(runs[2]!, 1), 1)?.answer).toBe('no');
      // A listing pasted at another step says nothing of this folder.
      expect(proposeAnswer(step, out(runs[0]!, 0), 1)).toBeUndefined();
    }
  });
});

describe('Install-WindowsFeature at the Volume Activation Services role step', () => {
  const out = (text: string, at: number) => readAt(factsOf(readConsole(text).sections), at);
  const table = (row: string) =>
    `Success Restart Needed Exit Code      Feature Result\n------- -------------- ---------      --------------\n${row}\n`;
  it('Success True answers Yes (already installed too), False answers No, a lone row nothing', () => {
    const step = node('kms-host', 'va-role');
    expect(proposeAnswer(step, out(fixture('install-windowsfeature-success-en-1.txt'), 2), 2)).toMatchObject({
      answer: 'yes',
      fact: 'featureInstalled',
    });
    expect(proposeAnswer(step, out(table('True    No             NoChangeNeeded {}'), 2), 2)?.answer).toBe(
      'yes',
    );
    expect(proposeAnswer(step, out(table('False   No             Failed         {}'), 2), 2)?.answer).toBe(
      'no',
    );
    expect(
      proposeAnswer(step, out('True    No             Success        {Volume Activation Services}\n', 2), 2),
    ).toBeUndefined();
  });
});

describe('facts from ipconfig /all, at the DNS server steps', () => {
  it('answer No to "the right DNS servers?" where an adapter has an address and no DNS server, and nothing where it lists some', () => {
    const out = (name: string, at: number) => readAt(factsOf(readConsole(fixture(name)).sections), at);
    for (const step of [node('connectivity', 'ipconfig'), node('kms-dns', 'dns-servers')]) {
      expect(proposeAnswer(step, out('ipconfig-all-no-dns-servers-constructed-en.txt', 3), 3)).toMatchObject({
        answer: 'no',
        fact: 'dnsServerCount',
        line: 'IPv4 Address. . . . . . . . . . . : 10.20.30.41(Preferred)',
      });
      // Windows' site-local placeholders, listed with IPv6 on and no server set, are no DNS servers.
      const placeholders = fixture('ipconfig-all-no-dns-servers-constructed-en.txt').replace(
        /^( +)(Default Gateway.*\n)/m,
        '$1$2$1DNS Servers . . . . . . . . . . . : fec0:0:0:ffff::1%1\n$1                                    fec0:0:0:ffff::2%1\n$1                                    fec0:0:0:ffff::3%1\n',
      );
      expect(proposeAnswer(step, readAt(factsOf(readConsole(placeholders).sections), 3), 3)?.answer).toBe(
        'no',
      );
      expect(readConsole(placeholders).sections[0]?.facts.dnsServers).toBeUndefined();
      // A paste cut before the adapter's last row is no proof that it has no DNS server.
      const cut = fixture('ipconfig-all-no-dns-servers-constructed-en.txt').replace(/^.*NetBIOS.*$/m, '');
      expect(proposeAnswer(step, readAt(factsOf(readConsole(cut).sections), 3), 3)).toBeUndefined();
      // Which servers are right only the technician knows.
      expect(proposeAnswer(step, out('ipconfig-all-dhcp-suffix-en-1.txt', 3), 3)).toBeUndefined();
      // Another computer's ipconfig, pasted at an earlier step, says nothing of this one.
      expect(
        proposeAnswer(step, out('ipconfig-all-no-dns-servers-constructed-en.txt', 1), 3),
      ).toBeUndefined();
    }
  });
});

describe('facts from nslookup, at the KMS host name check', () => {
  it('answer No when the lookup fails, only there; an address returned is left to the technician to compare', () => {
    const step = node('event-8198', 'dns-check');
    const out = (text: string, at: number) => readAt(factsOf(readConsole(text).sections), at);
    const found =
      'C:\\>nslookup kms01.corp.example.com\nServer:  dc1.corp.example.com\nAddress:  192.0.2.2\n\nName:    kms01.corp.example.com\nAddress:  192.0.2.15\n';
    // Whether the address is the KMS host's (not a stale record) only the technician knows.
    expect(out(found, 5).resolved?.value).toBe(true);
    expect(proposeAnswer(step, out(found, 5), 5)).toBeUndefined();
    expect(proposeAnswer(step, out(fixture('nslookup-failure-ru-1.txt'), 5), 5)?.answer).toBe('no');
    expect(proposeAnswer(step, out(found, 2), 5)).toBeUndefined();
    // An SRV answer's target addresses are no answer to "does the host's name resolve?".
    expect(proposeAnswer(step, out(fixture('nslookup-srv-vlmcs-success-en-1.txt'), 5), 5)).toBeUndefined();
    // A wildcard record answering the name with the DNS suffix appended is not the KMS host's address.
    const appended = found.replace(
      'Name:    kms01.corp.example.com',
      'Name:    kms01.corp.example.com.corp.example.com',
    );
    expect(out(appended, 5).resolved).toBeUndefined();
    // An alias is answered under its canonical name, the alias listed under Aliases.
    const alias =
      'C:\\>nslookup kms.corp.example.com\nServer:  dc1.corp.example.com\nAddress:  192.0.2.2\n\nName:    kms01.corp.example.com\nAddress:  192.0.2.15\nAliases:  kms.corp.example.com\n';
    expect(out(alias, 5).resolved?.value).toBe(true);
  });
});

describe('facts from the .NET port test, at its step', () => {
  it('answer Yes from True and No from the connection exception, for the port it tests', () => {
    const step = node('kms-connect', 'test-port-legacy');
    const out = (name: string, at: number) => readAt(factsOf(readConsole(fixture(name)).sections), at);
    expect(proposeAnswer(step, out('tcpclient-connected-constructed-en.txt', 4), 4)).toMatchObject({
      answer: 'yes',
      fact: 'tcpTestSucceeded',
    });
    expect(proposeAnswer(step, out('tcpclient-refused-constructed-en.txt', 4), 4)?.answer).toBe('no');
    expect(proposeAnswer(step, out('tcpclient-refused-constructed-en.txt', 2), 4)).toBeUndefined();
    // A test of another port pasted there answers nothing for 1688.
    expect(proposeAnswer(step, out('tnc-3001-failure-ru-1.txt', 4), 4)).toBeUndefined();
  });
});

describe('facts from the firewall lists, at the firewall steps', () => {
  const out = (name: string, at: number) => readAt(factsOf(readConsole(fixture(name)).sections), at);
  it('answer "is a rule enabled for the card\'s profile?" from the profiles and rules listed there', () => {
    const step = node('kms-connect', 'check-firewall');
    expect(proposeAnswer(step, out('netfirewall-rule-on-domain-constructed-en.txt', 7), 7)).toMatchObject({
      answer: 'yes',
      fact: 'firewallRuleOn',
    });
    // A rule off for the card's profile, or none listed, proposes nothing: the rule query runs silenced, so a
    // refused or cut-off query lists nothing too.
    const other = out('netfirewall-rule-other-profiles-constructed-en.txt', 7);
    expect(other.firewallRuleOn?.value).toBe(false);
    expect(proposeAnswer(step, other, 7)).toBeUndefined();
    const profile = 'InterfaceAlias  : Ethernet\nNetworkCategory : Private\n';
    const none = `PS C:\\> ${step.kind === 'action' ? step.command.run : ''}\n\n${profile}`;
    expect(proposeAnswer(step, readAt(factsOf(readConsole(none).sections), 7), 7)).toBeUndefined();
    expect(proposeAnswer(step, readAt(factsOf(readConsole(profile).sections), 7), 7)).toBeUndefined();
    // Two cards whose profiles differ leave the answer to the technician, who knows which card the clients reach.
    const two =
      'InterfaceAlias  : Ethernet\nNetworkCategory : DomainAuthenticated\n\nInterfaceAlias  : Backup\nNetworkCategory : Public\n\nName                  : SPPSVC-In-TCP-NoScope\nEnabled               : True\nProfile               : Domain\nPolicyStoreSourceType : Local\n';
    expect(proposeAnswer(step, readAt(factsOf(readConsole(two).sections), 7), 7)).toBeUndefined();
    // A query that printed an error listed nothing because it never read the rules.
    const refused = `${none}Get-NetConnectionProfile : Access is denied.\nAt line:1 char:1\n`;
    expect(proposeAnswer(step, readAt(factsOf(readConsole(refused).sections), 7), 7)).toBeUndefined();
  });
  it('answer "does the profile let inbound rules in, with no Block rule?" from the profiles listed there', () => {
    const step = node('kms-connect', 'check-firewall-block');
    // Open profiles and no Block rule listed propose nothing: a paste cut before the Block rules looks the same.
    expect(out('netfirewall-profiles-open-constructed-en.txt', 9).firewallInboundOpen?.value).toBe(true);
    expect(proposeAnswer(step, out('netfirewall-profiles-open-constructed-en.txt', 9), 9)).toBeUndefined();
    // The profiles alone, cut before the Block rules would follow, do not prove there are none.
    const cut = fixture('netfirewall-profiles-open-constructed-en.txt').replace(/^PS .*$/m, '');
    expect(proposeAnswer(step, readAt(factsOf(readConsole(cut).sections), 9), 9)).toBeUndefined();
    expect(proposeAnswer(step, out('netfirewall-profiles-block-all-constructed-en.txt', 9), 9)).toMatchObject(
      {
        answer: 'no',
        line: 'AllowInboundRules : False',
      },
    );
    // A Block rule listed may belong to one program only: the technician decides.
    const blocked =
      'Name              : Domain\nEnabled           : True\nAllowInboundRules : True\n\nDisplayName : Block Example App\nProfile     : Any\nLocalPort   : Any\n';
    expect(proposeAnswer(step, readAt(factsOf(readConsole(blocked).sections), 9), 9)).toBeUndefined();
    // The Block-rule query refused: its empty list is no proof of no Block rule (PowerShell 5 and 7 errors).
    const open = fixture('netfirewall-profiles-open-constructed-en.txt');
    const refused = [
      'Get-NetFirewallRule : Access is denied.\nAt line:1 char:96\n+ ... owInboundRules; Get-NetFirewallRule -Direction Inbound -Action Block ...\n+                     ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~\n    + CategoryInfo          : PermissionDenied: (MSFT_NetFirewallRule:root/standardcimv2/MSFT_NetFirewallRule) [Get-NetFirewallRule], CimException\n    + FullyQualifiedErrorId : Windows System Error 5,Get-NetFirewallRule\n',
      'Get-NetFirewallRule: Access is denied.\n',
    ];
    for (const error of refused)
      expect(proposeAnswer(step, readAt(factsOf(readConsole(open + error).sections), 9), 9)).toBeUndefined();
    // Which profile the host is on is not in the paste: blocking on Private and Public, with Domain off, is no No.
    const cmd = open.split('\n').find((l) => l.startsWith('PS '))!;
    const prof = (name: string, enabled: string, allow: string) =>
      `Name              : ${name}\nEnabled           : ${enabled}\nAllowInboundRules : ${allow}\n\n`;
    const mixed = `${cmd}\n\n${prof('Domain', 'False', 'NotConfigured')}${prof('Private', 'True', 'False')}${prof('Public', 'True', 'False')}`;
    expect(proposeAnswer(step, readAt(factsOf(readConsole(mixed).sections), 9), 9)).toBeUndefined();
    const blocking = `${cmd}\n\n${['Domain', 'Private', 'Public'].map((n) => prof(n, 'True', 'False')).join('')}`;
    expect(proposeAnswer(step, readAt(factsOf(readConsole(blocking).sections), 9), 9)?.answer).toBe('no');
    // The firewall off on every profile is read as open, and left to the technician like any open reading.
    const off = ['Domain', 'Private', 'Public'].map((n) => prof(n, 'False', 'False')).join('');
    expect(readAt(factsOf(readConsole(off).sections), 9).firewallInboundOpen?.value).toBe(true);
  });
});

describe('facts from icacls and the store restore, at the licensing store steps', () => {
  const out = (name: string, at: number) => readAt(factsOf(readConsole(fixture(name)).sections), at);
  it('answer "the three accounts with (F), and no Deny?" from the listing there: a failed run or a Deny entry is No', () => {
    for (const id of ['fix-permissions-7', 'remove-deny-7']) {
      const step = node('license-store', id);
      expect(proposeAnswer(step, out('icacls-store-repaired-constructed-en.txt', 6), 6)).toMatchObject({
        answer: 'yes',
        fact: 'storeAclOk',
        line: 'tokens.dat NT AUTHORITY\\SYSTEM:(I)(F)',
      });
      expect(proposeAnswer(step, out('icacls-store-deny-constructed-en.txt', 6), 6)).toMatchObject({
        answer: 'no',
        line: 'tokens.dat NT AUTHORITY\\NETWORK SERVICE:(DENY)(W)',
      });
      expect(proposeAnswer(step, out('icacls-store-access-denied-constructed-en.txt', 6), 6)).toMatchObject({
        answer: 'no',
        line: 'Successfully processed 0 files; Failed processing 1 files',
      });
      // Another file's permissions, without NETWORK SERVICE, answer nothing.
      expect(proposeAnswer(step, out('icacls-listing-hosts-en-1.txt', 6), 6)).toBeUndefined();
      expect(proposeAnswer(step, out('icacls-store-repaired-constructed-en.txt', 5), 6)).toBeUndefined();
      // The folder's listing ("icacls .") is not tokens.dat's, whatever it grants.
      const repaired = fixture('icacls-store-repaired-constructed-en.txt');
      const folder = repaired.replace('tokens.dat NT AUTHORITY', '. NT AUTHORITY');
      expect(proposeAnswer(step, readAt(factsOf(readConsole(folder).sections), 6), 6)).toBeUndefined();
      // tokens.dat's whole listing without NETWORK SERVICE is No; the same listing cut short says nothing.
      const missing = repaired.replace(/^ +NT AUTHORITY\\NETWORK SERVICE:\(I\)\(F\)\n/m, '');
      expect(proposeAnswer(step, readAt(factsOf(readConsole(missing).sections), 6), 6)).toMatchObject({
        answer: 'no',
        line: 'tokens.dat NT AUTHORITY\\SYSTEM:(I)(F)',
      });
      const cut = missing.replace(/\n*Successfully processed 1 files; Failed processing 0 files\n*$/, '\n');
      expect(proposeAnswer(step, readAt(factsOf(readConsole(cut).sections), 6), 6)).toBeUndefined();
    }
  });
  it('answer "tokens.dat and no tokens.bar?" from the files dir listed there', () => {
    for (const id of ['restore-bar', 'restore-bar-7']) {
      const step = node('license-store', id);
      expect(proposeAnswer(step, out('store-restore-put-back-constructed-en.txt', 8), 8)).toMatchObject({
        answer: 'yes',
        line: 'tokens.dat',
      });
      expect(proposeAnswer(step, out('store-restore-duplicate-constructed-en.txt', 8), 8)).toMatchObject({
        answer: 'no',
        line: 'A duplicate file name exists, or the file cannot be found.',
      });
      expect(proposeAnswer(step, out('store-restore-put-back-constructed-en.txt', 3), 8)).toBeUndefined();
      // cd failed: nothing renamed, and dir listed the folder it was in instead.
      const noPath =
        'The Software Protection service is stopping.\nThe Software Protection service was stopped successfully.\n\nThe system cannot find the path specified.\nFile Not Found\nThe Software Protection service is starting.\nThe Software Protection service was started successfully.\n';
      expect(proposeAnswer(step, readAt(factsOf(readConsole(noPath).sections), 8), 8)).toMatchObject({
        answer: 'no',
        line: 'The system cannot find the path specified.',
      });
    }
  });
});
