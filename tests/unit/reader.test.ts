import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/flows.ts';
import { COLLECT_COMMAND } from '../../src/console/collect.ts';
import { factsOf } from '../../src/flow/facts.ts';
import { MAX_UNREAD, MAX_UNREAD_CHARS, readConsole } from '../../src/console/reader.ts';
import type { Facts, ReadResult, Section } from '../../src/console/reader.ts';
import { maskKeysIn } from '../../src/redact/key-in-text.ts';

const SHARED = new URL('../../../shared/fixtures/console/', import.meta.url);
const OWN = new URL('../fixtures/console/', import.meta.url);

/** A fixture's output: the two header lines (# source, # what) checked and skipped. */
function load(dir: URL, file: string): string {
  const [source, what, ...rest] = readFileSync(new URL(file, dir), 'utf8').split('\n');
  expect(source).toMatch(/^# source: \S/);
  expect(what).toMatch(/^# what: \S/);
  return rest.join('\n');
}

// Every fact read anywhere in this file, to prove each fact name is covered at least once.
const seen = new Set<keyof Facts>();
function read(text: string): ReadResult {
  const result = readConsole(text);
  for (const s of result.sections) {
    for (const key of Object.keys(s.facts) as (keyof Facts)[]) {
      seen.add(key);
      // Every fact names the line it came from, as pasted (product keys masked) and trimmed.
      const line = s.lines[key];
      expect(line, key).toBeDefined();
      expect(maskKeysIn(text).includes(line!), `${key}: ${line}`).toBe(true);
      expect(line).toBe(line!.trim());
    }
  }
  return result;
}
function only(result: ReadResult): Section {
  expect(result.sections).toHaveLength(1);
  return result.sections[0]!;
}

type Check = (r: ReadResult, text: string) => void;

// One expectation per file of shared/fixtures/console, from what its README line describes.
const SHARED_FIXTURES: Record<string, Check> = {
  'event-12288-kms-client-en-1.txt': (r) => {
    const s = only(r);
    expect(s.kind).toBe('event');
    expect(s.facts).toMatchObject({
      eventId: 12288,
      source: 'Microsoft-Windows-Security-SPP',
      errorCode: '0xC004F06C',
    });
    // "<KMS Host FQDN>:1688" is Microsoft's placeholder: no host is invented from it.
    expect(s.facts.kmsHost).toBeUndefined();
    expect(s.lines.errorCode).toMatch(/^0xC004F06C, 0x00000000, <KMS Host FQDN>:1688/);
    expect(r.unread).toEqual([]);
  },
  'nslookup-failure-ru-1.txt': (r) => {
    const s = only(r);
    expect(s.kind).toBe('nslookup-srv');
    expect(s.facts).toEqual({
      query: 'msu.ru.',
      server: 'UnKnown',
      serverAddress: '10.114.240.10',
      dnsFailure: 'timeout',
    });
    expect(s.lines.server).toBe('╤хЁтхЁ:  UnKnown');
    expect(r.unread).toEqual([]);
  },
  'nslookup-ns-ru-1.txt': (r) => {
    expect(r.sections.map((s) => s.kind)).toEqual(['nslookup-srv', 'nslookup-srv']);
    const [ns, a] = r.sections as [Section, Section];
    expect(ns.facts).toMatchObject({
      queryType: 'ns',
      query: 'msu.ru.',
      server: 't04-505-pdc-pri.at.urfu.ru',
      serverAddress: '10.98.241.10',
      nonAuthoritative: true,
    });
    expect(ns.lines.nonAuthoritative).toBe('Не заслуживающий доверия ответ:');
    expect(a.facts).toMatchObject({ query: 'rbc.ru.', server: 't04-505-pdc-pri.at.urfu.ru' });
    // Not an SRV lookup, and not a failure either.
    for (const s of r.sections) expect(s.facts).not.toHaveProperty('srv');
    for (const s of r.sections) expect(s.facts).not.toHaveProperty('dnsFailure');
    expect(r.unread).toEqual([]);
  },
  'nslookup-srv-vlmcs-success-en-1.txt': (r) => {
    const s = only(r);
    expect(s.facts).toEqual({
      queryType: 'srv',
      query: '_vlmcs._tcp',
      server: 'dc.company.local',
      serverAddress: '192.168.1.17:53',
      srv: [{ target: 'kmshost.company.local', port: 1688, priority: 0, weight: 0 }],
    });
    expect(s.lines.srv).toBe('svr hostname = kmshost.company.local');
    expect(r.unread).toEqual([]);
  },
  'nslookup-srv-vlmcs-success-en-2.txt': (r) => {
    const s = only(r);
    expect(s.facts).toEqual({
      queryType: 'srv',
      query: '_vlmcs._tcp.contoso.com',
      srv: [{ target: 'kmshost.contoso.com', port: 1688, priority: 0, weight: 0 }],
    });
    expect(r.unread).toEqual([]);
  },
  'slmgr-ato-error-0x8007232b-en-1.txt': (r) => {
    const s = only(r);
    expect(s.kind).toBe('slmgr-error');
    expect(s.facts).toEqual({ errorCode: '0x8007232B', message: 'DNS name does not exist' });
  },
  'slmgr-ato-error-0xc004f074-en-1.txt': (r) => {
    const s = only(r);
    expect(s.kind).toBe('slmgr-error');
    expect(s.facts.errorCode).toBe('0xC004F074');
    expect(s.facts.message).toMatch(/^The Software Licensing Service reported that the product could not be/);
    expect(s.facts.message).toMatch(/for additional information\.$/);
  },
  'slmgr-ato-error-0xc004f074-ru-1.txt': (r) => {
    const s = only(r);
    expect(s.kind).toBe('slmgr-error');
    expect(s.facts.errorCode).toBe('0xC004F074');
    expect(s.facts.message).toMatch(/^Служба лицензирования программного обеспечения сообщила/);
    expect(s.lines.errorCode).toMatch(/^Ошибка: 0xC004F074 /);
  },
  'slmgr-dli-eval-grace-en-1.txt': (r) => {
    const s = only(r);
    expect(s.kind).toBe('slmgr-dli');
    expect(s.facts).toEqual({
      name: 'Windows(R) 7, Enterprise edition',
      channel: 'TIMEBASED_EVAL',
      partialKey: 'JCDDG',
      licenseStatus: 'initial-grace',
      graceMinutes: 12960,
    });
    expect(s.lines.graceMinutes).toBe('Time remaining: 12960 minute(s) (9 day(s))');
  },
  'slmgr-dli-kms-client-en-1.txt': (r) => {
    const s = only(r);
    expect(s.kind).toBe('slmgr-dli');
    expect(s.facts).toEqual({
      name: 'Windows(R) 7, Enterprise edition',
      channel: 'VOLUME_KMSCLIENT',
      partialKey: 'DVQ7P',
      licenseStatus: 'licensed',
      expirationMinutes: 243720,
      cmid: '2ffcfc30-6a6a-49ec-92b8-f6150c7df211',
      kmsHost: 'emeronb10-rc3.sppvltest.net',
      kmsPort: 1688,
      kmsHostFrom: 'dns',
    });
    expect(s.lines.kmsHost).toBe('KMS machine name from DNS: emeronb10-rc3.sppvltest.net:1688');
    expect(r.unread).toEqual([]);
  },
  'slmgr-dli-kms-client-en-2.txt': (r) => {
    const s = only(r);
    expect(s.kind).toBe('slmgr-dli');
    expect(s.facts).toMatchObject({
      channel: 'VOLUME_KMSCLIENT',
      licenseStatus: 'licensed',
      expirationMinutes: 253564,
      activationType: 'All',
      cmid: 'f9d4e20a-cb8f-4050-9c0c-56420455ada1',
      kmsHost: 'bisv229.corp.giag.net',
      kmsPort: 1688,
      kmsHostFrom: 'dns',
      kmsIp: '10.5.213.229',
    });
    expect(r.unread).toEqual([]);
  },
  'slmgr-dli-kms-host-en-1.txt': (r) => {
    const s = only(r);
    expect(s.kind).toBe('slmgr-dli');
    expect(s.facts).toEqual({
      name: 'Windows Server(R), ServerEnterprise edition',
      channel: 'VOLUME_KMS_C',
      partialKey: 'PYWKV',
      licenseStatus: 'licensed',
      kmsEnabled: true,
      currentCount: 2,
      listeningPort: 1688,
      dnsPublishing: true,
    });
    expect(r.unread).toEqual([]);
  },
  'slmgr-dli-oem-en-1.txt': (r) => {
    const s = only(r);
    expect(s.facts).toEqual({
      name: 'Windows(R), Professional edition',
      channel: 'OEM_DM',
      partialKey: 'D692P',
      licenseStatus: 'licensed',
    });
  },
  'slmgr-dlv-kms-client-fragment-en-1.txt': (r) => {
    const s = only(r);
    // No /dlv-only line and no command line: /dli by the rule.
    expect(s.kind).toBe('slmgr-dli');
    // Microsoft's <client-machine-ID> and <KMS-machine-name> placeholders are not values.
    expect(s.facts).toEqual({});
    expect(r.unread).toEqual([]);
  },
  'slmgr-dlv-kms-host-en-1.txt': (r) => {
    const s = only(r);
    expect(s.kind).toBe('slmgr-dlv');
    expect(s.facts).toEqual({
      name: 'Windows(R), ServerStandard edition',
      channel: 'VOLUME_KMS_2012-R2_WIN10',
      productKeyChannel: 'Volume:CSVLK',
      licenseStatus: 'licensed',
      rearmCount: 1000,
      skuRearmCount: 1001,
      kmsEnabled: true,
      currentCount: 0,
      listeningPort: 1688,
      dnsPublishing: true,
    });
    // The poster's "XXXXXXXXXXXXXXXXXX" is not a partial key.
    expect(s.facts.partialKey).toBeUndefined();
    expect(r.unread).toEqual([]);
  },
  'tnc-1688-failure-en-1.txt': (r) => {
    const s = only(r);
    expect(s.kind).toBe('test-netconnection');
    expect(s.facts).toEqual({
      computerName: '192.168.56.101',
      remoteAddress: '192.168.56.101',
      remotePort: 1688,
      pingSucceeded: false,
      tcpTestSucceeded: false,
      warnings: [
        'Ping to 192.168.56.101 failed -- Status: DestinationHostUnreachable',
        'TCP connect to 192.168.56.101:1688 failed',
      ],
    });
  },
  'tnc-1688-success-en-1.txt': (r) => {
    const s = only(r);
    expect(s.facts).toEqual({
      computerName: '172.26.175.118',
      remoteAddress: '172.26.175.118',
      remotePort: 1688,
      tcpTestSucceeded: true,
    });
    expect(r.unread).toEqual([]);
  },
  'tnc-1688-success-en-2.txt': (r) => {
    const s = only(r);
    expect(s.facts).toMatchObject({ remotePort: 1688, pingSucceeded: true, tcpTestSucceeded: true });
  },
  'tnc-3001-failure-ru-1.txt': (r) => {
    const s = only(r);
    expect(s.facts).toEqual({
      computerName: '192.168.1.151',
      remoteAddress: '192.168.1.151',
      remotePort: 3001,
      pingSucceeded: true,
      tcpTestSucceeded: false,
      warnings: ['TCP connect to (192.168.1.151 : 3001) failed'],
    });
    // The warning glued after the prompt's padding is its own line.
    expect(s.lines.warnings).toBe('ПРЕДУПРЕЖДЕНИЕ: TCP connect to (192.168.1.151 : 3001) failed');
    expect(r.unread).toEqual([]);
  },
  'w32tm-query-status-de-1.txt': (r, text) => {
    // Translated labels and values: not read, every line reported.
    expect(r.sections).toEqual([]);
    expect(r.unread).toEqual(
      text
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean),
    );
  },
  'w32tm-query-status-en-1.txt': (r) => {
    const s = only(r);
    expect(s.kind).toBe('w32tm-status');
    expect(s.facts).toEqual({
      leapIndicator: 0,
      stratum: 5,
      lastSync: '11/18/2012 2:26:21 AM',
      timeSource: 'DCNAME.company.com',
    });
    expect(r.unread).toEqual([]);
  },
  'w32tm-stripchart-en-1.txt': (r) => {
    const s = only(r);
    expect(s.kind).toBe('w32tm-stripchart');
    expect(s.facts).toEqual({ target: '192.168.100.10', offsetSeconds: 0.0349344 });
    expect(s.lines.offsetSeconds).toBe('14:18:09, +00.0349344s');
    expect(r.unread).toEqual([]);
  },
};

describe('reader: the real samples in shared/fixtures/console', () => {
  const files = readdirSync(SHARED).filter((f) => f.endsWith('.txt'));
  it('has an expectation for every sample', () => {
    expect(files.sort()).toEqual(Object.keys(SHARED_FIXTURES).sort());
  });
  for (const file of files) {
    it(file, () => {
      const text = load(SHARED, file);
      SHARED_FIXTURES[file]!(read(text), text);
    });
  }
});

// Samples written for variations the README documents but no real sample shows, and two real
// SoftwareLicensingProduct / Service listings (each file's header says which).
const OWN_FIXTURES: Record<string, Check> = {
  'slmgr-dlv-all-windows-office-joined-en.txt': (r) => {
    // One section per product, as printed; only the Windows licence in use stands for this machine.
    expect(r.sections.map((s) => [s.kind, s.aside])).toEqual([
      ['slmgr-dlv', undefined],
      ['slmgr-dlv', 'other-product'],
      ['slmgr-dlv', 'other-product'],
    ]);
    expect(r.sections[1]!.facts).toMatchObject({ channel: 'VOLUME_KMS', licenseStatus: 'licensed' });
    expect(r.sections[2]!.facts).toMatchObject({ licenseStatus: 'unlicensed' });
    const facts = factsOf(r.sections);
    expect(Object.fromEntries(Object.entries(facts).map(([k, f]) => [k, f.value]))).toEqual({
      name: 'Windows(R) 7, Enterprise edition',
      channel: 'VOLUME_KMSCLIENT',
      partialKey: 'HVTHH',
      licenseStatus: 'notification',
      notificationReason: '0xC004F200',
      rearmCount: 2,
    });
    // The docs' "enabled on this computer" is not slmgr's own wording ("on this machine").
    expect(r.unread).toEqual(['Key Management Service is enabled on this computer']);
  },
  'cim-slp-oem-en-1.txt': (r) => {
    const s = only(r);
    expect(s.kind).toBe('cim');
    expect(s.facts).toEqual({
      name: 'Windows(R), Professional edition',
      channel: 'OEM_DM',
      licenseStatus: 'licensed',
      licenseStatusReason: '0x4004F401',
      partialKey: 'WFG6P',
      kmsEnabled: false,
      genuineStatus: 0,
    });
    expect(s.lines.licenseStatusReason).toMatch(/^LicenseStatusReason +: 1074066433$/);
    // 4294967295 is WMI's "not set", not a count; the author's "..." is all that is left over.
    expect(r.unread).toEqual(['...']);
  },
  'cim-sls-wmi-en-1.txt': (r) => {
    const s = only(r);
    expect(s.kind).toBe('cim');
    // Not a KMS host: the service's default port and publishing flag are not host facts.
    expect(s.facts).toEqual({ kmsEnabled: false, rearmCount: 1001 });
    expect(r.unread).toEqual([]);
  },
  'collect-output-constructed-en.txt': (r) => {
    expect(r.sections.map((s) => s.kind)).toEqual([
      'cim',
      'dns-srv',
      'test-netconnection',
      'w32tm-stripchart',
    ]);
    const [cim, dns, tcp, clock] = r.sections as [Section, Section, Section, Section];
    expect(cim.facts).toEqual({
      name: 'Windows(R), Enterprise edition',
      channel: 'VOLUME_KMSCLIENT',
      licenseStatus: 'licensed',
      licenseStatusReason: '0x00000000',
      expirationMinutes: 259140,
      productKeyChannel: 'Volume:GVLK',
      partialKey: '2YT43',
      activationType: 'All',
      kmsHost: 'kms01.corp.contoso.com',
      kmsPort: 1688,
      kmsHostFrom: 'dns',
      kmsIp: '10.1.1.20',
      kmsEnabled: false,
      skuRearmCount: 1001,
      genuineStatus: 0,
      cmid: '5e3c1c0a-2b7d-4c61-8f0e-7a9d3b2c1e45',
      rearmCount: 1001,
    });
    expect(dns.facts).toEqual({
      query: '_vlmcs._tcp.corp.contoso.com',
      queryType: 'srv',
      srv: [{ target: 'kms01.corp.contoso.com', port: 1688, priority: 0, weight: 0 }],
    });
    expect(tcp.facts).toEqual({
      computerName: 'kms01.corp.contoso.com',
      remoteAddress: '10.1.1.20',
      remotePort: 1688,
      tcpTestSucceeded: true,
    });
    expect(clock.facts).toEqual({ target: 'kms01.corp.contoso.com', offsetSeconds: 0.0153254 });
    // The pasted command line itself is recognized too.
    expect(r.unread).toEqual([]);
  },
  'event-12289-12290-constructed-en.txt': (r) => {
    expect(r.sections.map((s) => [s.kind, s.facts.eventId])).toEqual([
      ['event', 12289],
      ['event', 12290],
    ]);
    const [client, host] = r.sections as [Section, Section];
    expect(client.facts).toMatchObject({ errorCode: '0x00000000', currentCount: 26 });
    // 12290 names the client, not host:port: no KMS host is read from it.
    expect(host.facts).toEqual({
      eventId: 12290,
      source: 'Microsoft-Windows-Security-SPP',
      errorCode: '0x00000000',
    });
    expect(r.unread).toEqual([]);
  },
  'nslookup-srv-vlmcs-nxdomain-ru-constructed.txt': (r) => {
    expect(r.sections).toHaveLength(2);
    const [start, lookup] = r.sections as [Section, Section];
    expect(start.facts).toEqual({ server: 'dc01.corp.local', serverAddress: '10.1.1.10' });
    expect(start.lines.server).toBe('╤хЁтхЁ яю єьюыўрэш■:  dc01.corp.local');
    expect(lookup.facts).toEqual({
      queryType: 'srv',
      query: '_vlmcs._tcp',
      server: 'dc01.corp.local',
      serverAddress: '10.1.1.10',
      dnsFailure: 'not-found',
    });
    expect(r.unread).toEqual([]);
  },
  'nslookup-srv-vlmcs-success-ru-constructed.txt': (r) => {
    const s = only(r);
    expect(s.facts).toMatchObject({
      server: 'dc01.corp.local',
      nonAuthoritative: true,
      srv: [
        { target: 'kms01.corp.local', port: 1688, priority: 0, weight: 0 },
        { target: 'kms02.corp.local', port: 1688, priority: 10, weight: 50 },
      ],
    });
    expect(s.facts.dnsFailure).toBeUndefined();
    expect(r.unread).toEqual([]);
  },
  'slmgr-ato-error-wrapped-constructed-en.txt': (r) => {
    const s = only(r);
    expect(s.kind).toBe('slmgr-error');
    expect(s.facts).toEqual({
      errorCode: '0xC004F074',
      message:
        'The Software Licensing Service reported that the computer could not be activated. No Key Management Service (KMS) could be contacted. Please see the Application Event Log for additional information.',
    });
    expect(r.unread).toEqual([]);
  },
  'slmgr-dli-kms-client-variants-constructed-en.txt': (r) => {
    expect(r.sections.map((s) => s.kind)).toEqual(['slmgr-dli', 'slmgr-dli']);
    const [noDns, v6] = r.sections as [Section, Section];
    expect(noDns.facts).toMatchObject({
      activationType: 'KMS',
      kmsDnsUnavailable: true,
      partialKey: '3V66T',
    });
    expect(noDns.facts.kmsHost).toBeUndefined();
    // "KMS machine IP address: not available" is not an address.
    expect(noDns.facts.kmsIp).toBeUndefined();
    expect(v6.facts).toMatchObject({
      kmsHost: '2001:db8:10::15',
      kmsPort: 1688,
      kmsHostFrom: 'registered',
      kmsIp: '2001:db8:10::15',
    });
    expect(r.unread).toEqual([]);
  },
  'slmgr-dli-wrapped-banner-constructed-en.txt': (r) => {
    const s = only(r);
    expect(s.kind).toBe('slmgr-dli');
    expect(s.facts).toMatchObject({
      channel: 'VOLUME_KMSCLIENT',
      kmsHost: 'kms-primary-01.datacenter-east.corp.contoso.com',
      kmsPort: 1688,
      kmsHostFrom: 'registered',
      expirationMinutes: 259200,
    });
    expect(s.lines.channel).toBe(
      'Description: Windows Operating System - Windows Server(R), VOLUME_KMSCLIENT chan',
    );
    expect(r.unread).toEqual([]);
  },
  'slmgr-dlv-notification-webpaste-constructed-en.txt': (r) => {
    const s = only(r);
    expect(s.kind).toBe('slmgr-dlv');
    expect(s.facts).toMatchObject({
      licenseStatus: 'notification',
      notificationReason: '0xC004F00F',
      productKeyChannel: 'Volume:GVLK',
      partialKey: '2YT43',
      rearmCount: 1001,
    });
    expect(r.unread).toEqual([]);
  },
  'tnc-1688-failure-newer-warnings-constructed-en.txt': (r) => {
    const s = only(r);
    expect(s.facts.warnings).toEqual([
      'TCP connect to (10.0.0.5 : 1688) failed',
      'Ping to 10.0.0.5 failed with status: TimedOut',
    ]);
    expect(s.facts).toMatchObject({ computerName: 'kms01.corp.contoso.com', tcpTestSucceeded: false });
    expect(r.unread).toEqual([]);
  },
  'w32tm-stripchart-variants-constructed-en.txt': (r) => {
    expect(r.sections.map((s) => s.facts)).toEqual([
      // Without /dataonly: the o: offset of the last sample, sign kept.
      { target: 'kms01.corp.contoso.com', offsetSeconds: -0.6887759 },
      { target: 'kms02.corp.contoso.com', errorCode: '0x800705B4' },
    ]);
    expect(r.unread).toEqual([]);
  },
};

describe('reader: constructed variations and CIM samples in tests/fixtures/console', () => {
  const files = readdirSync(OWN).filter((f) => f.endsWith('.txt'));
  it('has an expectation for every sample, and says which are constructed', () => {
    expect(files.sort()).toEqual(Object.keys(OWN_FIXTURES).sort());
    for (const f of files.filter((name) => name.includes('constructed'))) {
      expect(readFileSync(new URL(f, OWN), 'utf8')).toMatch(/^# source: constructed /);
    }
  });
  for (const file of files) {
    it(file, () => {
      const text = load(OWN, file);
      OWN_FIXTURES[file]!(read(text), text);
    });
  }
});

describe('reader: formats and states without a sample file', () => {
  it.each([
    ['Licensed', 'licensed'],
    ['Unlicensed', 'unlicensed'],
    ['Initial grace period', 'initial-grace'],
    ['Additional grace period (KMS license expired or hardware out of tolerance)', 'additional-grace'],
    ['Non-genuine grace period.', 'non-genuine-grace'],
    ['Notification', 'notification'],
    ['Extended grace period', 'extended-grace'],
  ])('slmgr "License Status: %s"', (status, expected) => {
    const s = only(read(`Name: Windows(R), Professional edition\nLicense Status: ${status}\n`));
    expect(s.facts.licenseStatus).toBe(expected);
  });

  it('reads an unknown license status as nothing', () => {
    const s = only(read('Name: Windows(R), Professional edition\nLicense Status: Unknown\n'));
    expect(s.facts.licenseStatus).toBeUndefined();
  });

  it('tells /dlv by the command line when no /dlv-only line shows, and keeps it for every product', () => {
    const body = 'Name: Windows(R), Enterprise edition\nLicense Status: Licensed\n';
    const r = read(`C:\\>cscript //nologo slmgr.vbs /dlv all\n${body}\n${body.replace('Enterprise', 'Pro')}`);
    expect(r.sections.map((s) => s.kind)).toEqual(['slmgr-dlv', 'slmgr-dlv']);
    expect(read(`slmgr /dli\n${body}`).sections[0]!.kind).toBe('slmgr-dli');
    expect(read(body).sections[0]!.kind).toBe('slmgr-dli');
  });

  it('reads "DNS publishing disabled" and a KMS host with a changed port', () => {
    const s = only(
      read(
        'Name: Windows(R), ServerStandard edition\nKey Management Service is enabled on this machine\n    Current count: 50\n    Listening on Port: 11688\n    DNS publishing disabled\n',
      ),
    );
    expect(s.facts).toMatchObject({
      kmsEnabled: true,
      currentCount: 50,
      listeningPort: 11688,
      dnsPublishing: false,
    });
  });

  it('reads "Product activated successfully."', () => {
    const s = only(
      read(
        'Activating Windows(R), Enterprise edition (73111121-5638-40f6-bc11-f1d7b0d64300) ...\nProduct activated successfully.\n',
      ),
    );
    expect(s).toMatchObject({ kind: 'slmgr-ato', facts: { activated: true } });
  });

  it('reads nslookup failures in English: NXDOMAIN and server failure', () => {
    const nx = only(
      read(
        "C:\\>nslookup -type=srv _vlmcs._tcp\nServer:  dc1.contoso.com\nAddress:  10.0.0.1\n\n*** dc1.contoso.com can't find _vlmcs._tcp.contoso.com: Non-existent domain\n",
      ),
    );
    expect(nx.facts).toMatchObject({
      dnsFailure: 'not-found',
      query: '_vlmcs._tcp',
      server: 'dc1.contoso.com',
    });
    const fail = only(read("*** dc1.contoso.com can't find _vlmcs._tcp.contoso.com: Server failed\n"));
    expect(fail.facts).toEqual({ dnsFailure: 'server-failure', query: '_vlmcs._tcp.contoso.com' });
  });

  it('reads an SOA answer to an SRV query as "no records", and a timeout before an answer as no failure', () => {
    const soa = only(
      read(
        'nslookup -type=srv _vlmcs._tcp.contoso.com\nServer:  dc1.contoso.com\nAddress:  10.0.0.1\n\ncontoso.com\n        primary name server = dc1.contoso.com\n        responsible mail addr = hostmaster.contoso.com\n        serial  = 120\n',
      ),
    );
    expect(soa.facts.dnsFailure).toBe('no-records');
    const late = only(
      read(
        'DNS request timed out.\n    timeout was 2 seconds.\nServer:  UnKnown\nAddress:  10.0.0.1\n\n_vlmcs._tcp.contoso.com SRV service location:\n priority = 0\n weight = 0\n port = 1688\n svr hostname = kms.contoso.com\n',
      ),
    );
    expect(late.facts.dnsFailure).toBeUndefined();
    expect(late.facts.srv).toHaveLength(1);
  });

  it('reads a Resolve-DnsName error by its FullyQualifiedErrorId, which no language translates', () => {
    const s = only(
      read(
        'Resolve-DnsName : _vlmcs._tcp.contoso.com : DNS-имя не существует\n    + FullyQualifiedErrorId : DNS_ERROR_RCODE_NAME_ERROR,Microsoft.DnsClient.Commands.ResolveDnsName\n',
      ),
    );
    expect(s).toMatchObject({
      kind: 'dns-srv',
      facts: { query: '_vlmcs._tcp.contoso.com', dnsFailure: 'not-found' },
    });
  });

  it("reads Resolve-DnsName's default table, and an SOA-only answer as no records", () => {
    const table = only(
      read(
        [
          'PS C:\\> Resolve-DnsName -Type SRV _vlmcs._tcp.contoso.com',
          '',
          'Name                                     Type   TTL   Section    NameTarget                     Priority Weight Port',
          '----                                     ----   ---   -------    ----------                     -------- ------ ----',
          '_vlmcs._tcp.contoso.com                  SRV    600   Answer     kms01.contoso.com              0        0      1688',
          '_vlmcs._tcp.contoso.com                  SRV    600   Answer     kms02.contoso.co...            10       0      1688',
        ].join('\n'),
      ),
    );
    // A name Format-Table cut with "..." is not read: only the whole record is.
    expect(table.facts).toEqual({
      query: '_vlmcs._tcp.contoso.com',
      queryType: 'srv',
      srv: [{ target: 'kms01.contoso.com', port: 1688, priority: 0, weight: 0 }],
    });
    const soa = only(
      read(
        'Name        Type TTL   Section    PrimaryServer   NameAdministrator      SerialNumber\n----        ---- ---   -------    -------------   -----------------      ------------\ncontoso.com SOA  3600  Authority  dc1.contoso.com hostmaster.contoso.com 120\n',
      ),
    );
    expect(soa.facts).toEqual({ dnsFailure: 'no-records' });
  });

  it('reads events from Get-WinEvent | Format-List and 8198 with hr=', () => {
    // Constructed: Get-WinEvent's default list and the 12288 message, Info rows indented under Message.
    const fl = only(
      read(
        'TimeCreated  : 23.10.2025 9:58:11\nProviderName : Microsoft-Windows-Security-SPP\nId           : 12288\nMessage      : The client has sent an activation request to the key management service machine.\n               Info:\n               0xC004F074, 0x00000000, kms01.corp.contoso.com:1688, 5e3c1c0a-2b7d-4c61-8f0e-7a9d3b2c1e45, 2025/10/23 06:58, 0, 2, 43200, 73111121-5638-40f6-bc11-f1d7b0d64300, 25\n',
      ),
    );
    expect(fl.facts).toEqual({
      eventId: 12288,
      source: 'Microsoft-Windows-Security-SPP',
      errorCode: '0xC004F074',
      kmsHost: 'kms01.corp.contoso.com',
      kmsPort: 1688,
    });
    const e8198 = only(
      read(
        'Log Name: Application\nSource: Microsoft-Windows-Security-SPP\nEvent ID: 8198\nDescription:\nLicense Activation (slui.exe) failed with the following error code:\nhr=0xC004F074\n',
      ),
    );
    expect(e8198.facts).toMatchObject({ eventId: 8198, errorCode: '0xC004F074' });
  });

  it('reads a comma-decimal stripchart sample (reported, unverified locale form)', () => {
    expect(only(read('10:02:41, +00,0206779s\n')).facts.offsetSeconds).toBe(0.0206779);
  });

  it('reads CIM states: negative reason codes, notification, grace minutes, KMS hosts, /skms over DNS', () => {
    const cim = (rows: Record<string, string>) =>
      only(
        read(
          Object.entries(rows)
            .map(([k, v]) => `${k.padEnd(42)} : ${v}`)
            .join('\n'),
        ),
      ).facts;
    expect(cim({ LicenseStatus: '5', LicenseStatusReason: '-1073418219' })).toEqual({
      licenseStatus: 'notification',
      licenseStatusReason: '0xC004F015',
      notificationReason: '0xC004F015',
    });
    expect(
      cim({ LicenseStatus: '2', GracePeriodRemaining: '43200', LicenseStatusReason: '1074065420' }),
    ).toEqual({
      licenseStatus: 'initial-grace',
      graceMinutes: 43200,
      licenseStatusReason: '0x4004F00C',
    });
    expect(cim({ LicenseStatus: '3' }).licenseStatus).toBe('additional-grace');
    expect(cim({ LicenseStatus: '4' }).licenseStatus).toBe('non-genuine-grace');
    expect(cim({ LicenseStatus: '6' }).licenseStatus).toBe('extended-grace');
    expect(cim({ LicenseStatus: '0' }).licenseStatus).toBe('unlicensed');
    expect(cim({ LicenseStatus: '7' }).licenseStatus).toBeUndefined();
    expect(
      cim({
        DiscoveredKeyManagementServiceMachineName: 'kms-dns.contoso.com',
        DiscoveredKeyManagementServiceMachinePort: '1688',
        KeyManagementServiceMachine: 'kms-set.contoso.com',
        KeyManagementServicePort: '11688',
      }),
    ).toEqual({ kmsHost: 'kms-set.contoso.com', kmsPort: 11688, kmsHostFrom: 'registered' });
    expect(
      cim({
        IsKeyManagementServiceMachine: '1',
        KeyManagementServiceCurrentCount: '27',
        KeyManagementServiceListeningPort: '1688',
        KeyManagementServiceDnsPublishing: 'False',
      }),
    ).toEqual({ kmsEnabled: true, currentCount: 27, listeningPort: 1688, dnsPublishing: false });
    expect(
      cim({
        Description: 'Windows(R) Operating System, VOLUME_KMSCLIENT channel',
        DiscoveredKeyManagementServiceMachineName: '',
      }),
    ).toEqual({ channel: 'VOLUME_KMSCLIENT', kmsDnsUnavailable: true });
  });
});

describe('reader: several outputs pasted at once', () => {
  const outputs = [
    ['slmgr-dli-kms-client-en-2.txt', 'slmgr-dli'],
    ['slmgr-ato-error-0xc004f074-en-1.txt', 'slmgr-error'],
    ['nslookup-srv-vlmcs-success-en-1.txt', 'nslookup-srv'],
    ['tnc-1688-failure-en-1.txt', 'test-netconnection'],
    ['w32tm-query-status-en-1.txt', 'w32tm-status'],
    ['w32tm-stripchart-en-1.txt', 'w32tm-stripchart'],
    ['event-12288-kms-client-en-1.txt', 'event'],
    ['slmgr-dlv-kms-host-en-1.txt', 'slmgr-dlv'],
    ['tnc-3001-failure-ru-1.txt', 'test-netconnection'],
    ['slmgr-dli-oem-en-1.txt', 'slmgr-dli'],
  ] as const;

  it.each([
    ['with a blank line between them', '\n\n'],
    ['back to back', '\n'],
  ])('gives one section each, in order (%s)', (_name, between) => {
    const text = outputs.map(([f]) => pick(f).trim()).join(between);
    const r = read(text);
    expect(r.sections.map((s) => s.kind)).toEqual(outputs.map(([, kind]) => kind));
    expect(r.unread).toEqual([]);
    // Each section reads as it does alone.
    for (const [i, [file]] of outputs.entries()) {
      expect(r.sections[i]!.facts).toEqual(readConsole(pick(file)).sections[0]!.facts);
    }
  });

  it('splits two pastes of the same command at the repeated line', () => {
    const dli = pick('slmgr-dli-oem-en-1.txt');
    const tnc = pick('tnc-1688-success-en-2.txt');
    expect(read(dli + dli).sections.map((s) => s.kind)).toEqual(['slmgr-dli', 'slmgr-dli']);
    expect(read(tnc + tnc).sections.map((s) => s.kind)).toEqual(['test-netconnection', 'test-netconnection']);
  });
});

describe('reader: rubbish, huge and cut input', () => {
  it('reports rubbish as unread lines, trimmed, in order', () => {
    const r = read('  hello world  \n\n\u0000\u0001\u0002 binary\nLicense Statu\n{"json": true}\n');
    expect(r.sections).toEqual([]);
    expect(r.unread).toEqual(['hello world', '\u0000\u0001\u0002 binary', 'License Statu', '{"json": true}']);
  });

  it('never hands back a whole product key, in an evidence line or an unread one', () => {
    const r = read(
      'C:\\>slmgr /ipk NPPR9-FWDCX-D2C8J-H872K-2YT43\nError: 0xC004F050 (key NPPR9 FWDCX D2C8J H872K 2YT43) The Software Licensing Service reported that the product key is invalid.\n',
    );
    expect(only(r).facts.errorCode).toBe('0xC004F050');
    expect(only(r).lines.errorCode).toContain('(key XXXXX-XXXXX-XXXXX-XXXXX-2YT43)');
    expect(r.unread).toEqual(['C:\\>slmgr /ipk XXXXX-XXXXX-XXXXX-XXXXX-2YT43']);
    expect(JSON.stringify(r)).not.toMatch(/NPPR9/);
  });

  it('reads binary-ish noise without throwing', () => {
    let noise = '';
    for (let i = 0; i < 20_000; i++) noise += String.fromCharCode((i * 7919) % 0xd800);
    const r = read(noise);
    expect(r.unread.length).toBeGreaterThan(0);
    for (const line of r.unread) expect(line.length).toBeLessThanOrEqual(MAX_UNREAD_CHARS);
  });

  it('reads what is there of a half output and reports the cut line', () => {
    const full = pick('slmgr-dli-kms-client-en-1.txt');
    // Cut in the middle of "Volume activation expiration: …": the label is gone, so is the fact.
    const cut = full.slice(0, full.indexOf('Volume activation expiration') + 'Volume activ'.length);
    const r = read(cut);
    expect(only(r).facts).toEqual({
      name: 'Windows(R) 7, Enterprise edition',
      channel: 'VOLUME_KMSCLIENT',
      partialKey: 'DVQ7P',
      licenseStatus: 'licensed',
    });
    expect(r.unread).toEqual(['Volume activ']);
    // Cut inside a value: the value is not guessed.
    const inValue = full.slice(0, full.indexOf('emeronb10') + 'emeronb10-rc3.spp'.length);
    expect(only(read(`${inValue}`)).facts.kmsPort).toBeUndefined();
    const tnc = pick('tnc-1688-failure-en-1.txt');
    const half = read(tnc.slice(0, tnc.indexOf('TcpTestSucceeded') + 'TcpTest'.length));
    expect(only(half).facts.tcpTestSucceeded).toBeUndefined();
    expect(half.unread).toEqual(['TcpTest']);
  });

  it('reads 1 MB of mixed text in well under a second or two, with capped unread lines', () => {
    const pieces = [
      pick('slmgr-dli-kms-client-en-2.txt'),
      'lorem ipsum dolor sit amet '.repeat(40),
      pick('nslookup-ns-ru-1.txt'),
      '\u0000\u00ff\ufffd'.repeat(300),
      'Name : x\n'.repeat(200),
      pick('tnc-3001-failure-ru-1.txt'),
      `${'='.repeat(5000)}\n`,
    ];
    let text = '';
    while (text.length < 1_000_000) text += pieces.join('\n');
    const started = performance.now();
    const r = readConsole(text);
    const elapsed = performance.now() - started;
    expect(r.sections.length).toBeGreaterThan(100);
    expect(r.unread).toHaveLength(MAX_UNREAD);
    for (const line of r.unread) expect(line.length).toBeLessThanOrEqual(MAX_UNREAD_CHARS);
    // About 0.2 s here; the limit leaves room for a machine several times slower.
    expect(elapsed).toBeLessThan(5_000);
  }, 30_000);
});

describe('CLI: read and collect', () => {
  const dir = mkdtempSync(join(tmpdir(), 'reader-cli-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const sample = fileURLToPath(new URL('tnc-1688-failure-en-1.txt', SHARED));

  it('prints the sections as JSON', () => {
    const { code, out, err } = run(['read', sample]);
    expect(code).toBe(0);
    expect(err).toBe('');
    const parsed = JSON.parse(out) as ReadResult;
    expect(parsed.sections[0]).toMatchObject({
      kind: 'test-netconnection',
      facts: { tcpTestSucceeded: false },
    });
    // The two header lines of the fixture are not output: they are reported.
    expect(parsed.unread).toHaveLength(2);
  });

  it('reads a UTF-16 file (what PowerShell 5.1 writes with >)', () => {
    const file = join(dir, 'utf16.txt');
    writeFileSync(
      file,
      Buffer.concat([
        Buffer.from([0xff, 0xfe]),
        Buffer.from(load(SHARED, 'slmgr-dli-oem-en-1.txt'), 'utf16le'),
      ]),
    );
    const { code, out } = run(['read', file]);
    expect(code).toBe(0);
    expect((JSON.parse(out) as ReadResult).sections[0]!.facts.channel).toBe('OEM_DM');
  });

  it('reads UTF-16 without a byte order mark, little- and big-endian', () => {
    const text = load(SHARED, 'slmgr-dli-oem-en-1.txt');
    const le = join(dir, 'utf16-le-no-bom.txt');
    const be = join(dir, 'utf16-be.txt');
    const beBom = join(dir, 'utf16-be-bom.txt');
    writeFileSync(le, Buffer.from(text, 'utf16le'));
    writeFileSync(be, Buffer.from(text, 'utf16le').swap16());
    writeFileSync(beBom, Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]));
    for (const file of [le, be, beBom]) {
      const { code, out } = run(['read', file]);
      expect(code).toBe(0);
      expect((JSON.parse(out) as ReadResult).sections[0]!.facts.channel).toBe('OEM_DM');
    }
    // Russian output in UTF-16: mostly Cyrillic, still told apart by the NULs of its spaces and digits.
    const ru = join(dir, 'utf16-ru.txt');
    writeFileSync(ru, Buffer.from(load(SHARED, 'slmgr-ato-error-0xc004f074-ru-1.txt'), 'utf16le'));
    const parsed = JSON.parse(run(['read', ru]).out) as ReadResult;
    expect(parsed.sections.length).toBeGreaterThan(0);
  });

  it('exits 1 with a message when it understood nothing', () => {
    const file = join(dir, 'nothing.txt');
    writeFileSync(file, 'nothing to see\nhere\n');
    const { code, out, err } = run(['read', file]);
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err).toMatch(/no known command output recognized \(2 line\(s\) not understood\)/);
    expect(run(['read', join(dir, 'missing.txt')])).toMatchObject({
      code: 1,
      err: expect.stringMatching(/cannot read/),
    });
  });

  it('reads stdin without a file', { timeout: 30_000 }, () => {
    const root = fileURLToPath(new URL('../../', import.meta.url));
    const child = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/flows.ts', 'read'], {
      cwd: root,
      input: 'Error: 0x8007232B DNS name does not exist\n',
      encoding: 'utf8',
    });
    expect(child.status).toBe(0);
    expect((JSON.parse(child.stdout) as ReadResult).sections[0]!.facts.errorCode).toBe('0x8007232B');
  });

  it('prints the collect command', () => {
    expect(run(['collect'])).toEqual({ code: 0, out: `${COLLECT_COMMAND}\n`, err: '' });
  });
});

describe('the collect command', () => {
  it('is one line of Windows PowerShell that reads what the flows need', () => {
    expect(COLLECT_COMMAND).not.toMatch(/[\r\n]/);
    for (const part of [
      'Get-CimInstance -ClassName SoftwareLicensingProduct',
      'Get-CimInstance -ClassName SoftwareLicensingService',
      'Resolve-DnsName -Name $q -Type SRV',
      '_vlmcs._tcp',
      'System.Net.Sockets.TcpClient',
      '.Wait(3000)',
      'w32tm /stripchart /computer:$h /samples:1 /dataonly',
    ])
      expect(COLLECT_COMMAND).toContain(part);
    for (const property of [
      'Name',
      'Description',
      'LicenseStatus',
      'LicenseStatusReason',
      'ProductKeyChannel',
      'PartialProductKey',
      'KeyManagementServiceMachine',
      'KeyManagementServicePort',
      'DiscoveredKeyManagementServiceMachineName',
      'DiscoveredKeyManagementServiceMachinePort',
      'RemainingSkuReArmCount',
      'KeyManagementServiceCurrentCount',
      'KeyManagementServiceListeningPort',
      'ClientMachineID',
    ])
      expect(COLLECT_COMMAND).toMatch(new RegExp(`[ ,]${property}[,;]`));
  });

  it('changes nothing: no setter, no method call, no service or clock command', () => {
    expect(COLLECT_COMMAND).not.toMatch(
      /\b(?:Set|Remove|Clear|Install|Register|Enable|Disable|Restart|Stop|Start|Invoke|Add|Update|Write)-[A-Z]|Invoke-CimMethod|slmgr|\/resync|\/config|\/ato\b|\/skms|\bsc(?:\.exe)? |net stop|Out-File|>\s*\S/i,
    );
    // Its variables stay in its own script block.
    expect(COLLECT_COMMAND).toMatch(/^& \{ .* \}$/);
  });

  it('has balanced braces, brackets, parentheses and quotes', () => {
    let depth = 0;
    const stack: string[] = [];
    const pairs: Record<string, string> = { ')': '(', ']': '[', '}': '{' };
    let quote: string | null = null;
    for (const c of COLLECT_COMMAND) {
      if (quote) {
        if (c === quote) quote = null;
        continue;
      }
      if (c === '"' || c === "'") quote = c;
      else if ('([{'.includes(c)) stack.push(c);
      else if (c in pairs) expect(stack.pop()).toBe(pairs[c]);
      depth = stack.length;
    }
    expect(quote).toBeNull();
    expect(depth).toBe(0);
  });
});

describe('reader: fact coverage', () => {
  // Listed as a record so the compiler fails when Facts gains a name this list lacks.
  const ALL: Record<keyof Facts, true> = {
    name: true,
    channel: true,
    licenseStatus: true,
    notificationReason: true,
    licenseStatusReason: true,
    partialKey: true,
    kmsHost: true,
    kmsPort: true,
    kmsHostFrom: true,
    kmsDnsUnavailable: true,
    kmsIp: true,
    activationType: true,
    rearmCount: true,
    skuRearmCount: true,
    productKeyChannel: true,
    cmid: true,
    expirationMinutes: true,
    graceMinutes: true,
    kmsEnabled: true,
    currentCount: true,
    listeningPort: true,
    dnsPublishing: true,
    genuineStatus: true,
    activated: true,
    errorCode: true,
    message: true,
    query: true,
    queryType: true,
    server: true,
    serverAddress: true,
    nonAuthoritative: true,
    srv: true,
    dnsFailure: true,
    computerName: true,
    remoteAddress: true,
    remotePort: true,
    pingSucceeded: true,
    tcpTestSucceeded: true,
    warnings: true,
    timeSource: true,
    lastSync: true,
    leapIndicator: true,
    stratum: true,
    offsetSeconds: true,
    target: true,
    eventId: true,
    source: true,
  };
  it('has read every fact at least once in the tests above', () => {
    expect([...seen].sort()).toEqual(Object.keys(ALL).sort());
  });
});

/** A real sample from shared/fixtures/console, without its headers. */
function pick(file: string): string {
  return load(SHARED, file);
}
