import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/flows.ts';
import { COLLECT_COMMAND } from '../../src/console/collect.ts';
import { factsOf, proposeAnswer } from '../../src/flow/facts.ts';
import { MAX_UNREAD, MAX_UNREAD_CHARS, readConsole } from '../../src/console/reader.ts';
import type { Facts, ReadResult, Section } from '../../src/console/reader.ts';
import { maskKeysIn } from '../../src/redact/key-in-text.ts';
import { sample, sampleText } from '../support/console-samples.ts';
import { loadChecked } from '../support/flows.ts';

function read(text: string): ReadResult {
  const result = readConsole(text);
  for (const s of result.sections) {
    for (const key of Object.keys(s.facts) as (keyof Facts)[]) {
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

describe('reader: slmgr /dlv all, Windows beside other products', () => {
  it('lets only the Windows licence in use stand for this machine', () => {
    // Sections and asides are in the sample's golden file; which facts the session keeps is checked here.
    const facts = factsOf(read(pick('slmgr-dlv-all-windows-office-joined-en.txt')).sections);
    expect(Object.fromEntries(Object.entries(facts).map(([k, f]) => [k, f.value]))).toEqual({
      name: 'Windows(R) 7, Enterprise edition',
      channel: 'VOLUME_KMSCLIENT',
      partialKey: 'HVTHH',
      licenseStatus: 'notification',
      notificationReason: '0xC004F200',
      rearmCount: 2,
      // The one fact an Office block gives: it names the licence it is about.
      officeKmsHostLicensed: true,
    });
  });
});

describe('reader: Russian slmgr output', () => {
  // The Russian rows of the TechNet KMS client sample: the labels a published source shows, the same values.
  const valuesOf = (text: string) =>
    Object.fromEntries(Object.entries(factsOf(read(text).sections)).map(([k, f]) => [k, f.value]));
  const ru = valuesOf(pick('slmgr-dli-kms-client-ru-constructed.txt'));
  const en = valuesOf(pick('slmgr-dli-kms-client-en-1.txt'));
  it('gives a KMS client the same session facts as English slmgr /dli, for the rows it has', () => {
    expect(Object.keys(ru).sort()).toEqual(['channel', 'licenseStatus', 'name', 'partialKey']);
    expect(ru).toEqual(Object.fromEntries(Object.keys(ru).map((k) => [k, en[k]])));
  });
  it('proposes the same answer as the English rows at every step that reads them', () => {
    const { flows } = loadChecked('flows');
    const known = (text: string) => factsOf(read(text).sections);
    const ruFacts = known(pick('slmgr-dli-kms-client-ru-constructed.txt'));
    const enText = pick('slmgr-dli-kms-client-en-1.txt').split('\n').slice(0, 4).join('\n');
    const enFacts = known(enText);
    let asked = 0;
    for (const [id, flow] of Object.entries(flows))
      for (const node of flow.nodes) {
        const a = proposeAnswer(node, ruFacts);
        const b = proposeAnswer(node, enFacts);
        expect([a?.answer, a?.fact], `${id}/${node.id}`).toEqual([b?.answer, b?.fact]);
        if (a) asked++;
      }
    // A licensed KMS client answers some step (the channel, the licence status).
    expect(asked).toBeGreaterThan(0);
  });
  it('reads "Имя:" only when it names a product, as nslookup prints "Имя:" too', () => {
    expect(
      read('Имя:    kms01.contoso.com\nAddress:  192.0.2.10').sections.some((s) => s.kind === 'slmgr-dli'),
    ).toBe(false);
  });
  it('reads a Russian success row alone only after the /ato it answers', () => {
    expect(read('Активация выполнена успешно.').sections).toEqual([]);
    const ato = only(read('cscript slmgr.vbs /ato\nАктивация выполнена успешно.'));
    expect([ato.kind, ato.facts.activated]).toEqual(['slmgr-ato', true]);
    const named = only(
      read(
        'Активация Windows(R), Professional edition (2de67392-b7a7-462a-b1ca-108dd189f588) ...\nАктивация выполнена успешно.',
      ),
    );
    expect([named.facts.name, named.facts.activated]).toEqual(['Windows(R), Professional edition', true]);
  });
});

describe('reader: an Extended Security Updates add-on beside Windows', () => {
  // The ESU licence shares Windows' application ID and has its own MAK: it must never answer for Windows.
  const windows = [
    'Name: Windows(R), ServerStandard edition',
    'Description: Windows(R) Operating System, VOLUME_KMSCLIENT channel',
    'Activation ID: 00000000-0000-0000-0000-000000000001',
    'Application ID: 55c92734-d682-4d71-983e-d6ec3f16059f',
    'Partial Product Key: WCPRB',
    'License Status: Licensed',
  ];
  const esu = [
    'Name: Windows(R), Server-ESU-Year1 add-on for DatacenterServer,StandardServer',
    'Description: Windows(R) Operating System, VOLUME_MAK channel',
    'Activation ID: 00000000-0000-0000-0000-000000000002',
    'Application ID: 55c92734-d682-4d71-983e-d6ec3f16059f',
    'Partial Product Key: 4X8QJ',
    'License Status: Unlicensed',
  ];
  it('sets the add-on aside in slmgr /dlv all, whichever comes first', () => {
    for (const blocks of [
      [windows, esu],
      [esu, windows],
    ]) {
      const result = read(['cscript slmgr.vbs /dlv all', ...blocks.flatMap((b) => [...b, ''])].join('\n'));
      expect(result.sections.map((s) => s.aside ?? null)).toEqual(
        blocks.map((b) => (b === esu ? 'add-on' : null)),
      );
      const facts = factsOf(result.sections);
      expect([facts.channel?.value, facts.licenseStatus?.value, facts.partialKey?.value]).toEqual([
        'VOLUME_KMSCLIENT',
        'licensed',
        'WCPRB',
      ]);
    }
  });
  it('sets it aside in a CIM listing by LicenseIsAddon or by its name', () => {
    const cim = (name: string, addon: string) =>
      read(
        [
          'Get-CimInstance SoftwareLicensingProduct | Format-List Name,Description,LicenseStatus,PartialProductKey,LicenseIsAddon',
          '',
          `Name              : ${name}`,
          'Description       : Windows(R) Operating System, VOLUME_MAK channel',
          'LicenseStatus     : 0',
          'PartialProductKey : 4X8QJ',
          `LicenseIsAddon    : ${addon}`,
        ].join('\n'),
      ).sections[0]!.aside;
    expect(cim('Windows(R), ESU add-on', 'False')).toBe('add-on');
    expect(cim('Windows(R), Server-ESU-Year1 add-on for StandardServer', 'True')).toBe('add-on');
    expect(cim('Windows(R), ServerStandard edition', 'False')).toBeUndefined();
  });
});

describe('reader: forms and states written inline', () => {
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

  it("reads slmgr's one-message successes into the option that succeeded", () => {
    const cases: Array<[string, string]> = [
      ['Installed product key W269N-WFGWX-YVC9B-4J6C9-T83GX successfully.', 'ipk'],
      ['Uninstalled product key successfully.', 'upk'],
      ['Product key from registry cleared successfully.', 'cpky'],
      ['Key Management Service machine name set to kms.contoso.com:1688 successfully.', 'skms'],
      ['Key Management Service machine name set to [2001:db8::5]:1688 successfully.', 'skms'],
      ['Key Management Service machine name cleared successfully.', 'ckms'],
      ['Key Management Service lookup domain set to contoso.com successfully.', 'skms-domain'],
      ['Confirmation ID for product 2de67392-b7a7-462a-b1ca-108dd189f588 deposited successfully.', 'atp'],
      ['Re-installing license files ...\n\nLicense files re-installed successfully.', 'rilc'],
      ['Command completed successfully.\nPlease restart the system for the changes to take effect.', 'rearm'],
      ['Volume activation type set successfully.', 'act-type'],
      [
        'KMS port set to 1688 successfully.\nWarning: a KMS reboot is needed for this setting to take effect.',
        'sprt',
      ],
    ];
    for (const [text, option] of cases) {
      const s = only(read(text));
      expect(s, text).toMatchObject({ kind: 'slmgr-done', facts: { succeeded: option } });
    }
  });

  it('keeps only a masked key from a success line and its command', () => {
    const r = read(
      'C:\\>cscript //nologo slmgr.vbs /ipk W269N-WFGWX-YVC9B-4J6C9-T83GX\nInstalled product key W269N-WFGWX-YVC9B-4J6C9-T83GX successfully.\n',
    );
    expect(only(r).lines.succeeded).toBe('Installed product key XXXXX-XXXXX-XXXXX-XXXXX-T83GX successfully.');
    expect(JSON.stringify(r)).not.toContain('W269N-WFGWX');
  });

  it('counts a message other programs print only after the slmgr command that prints it', () => {
    // "Command completed successfully." alone could be any program's; /rearm's notice or its command vouches for it.
    expect(read('Command completed successfully.\n').sections).toEqual([]);
    expect(read('Operation completed successfully.\n').sections).toEqual([]);
    expect(only(read('slmgr /rearm-sku 1\nCommand completed successfully.\n')).facts).toEqual({
      succeeded: 'rearm-sku',
    });
    expect(only(read('slmgr /del-ao Contoso\nOperation completed successfully.\n')).facts).toEqual({
      succeeded: 'del-ao',
    });
    // After an AD activation command, "Product activated successfully." is the forest's object, not this Windows.
    const ad = only(read('slmgr /ad-activation-online <KMS host key>\nProduct activated successfully.\n'));
    expect(ad.facts).toEqual({ succeeded: 'ad-activation-online' });
  });

  it('reads an error of a one-message option as its error, with no success', () => {
    const s = only(
      read(
        'cscript //nologo slmgr.vbs /skms kms.contoso.com\nError: 0xC004F025 Access denied: the requested action requires elevated privileges\n',
      ),
    );
    expect(s.kind).toBe('slmgr-error');
    expect(s.facts).toMatchObject({ errorCode: '0xC004F025' });
    expect(s.facts.succeeded).toBeUndefined();
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

  it('reads an interactive nslookup session as one section per query, the type set once holding for each', () => {
    const session = [
      'C:\\>nslookup',
      'Default Server:  dc01.contoso.com',
      'Address:  10.0.0.10',
      '',
      '> set type=srv',
      '> _vlmcs._tcp.contoso.com',
      'Server:  dc01.contoso.com',
      'Address:  10.0.0.10',
      '',
      '_vlmcs._tcp.contoso.com  SRV service location:',
      '          priority       = 0',
      '          weight         = 0',
      '          port           = 1688',
      '          svr hostname   = kms01.contoso.com',
      '> _vlmcs._tcp.fabrikam.com',
      'Server:  dc01.contoso.com',
      'Address:  10.0.0.10',
      '',
      "*** dc01.contoso.com can't find _vlmcs._tcp.fabrikam.com: Non-existent domain",
      '> server 10.0.0.11',
      'Default Server:  dc02.contoso.com',
      'Address:  10.0.0.11',
      '',
      '> _vlmcs._tcp.contoso.com',
      'Server:  dc02.contoso.com',
      'Address:  10.0.0.11',
      '',
      'DNS request timed out.',
      '    timeout was 2 seconds.',
      '*** Request to dc02.contoso.com timed-out',
      '> exit',
    ].join('\n');
    const result = read(session);
    expect(result.unread).toEqual([]);
    const queries = result.sections.filter((s) => s.facts.query);
    expect(queries.map((s) => [s.facts.query, s.facts.queryType, s.facts.server])).toEqual([
      ['_vlmcs._tcp.contoso.com', 'srv', 'dc01.contoso.com'],
      ['_vlmcs._tcp.fabrikam.com', 'srv', 'dc01.contoso.com'],
      ['_vlmcs._tcp.contoso.com', 'srv', 'dc02.contoso.com'],
    ]);
    expect(queries.map((s) => s.facts.dnsFailure)).toEqual([undefined, 'not-found', 'timeout']);
    expect(queries[0]!.facts.srv).toEqual([
      { target: 'kms01.contoso.com', port: 1688, priority: 0, weight: 0 },
    ]);
    // A type set with nothing asked after it is no section, and not a line left unread.
    expect(readConsole('> set type=srv\n')).toEqual({ sections: [], unread: [] });
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
      // The Info's seventh field: the license state the client sent (2, initial grace).
      licenseStatus: 'initial-grace',
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

  it('sets an add-on licence (Extended Security Updates) beside Windows aside: its facts never stand for Windows', () => {
    const row = (k: string, v: string) => `${k.padEnd(42)} : ${v}`;
    const windows = [
      row('Name', 'Windows(R), ServerStandard edition'),
      row('LicenseStatus', '1'),
      row('LicenseIsAddon', 'False'),
    ];
    const esu = [
      row('Name', 'Windows(R), Server-ESU-Year1 add-on for ServerStandard'),
      row('LicenseStatus', '0'),
      row('PartialProductKey', 'ABCDE'),
      row('LicenseIsAddon', 'True'),
    ];
    const result = read([...windows, '', '', ...esu].join('\n'));
    expect(result.sections.map((s) => s.aside)).toEqual([undefined, 'add-on']);
    expect(factsOf(result.sections).licenseStatus?.value).toBe('licensed');
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
    // A state no source names reads as nothing: no section, the line left unread.
    expect(read(`${'LicenseStatus'.padEnd(42)} : 7`)).toEqual({
      sections: [],
      unread: [`${'LicenseStatus'.padEnd(42)} : 7`],
    });
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

describe('reader: errors in every pasted form, events as people copy them', () => {
  it('reads an slmgr error wrapped in Markdown, quoted, in code marks or with a full-width colon', () => {
    const forms = [
      '> **Error: 0xC004F074** The Software Licensing Service reported that the computer could not be activated.',
      '`Error: 0xC004F074` The Software Licensing Service reported that the computer could not be activated.',
      '> > Ошибка: 0xC004F074 Служба лицензирования программного обеспечения сообщила…',
      '错误\uff1a\u30000xC004F074 软件授权服务报告无法激活计算机。',
      'Erreur : 0xC004F074 : le logiciel LicensingService a signalé…',
    ];
    for (const form of forms) expect(only(read(form)).facts.errorCode, form).toBe('0xC004F074');
    expect(only(read(forms[0]!)).facts.message).toBe(
      'The Software Licensing Service reported that the computer could not be activated.',
    );
  });

  it('reads the error and the product name from the Script Host dialog copied as one line', () => {
    const line =
      'Windows Script Host Activating Windows(R), ServerDatacenter edition (21c56779-b449-4d20-adfc-eece0e1ad74b) ... Error: 0xC004F074 No Key Management Service (KMS) could be contacted.';
    expect(only(read(line)).facts).toEqual({
      errorCode: '0xC004F074',
      message: 'No Key Management Service (KMS) could be contacted.',
      name: 'Windows(R), ServerDatacenter edition',
    });
  });

  it('leaves w32tm\'s lone sample error to w32tm: its lowercase "error:" is no dialog\'s label', () => {
    expect(only(read('14:18:09, error: 0x800705B4\n')).kind).toBe('w32tm-stripchart');
  });

  it('reads /rearm and /ipk failures under their command lines', () => {
    const r = read(
      'C:\\>slmgr /rearm\r\nError: 0xC004D307 The maximum allowed number of re-arms has been exceeded.\r\n\r\nC:\\>slmgr -ipk <key>\r\nError: 0xC004F050 The Software Licensing Service reported that the product key is invalid.\r\n',
    );
    expect(r.sections.map((s) => s.facts.errorCode)).toEqual(['0xC004D307', '0xC004F050']);
    expect(r.unread).toEqual([]);
  });

  it('reads no code from a GUID piece, an address, a longer hex run or a localized word without a code', () => {
    for (const text of [
      'Activation ID: c004f074-5638-40f6-bc11-f1d7b0d64300',
      'Exception at 0xC004F074 in module sppsvc.exe',
      '0x00401000: mov eax, 1',
      'Error: 0xC004F074F0 is not a code',
      'Fehler: Datei nicht gefunden',
      'The call returned hr=0xC004F074 in a log line of another program',
      'RuleId=31e71c49-8da7-4a2f-ad92-45d98a1c79ba;LastConsumptionReason=0x4004fc04',
    ]) {
      const r = read(text);
      expect(
        r.sections.flatMap((s) => (s.facts.errorCode ? [s.facts.errorCode] : [])),
        text,
      ).toEqual([]);
    }
  });

  it('reads a 12289 pasted without its header by its message: the event and the current count', () => {
    const r = read(
      'The client has processed an activation response from the key management service machine.\nInfo:\n0x0, 0x00000000, 1, 0, 26, 120, 10080, 2025/10/23 09:58\n',
    );
    expect(only(r).facts).toEqual({ eventId: 12289, errorCode: '0x00000000', currentCount: 26 });
  });

  it('reads 12288 license states 0…6 and nothing past them', () => {
    const info = (state: string) =>
      `Event ID: 12288\nInfo:\n0xC004F074, 0x00000000, kms01.corp.contoso.com:1688, 5e3c1c0a-2b7d-4c61-8f0e-7a9d3b2c1e45, 2025/10/23 06:58, 0, ${state}, 0, 73111121-5638-40f6-bc11-f1d7b0d64300, 25\n`;
    expect(only(read(info('5'))).facts.licenseStatus).toBe('notification');
    expect(only(read(info('0'))).facts.licenseStatus).toBe('unlicensed');
    expect(only(read(info('7'))).facts.licenseStatus).toBeUndefined();
    expect(only(read(info('x'))).facts.licenseStatus).toBeUndefined();
  });
});

describe('reader: an error message wrapped short of the console width (a message box, a photo of one)', () => {
  const message = (text: string) => readConsole(text).sections[0]?.facts.message;

  it('rejoins the rows right under it until the message ends with its full stop', () => {
    expect(
      message(
        'Ошибка: 0xC004F074 Служба лицензирования программного обеспечения сообщила,\nчто данный компьютер не удалось активировать.\nName: Windows(R), ServerStandard edition',
      ),
    ).toBe(
      'Служба лицензирования программного обеспечения сообщила, что данный компьютер не удалось активировать.',
    );
  });

  it('takes nothing after a message with no full stop unless the rows have the shape of a wrap', () => {
    // slmgr's own messages often end without one (0x8007232B, 0x800706BA…).
    const rpc = readConsole(
      'Error: 0x800706BA The RPC server is unavailable\nConnecting To kms01.contoso.com...Could not open connection to the host, on port 1688: Connect failed',
    );
    expect(rpc.sections[0]?.facts.message).toBe('The RPC server is unavailable');
    expect(rpc.unread).toHaveLength(1);
    expect(message('Error: 0x8007232B DNS name does not exist\nOK')).toBe('DNS name does not exist');
    expect(message('Error: 0x8007232B DNS name does not exist\nAddress:  10.0.0.1')).toBe(
      'DNS name does not exist',
    );
    expect(message('Error: 0x80070005 Access denied\nAt line:1 char:1')).toBe('Access denied');
    expect(message('Error: 0xC004F050 The product key is invalid\nNom : Windows(R)')).toBe(
      'The product key is invalid',
    );
  });

  it('takes rows only when the message then ends with its full stop, and never onto a bare label', () => {
    expect(message('Error: 0xC004F074 The Software Licensing Service reported\nany ideas?')).toBe(
      'The Software Licensing Service reported',
    );
    // A box's rows with no full stop at the end are not a wrapped message: the row under them stays unread.
    const box = readConsole(
      'Error: 0xC004F074 The Software Licensing Service reported\nthat the product could not be activated. No Key\nany ideas?',
    );
    expect(box.sections[0]?.facts.message).toBe('The Software Licensing Service reported');
    expect(box.unread).toHaveLength(2);
    expect(
      message(
        'Error: 0xC004F074 The Software Licensing Service reported\nThe operation completed successfully.',
      ),
    ).toBe('The Software Licensing Service reported');
    const bare = readConsole('**Ошибка:**\n(0xC004F074)');
    expect(bare.sections.flatMap((s) => Object.keys(s.facts))).not.toContain('message');
  });

  it('never takes a sentence of its own under a complete short message, nor anything after the full stop', () => {
    const rpc = readConsole(
      'Error: 0x800706BA The RPC server is unavailable\nConnecting to the KMS host failed.',
    );
    expect(rpc.sections[0]?.facts.message).toBe('The RPC server is unavailable');
    expect(rpc.unread).toEqual(['Connecting to the KMS host failed.']);
    expect(message('Ошибка: 0x8007232B DNS-имя не существует\nЧто делать дальше, подскажите.')).toBe(
      'DNS-имя не существует',
    );
    // A message box's text, then its button under the last row (that row 75 characters wide).
    expect(
      message(
        'Error: 0xC004F074 The Software Licensing Service reported that the product\ncould not be activated; please see the Application Event Log for additional information.\nOK',
      ),
    ).toBe(
      'The Software Licensing Service reported that the product could not be activated; please see the Application Event Log for additional information.',
    );
  });

  it('joins a wrapped message with a space, wherever its rows were cut', () => {
    // A row of exactly 40 characters is no console's full width here: the words are not glued.
    expect(message('Error: 0xC004F074 The Software Licensing\nservice could not be reached.')).toBe(
      'The Software Licensing service could not be reached.',
    );
  });

  it('never takes a prompt, a command, a row after a blank, or a row after the full stop', () => {
    expect(message('Error: 0xC004F074\nC:\\Windows\\system32>')).toBeUndefined();
    expect(message('Error: 0xC004F074 The Software Licensing Service reported\nPS C:\\> Get-Date')).toBe(
      'The Software Licensing Service reported',
    );
    expect(message('Error: 0xC004F074 The Software Licensing Service reported\n\nsomething else')).toBe(
      'The Software Licensing Service reported',
    );
    expect(message('Error: 0x8007232B DNS name does not exist.\nsomething else')).toBe(
      'DNS name does not exist.',
    );
    expect(readConsole('Error: 0xC004F074\nC:\\Windows\\system32>cscript slmgr.vbs /dli').unread).toEqual([
      'C:\\Windows\\system32>cscript slmgr.vbs /dli',
    ]);
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

describe('reader: ospp.vbs', () => {
  it('never opens an slmgr section on its capital labels, even with no command line or block before them', () => {
    const r = read('LICENSE STATUS:  ---LICENSED---\nLast 5 characters of installed product key: 6MWKP\n');
    expect(r.sections.map((s) => s.kind)).toEqual(['ospp-dstatus']);
    expect(r.sections[0]!.facts).toEqual({
      licenseStatus: 'licensed',
      partialKey: '6MWKP',
      officeKeyInstalled: true,
    });
  });

  it('reads Windows and Office pasted back to back as their own sections', () => {
    const text = [
      pick('slmgr-dli-kms-client-en-2.txt').trim(),
      pick('ospp-error-0xc004f069-en-2.txt').trim(),
      pick('ospp-act-success-en-2.txt').trim(),
    ].join('\n');
    const r = read(text);
    expect(r.sections.map((s) => s.kind)).toEqual(['slmgr-dli', 'ospp-error', 'ospp-act', 'ospp-act']);
    expect(r.unread).toEqual([]);
  });

  it('tells /dstatus from /act by what a block holds, when one follows the other without its command line', () => {
    const act = pick('ospp-act-success-en-2.txt').trim();
    const dstatus = pick('ospp-dstatus-subscription-en-1.txt').trim();
    const r = read(`${act}\n${dstatus.split('\n').slice(3).join('\n')}`);
    expect(r.sections.map((s) => s.kind)).toEqual(['ospp-act', 'ospp-act', 'ospp-dstatus', 'ospp-dstatus']);
    expect(r.sections[2]!.facts.licenseStatus).toBe('licensed');
  });

  it('lets no one product stand for another, a licence with no key not at all', () => {
    // One product failed with 0xC004F017, another activated: neither answers "Did Office activate?".
    const act = factsOf(read(pick('ospp-act-en-1.txt')).sections);
    expect(act.activated).toBeUndefined();
    expect(act.errorCode).toBeUndefined();
    // Every product activated: that is said.
    expect(factsOf(read(pick('ospp-act-success-en-2.txt')).sections).activated?.value).toBe(true);
    const all = factsOf(read(pick('ospp-dstatusall-unlicensed-en-1.txt')).sections);
    expect(all.partialKey?.value).toBe('K7363');
    expect(all.licenseStatus?.value).toBe('initial-grace');
  });

  it('reads an error code only when it is one: not a licensed product\'s reason "for information purposes only"', () => {
    const [licensed, grace] = read(pick('ospp-dstatus-subscription-en-1.txt')).sections;
    expect(licensed!.facts.errorCode).toBeUndefined();
    expect(licensed!.facts.expirationMinutes).toBe(27459);
    expect(grace!.facts.errorCode).toBe('0x4004F00C');
    expect(grace!.facts.graceMinutes).toBe(7160);
  });

  it("keeps a command line's product key out of every line it reports", () => {
    const key = ['NMMKJ', '6RK4F', 'KMJVX', '8D9MJ', '6MWKP'].join('-');
    const r = read(`cscript ospp.vbs /inpkey:${key}\nERROR CODE: 0xC004F069\n`);
    expect(only(r).facts.errorCode).toBe('0xC004F069');
    expect(JSON.stringify(r)).not.toContain(key);
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
    // The /ipk command line opens its result's section now, so it is read, not reported.
    expect(r.unread).toEqual([]);
    expect(JSON.stringify(r)).not.toMatch(/NPPR9/);
    const unreadKey = read('C:\\>slmgr /ipk NPPR9-FWDCX-D2C8J-H872K-2YT43\n');
    expect(unreadKey.unread).toEqual(['C:\\>slmgr /ipk XXXXX-XXXXX-XXXXX-XXXXX-2YT43']);
  });

  it('reports a continuation row unread as pasted, its mojibake not undone', () => {
    // A property-test counterexample: the row was reported as read ("Им :"), which is not in the input.
    const r = read('KeyManagementServiceTotalRequests              : 4294967295\n \u255a\u044c :     rbc.ru');
    for (const line of r.unread)
      expect(
        'KeyManagementServiceTotalRequests              : 4294967295\n \u255a\u044c :     rbc.ru',
      ).toContain(line);
  });

  it('reports a continuation row as pasted, garbled labels and all, when its section reads nothing', () => {
    const text = 'SourceAddress          : 192.168.0.15\n\t\u255a\u044c :     rbc.ru';
    const r = read(text);
    expect(r.sections).toEqual([]);
    for (const line of r.unread) expect(text.includes(line), line).toBe(true);
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

  // How its time grows with the text is measured by the benchmark (npm run bench), never timed in a test.
  it('reads 1 MB of mixed text, with capped unread lines', () => {
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
    const r = readConsole(text);
    expect(r.sections.length).toBeGreaterThan(100);
    expect(r.unread).toHaveLength(MAX_UNREAD);
    for (const line of r.unread) expect(line.length).toBeLessThanOrEqual(MAX_UNREAD_CHARS);
  }, 30_000);
});

describe('reader: adversarial rows for the error and event forms', () => {
  // A pattern that backtracks on these would blow the test's limit; their cost per KB is the benchmark's.
  it('reads 200 KB of each near-miss, inventing no code', () => {
    const row = (s: string) => s.repeat(Math.ceil(4000 / s.length)).slice(0, 4000);
    const near = [
      row('x Error: 0x8000000'),
      `${row('Activating Windows(R) edition (')} Error: 0xC004F07`,
      row('> '),
      row('**`'),
      `Event ID: 8198\n${row(' hr=0x')}`,
      `License acquisition failure details.\n${row('(Reason:0x')}`,
      row('slui.exe 0x2a '),
      row('Publishing the Key Management Service (KMS) to DNS in the '),
      row('Erreur :Fehler:错误:'),
    ];
    for (const s of near) {
      const r = readConsole(Array<string>(50).fill(s).join('\n'));
      expect(
        r.sections.flatMap((x) => (x.facts.errorCode ? [x.facts.errorCode] : [])),
        s.slice(0, 40),
      ).toEqual([]);
    }
  }, 30_000);
});

describe('CLI: read and collect', () => {
  const dir = mkdtempSync(join(tmpdir(), 'reader-cli-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const file = fileURLToPath(sample('tnc-1688-failure-en-1.txt').url);

  it('prints the sections as JSON', () => {
    const { code, out, err } = run(['read', file]);
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
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(pick('slmgr-dli-oem-en-1.txt'), 'utf16le')]),
    );
    const { code, out } = run(['read', file]);
    expect(code).toBe(0);
    expect((JSON.parse(out) as ReadResult).sections[0]!.facts.channel).toBe('OEM_DM');
  });

  it('reads UTF-16 without a byte order mark, little- and big-endian', () => {
    const text = pick('slmgr-dli-oem-en-1.txt');
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
    writeFileSync(ru, Buffer.from(pick('slmgr-ato-error-0xc004f074-ru-1.txt'), 'utf16le'));
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
      // In the resolved address's own family: a TcpClient made without one speaks IPv4 only.
      'New-Object System.Net.Sockets.TcpClient($i.AddressFamily)',
      '.Wait(5000)',
      'not run: the name did not resolve',
      // The domain set with /skms-domain comes first; the others only until one answers.
      'KeyManagementServiceLookupDomain',
      'if ($s.Count) { break }',
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
      'LicenseIsAddon',
    ])
      expect(COLLECT_COMMAND).toMatch(new RegExp(`[ ,]${property}[,;]`));
  });

  it('in Constrained Language mode makes no .NET call, tests the port with Test-NetConnection, and says which mode ran', () => {
    expect(COLLECT_COMMAND).toContain('"LanguageMode : $m"');
    // Each statement with New-Object or a static .NET call runs only in FullLanguage, where they are allowed.
    const statements: string[] = [];
    let depth = 0;
    let from = 0;
    const body = COLLECT_COMMAND.slice(4, -2);
    for (let i = 0; i < body.length; i++) {
      if (body[i] === '{') depth++;
      else if (body[i] === '}') depth--;
      else if (depth === 0 && body.startsWith('; ', i)) {
        statements.push(body.slice(from, i));
        from = i + 2;
      }
    }
    statements.push(body.slice(from));
    const dotNet = statements.filter((part) => /New-Object|\]::/.test(part));
    expect(dotNet.length).toBeGreaterThanOrEqual(2);
    for (const part of dotNet) expect(part, part).toMatch(/^if \([^)]*\$m -eq 'FullLanguage'\)/);
    const constrained = statements.filter((part) => /\$m -ne 'FullLanguage'|\} else \{/.test(part));
    expect(constrained.join('\n')).toContain('Test-NetConnection -ComputerName');
    expect(constrained.join('\n')).toContain('Get-ItemProperty');
    // The connection's own suffix, where the computer has no primary one.
    expect(COLLECT_COMMAND).toContain('Get-DnsClient');
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

/** A sample's output, from tests/fixtures/console/<kind>/, without its headers. */
function pick(file: string): string {
  return sampleText(file);
}

describe('reader: reg query', () => {
  const key =
    'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\SoftwareProtectionPlatform';
  it('reads the activation values under their own key, with or without the command line', () => {
    expect(only(read(`${key}\n    SkipRearm    REG_DWORD    0x0\n`)).facts).toEqual({ skipRearm: 0 });
    expect(only(read(`    DisableDnsPublishing    REG_DWORD    0x0\n`)).facts).toEqual({
      dnsPublishing: true,
    });
    expect(only(read(`${key}\n    KeyManagementServiceName    REG_SZ    10.0.0.5\n`)).facts).toEqual({
      kmsHost: '10.0.0.5',
      kmsHostFrom: 'registered',
    });
    const time = 'HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\W32Time';
    expect(only(read(`${time}\\Parameters\n    Type    REG_SZ    NTP\n`)).facts).toEqual({ timeType: 'NTP' });
    expect(only(read(`${time}\\TimeProviders\\NtpClient\n\tEnabled\tREG_DWORD\t0x1\n`)).facts).toEqual({
      ntpClientEnabled: true,
    });
  });
  it('reads no value under another key, an "Enabled" without its key, or data of another shape', () => {
    const tls =
      'HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2\\Server';
    expect(read(`${tls}\n    Enabled    REG_DWORD    0x1\n`).sections).toEqual([]);
    expect(read('    Enabled    REG_DWORD    0x1\n').sections).toEqual([]);
    expect(
      read(
        `HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\W32Time\n    Type    REG_DWORD    0x20\n`,
      ).sections,
    ).toEqual([]);
    expect(read(`${key}\n    SkipRearm    REG_SZ    1\n`).sections).toEqual([]);
    expect(read(`${key}\n    KeyManagementServiceName    REG_SZ    <KMS host>\n`).sections).toEqual([]);
  });
  it('reads "not found" in English and Russian, and nothing from another language', () => {
    expect(
      only(read('ERROR: The system was unable to find the specified registry key or value.\n')).facts,
    ).toEqual({
      registryNotFound: true,
    });
    expect(only(read('ОШИБКА: Не удается найти указанный раздел или параметр в реестре.\n')).facts).toEqual({
      registryNotFound: true,
    });
    expect(
      read('FEHLER: Der angegebene Registrierungsschlüssel bzw. Wert wurde nicht gefunden.\n').sections,
    ).toEqual([]);
  });
});

describe('reader: Get-WinEvent | Format-List TimeCreated, Message, no Id', () => {
  const list = (message: string, ...more: string[]) =>
    `TimeCreated : 3/14/2024 9:12:41 AM\nMessage     : ${message}\n${more.map((m) => `              ${m}\n`).join('')}`;
  it('reads each record by its message: the event it is and the code it gives', () => {
    const first = list(
      'License Activation (slui.exe) failed with the following error code:',
      'hr=0xC0020017',
      'Command-line arguments:',
    );
    const second = list(
      'License Activation (slui.exe) failed with the following error code:',
      'hr=0x8007139F',
    );
    expect(only(read(first)).facts).toEqual({ eventId: 8198, errorCode: '0xC0020017' });
    expect(only(read(second)).facts).toEqual({ eventId: 8198, errorCode: '0x8007139F' });
    const r = read(`${first}\n${second}`);
    expect(r.unread).toEqual([]);
    // Two records of the same second in a list that runs no way: which is newer is unknown, so the code
    // they give differently stands for neither.
    expect(r.sections.map((s) => s.facts)).toEqual([{ eventId: 8198 }, { eventId: 8198 }]);
  });
  it('names 12290 by its message on the host, and reads a message of no known event as nothing', () => {
    const host = read(
      list(
        'An activation request has been processed.',
        'Info:',
        '0x0,5,client01.contoso.com,5e3c1c0a-2b7d-4c61-8f0e-7a9d3b2c1e45,2025/10/23 06:58,0,2,0,73111121-5638-40f6-bc11-f1d7b0d64300',
      ),
    );
    expect(only(host).facts).toMatchObject({ eventId: 12290, errorCode: '0x00000000' });
    expect(read(list('The Windows Time service is now synchronizing the system time.')).sections).toEqual([]);
  });
});

describe('reader: DISM edition output', () => {
  it('reads the current edition, English only, and nothing from a lone success line', () => {
    expect(only(read('Current Edition : ServerStandardEval\n')).facts).toEqual({
      edition: 'ServerStandardEval',
    });
    expect(read('当前版本 : Professional\n').sections).toEqual([]);
    expect(read('The operation completed successfully.\n').sections).toEqual([]);
    expect(read('Current Edition : <edition>\n').sections).toEqual([]);
  });
});

describe('reader: service state', () => {
  it('reads one service: the state word, a table row, an sc record', () => {
    expect(only(read('Running\n')).facts).toEqual({ serviceState: 'Running' });
    const table =
      'Status   Name               DisplayName\n------   ----               -----------\nStopped  sppsvc             Software Protection\n';
    expect(only(read(table)).facts).toEqual({ serviceState: 'Stopped' });
    expect(
      only(
        read('SERVICE_NAME: sppsvc\n\tTYPE\t\t  : 10 WIN32_OWN_PROCESS\n\tSTATE\t\t  : 2  START_PENDING\n'),
      ).facts,
    ).toEqual({
      serviceState: 'StartPending',
    });
  });
  it('reads no state from a list of several services', () => {
    const table =
      'Status   Name               DisplayName\n------   ----               -----------\nRunning  AudioSrv           Windows Audio\nStopped  sppsvc             Software Protection\n';
    expect(read(table).sections).toEqual([]);
    const sc =
      'SERVICE_NAME: Spooler\n        STATE              : 4  RUNNING\n\nSERVICE_NAME: sppsvc\n        STATE              : 1  STOPPED\n';
    expect(read(sc).sections.map((x) => x.facts)).not.toContainEqual({ serviceState: 'Running' });
  });
});

describe('reader: whoami /groups', () => {
  it('reads the integrity level by its SID, whatever the group name says', () => {
    expect(only(read('Mandatory Label\\Medium Mandatory Level Label S-1-16-8192\n')).facts).toEqual({
      elevated: false,
    });
    expect(only(read('Обязательная метка\\Высокий обязательный уровень Метка S-1-16-12288\n')).facts).toEqual(
      {
        elevated: true,
      },
    );
    expect(read('S-1-16-12288\n').sections).toEqual([]);
  });
});

describe('reader: w32tm /resync', () => {
  it('reads success only under the resync line, and a refusal wherever it stands', () => {
    expect(read('The command completed successfully.\n').sections).toEqual([]);
    expect(
      only(read('The computer did not resync because the required time change was too big.\n')).facts,
    ).toEqual({
      resynced: false,
    });
  });
});

describe('reader: reg add, Get-WinEvent with no events, /Get-Intl and setupact.log', () => {
  const facts = (text: string): Facts => factsOf(read(text).sections) as unknown as Facts;
  const values = (text: string) =>
    Object.fromEntries(Object.entries(factsOf(read(text).sections)).map(([k, v]) => [k, v.value]));
  it('an "ERROR:" is a failed change only after a reg add or reg delete command line', () => {
    expect(values('reg add HKLM\\Software\\X /v Y /t REG_DWORD /d 1 /f\nERROR: Access is denied.\n')).toEqual(
      {
        regChanged: false,
      },
    );
    expect(values('reg delete HKLM\\Software\\X /v Y /f\nThe operation completed successfully.\n')).toEqual({
      regChanged: true,
    });
    // After a reg query, an error of its own is read as it was, not as a change that failed.
    expect(values('reg query HKLM\\Software\\X\nERROR: Access is denied.\n').regChanged).toBeUndefined();
  });
  it('DISM\'s own "The operation completed successfully." is no registry change', () => {
    expect(values(sampleText('dism-get-intl-constructed-en.txt'))).toEqual({ installedLanguages: 2 });
  });
  it("a language list cut before DISM's last line gives no count", () => {
    const cut = sampleText('dism-get-intl-constructed-en.txt').replace(
      'The operation completed successfully.',
      '',
    );
    expect(values(cut).installedLanguages).toBeUndefined();
  });
  it('PowerShell 7\'s "Get-WinEvent:" reads as no events too', () => {
    expect(
      values('Get-WinEvent: No events were found that match the specified selection criteria.\n'),
    ).toEqual({ noEvents: true });
  });
  it('rows of a sysprep run without the GENERALIZE option prove nothing either way', () => {
    const rows =
      "2025-07-22 21:55:35, Info       [0x0f005f] SYSPRP ParseCommands:Found supported command line option 'OOBE'\n" +
      "2025-07-22 21:55:35, Info       [0x0f00d7] SYSPRP WinMain:Pre-validing 'generalize' internal providers.\n";
    const result = read(rows);
    expect(result.unread).toEqual(rows.trim().split('\n'));
    expect(facts(rows)).toEqual({});
  });
});

describe('reader: 12290 events listed together', () => {
  const shared = (text: string) => factsOf(read(text).sections).sharedCmid?.value;
  const own = sampleText('event-12290-get-winevent-own-cmids-constructed-en.txt');
  it('say nothing of shared CMIDs from one client alone, or where an event gives no name', () => {
    const records = own.split('\n\n');
    // PC042's two requests: one name, nothing to compare it with.
    expect(shared(records.slice(1).join('\n\n'))).toBeUndefined();
    const unnamed = own.replace('PC044.corp.contoso.com', '<KMS Client name>');
    expect(shared(unnamed)).toBeUndefined();
    expect(shared(own)).toBe(false);
  });
  it('compare client names ignoring case: one machine is no clone of itself', () => {
    const text = own.replace(
      'PC044.corp.contoso.com,0b9e2f61-4d7c-4a38-9e0f-2c5d8a7b1e90',
      'pc042.CORP.contoso.com,5E3C1C0A-2b7d-4c61-8f0e-7a9d3b2c1e45',
    );
    expect(shared(text)).toBeUndefined();
    const clone = own.replace(
      'PC044.corp.contoso.com,0b9e2f61-4d7c-4a38-9e0f-2c5d8a7b1e90',
      'PC045.corp.contoso.com,5E3C1C0A-2b7d-4c61-8f0e-7a9d3b2c1e45',
    );
    // PC045, PC042, PC042: one change of name, as a rename makes; PC045 again after PC042 is a turn back.
    expect(shared(clone)).toBeUndefined();
    const turns = clone.replace(
      'PC042.corp.contoso.com,5e3c1c0a-2b7d-4c61-8f0e-7a9d3b2c1e45,2025/10/23 06:58',
      'PC045,5e3c1c0a-2b7d-4c61-8f0e-7a9d3b2c1e45,2025/10/23 06:58',
    );
    expect(shared(turns)).toBe(true);
  });
  it('count a short name and its FQDN as one machine, and a rename as no clone', () => {
    // PC042 asks under its FQDN, then its short name: one machine, PC044 another.
    const short = own.replace(
      'PC042.corp.contoso.com,5e3c1c0a-2b7d-4c61-8f0e-7a9d3b2c1e45,2025/10/23 06:58',
      'PC042,5e3c1c0a-2b7d-4c61-8f0e-7a9d3b2c1e45,2025/10/23 06:58',
    );
    expect(shared(short)).toBe(false);
    // Asked before a rename and a domain join, then after: one change of name, no proof of two machines.
    const renamed = own.replace(
      'PC042.corp.contoso.com,5e3c1c0a-2b7d-4c61-8f0e-7a9d3b2c1e45,2025/10/23 06:58',
      'WIN-7H3K2J1LQ8M,5e3c1c0a-2b7d-4c61-8f0e-7a9d3b2c1e45,2025/10/23 06:58',
    );
    expect(shared(renamed)).toBeUndefined();
  });
});

describe('the .NET port test', () => {
  it("reads PowerShell 7's exception for a connection that got no answer as a failed test", () => {
    const text =
      "PS C:\\> (New-Object System.Net.Sockets.TcpClient('kms01.corp.example.com', 1688)).Connected\n" +
      'MethodInvocationException: Exception calling ".ctor" with "2" argument(s): "A connection attempt failed because the connected party did not properly respond after a period of time, or established connection failed because connected host has failed to respond. [::ffff:192.0.2.15]:1688"\n';
    expect(only(readConsole(text)).facts).toEqual({
      computerName: 'kms01.corp.example.com',
      remotePort: 1688,
      tcpTestSucceeded: false,
    });
  });
  it('reads no result from a name that does not resolve, nor from True without the test above it', () => {
    const unknown =
      "PS C:\\> (New-Object System.Net.Sockets.TcpClient('kms99.corp.example.com', 1688)).Connected\n" +
      'New-Object : Exception calling ".ctor" with "2" argument(s): "No such host is known"\n';
    expect(only(readConsole(unknown)).facts.tcpTestSucceeded).toBeUndefined();
    expect(readConsole('True\n').sections).toEqual([]);
  });
});

describe('ipconfig /all', () => {
  it('reads DNS servers continued on indented rows, and a zone ID and (Preferred) off an address', () => {
    const text = [
      'Windows IP Configuration',
      '',
      'Ethernet adapter Ethernet:',
      '',
      '   Connection-specific DNS Suffix  . : corp.example.com',
      '   IPv4 Address. . . . . . . . . . . : 192.0.2.41(Preferred)',
      '   DNS Servers . . . . . . . . . . . : fe80::5%12',
      '                                       192.0.2.10',
      '                                       fec0:0:0:ffff::1%1',
      '   NetBIOS over Tcpip. . . . . . . . : Enabled',
    ].join('\n');
    // fec0:0:0:ffff::1 is Windows' placeholder for no server set, not a server.
    expect(only(readConsole(text)).facts).toEqual({
      dnsSuffixes: ['corp.example.com'],
      dnsServers: ['fe80::5', '192.0.2.10'],
      dnsServerCount: 2,
      ipv4Addresses: ['192.0.2.41'],
    });
  });
});

describe('reader: events listed together, by their times', () => {
  const record = (time: string, code: string, host: string) =>
    [
      `TimeCreated : ${time}`,
      'Message     : The client has sent an activation request to the key management service machine.',
      '              Info:',
      `              ${code}, 0x00000000, ${host}:1688, 5e3c1c0a-2b7d-4c61-8f0e-7a9d3b2c1e45, 2025/10/23 06:58, 0, 2, 43200, 73111121-5638-40f6-bc11-f1d7b0d64300, 25`,
      '',
    ].join('\n');
  const command =
    "PS C:\\> Get-WinEvent -FilterHashtable @{LogName='Application'; ProviderName='Microsoft-Windows-Security-SPP'; Id=12288} -MaxEvents 3 | Format-List TimeCreated,Message";
  const newestFirst = [
    command,
    '',
    record('23.10.2025 9:58:11', '0x0', 'kms02.corp.contoso.com'),
    record('23.10.2025 8:58:11', '0xC004F074', 'kms01.corp.contoso.com'),
    record('23.10.2025 7:58:11', '0xC004F074', 'kms01.corp.contoso.com'),
  ].join('\n');
  const values = (text: string) =>
    Object.fromEntries(Object.entries(factsOf(read(text).sections)).map(([k, v]) => [k, v.value]));

  it('lets the newest stand: an older failure never answers for the newer request', () => {
    const result = read(newestFirst);
    expect(result.sections.map((s) => s.aside)).toEqual([undefined, 'older', 'older']);
    expect(values(newestFirst)).toMatchObject({ errorCode: '0x00000000', kmsHost: 'kms02.corp.contoso.com' });
  });

  it('in any order: -Oldest, or the same command run twice, before and after a fix', () => {
    const oldest = [
      command.replace('-MaxEvents 3', '-MaxEvents 2 -Oldest'),
      record('10/22/2025 7:58:11 AM', '0xC004F074', 'kms01.corp.contoso.com'),
      record('10/23/2025 9:58:11 AM', '0x0', 'kms02.corp.contoso.com'),
    ].join('\n');
    expect(values(oldest)).toMatchObject({ errorCode: '0x00000000', kmsHost: 'kms02.corp.contoso.com' });
    const twice = [
      command,
      record('2025-10-23 09:00:00', '0xC004F074', 'kms01.corp.contoso.com'),
      command,
      record('2025-10-23 09:20:00', '0x0', 'kms01.corp.contoso.com'),
    ].join('\n');
    expect(values(twice)).toMatchObject({ errorCode: '0x00000000' });
  });

  it("keeps an older event's facts that no newer one gives: the last count a response brought", () => {
    const response = [
      'TimeCreated : 16.10.2025 9:00:00',
      'Message     : The client has processed an activation response from the key management service machine.',
      '              Info:',
      '              0x0, 0x1, 1, 0, 40, 120, 10080, 2025/10/16 09:00',
      '',
    ].join('\n');
    const text = [record('23.10.2025 9:58:11', '0xC004F074', 'kms01.corp.contoso.com'), response].join('\n');
    expect(values(text)).toMatchObject({ errorCode: '0xC004F074', eventId: 12288, currentCount: 40 });
  });

  it('reads times as Windows prints them: year first with p.m., fractions of a second', () => {
    const slui = (time: string, code: string) =>
      `TimeCreated : ${time}\nMessage     : License Activation (slui.exe) failed with the following error code:\n              hr=${code}\n`;
    // en-CA, newest first: 1:05 p.m. is after 9:58 a.m.
    const enCa = `${slui('2025-10-23 1:05:11\u202fp.m.', '0xC004F074')}\n${slui('2025-10-23 9:58:11\u202fa.m.', '0x8007139F')}`;
    expect(values(enCa)).toMatchObject({ errorCode: '0xC004F074' });
    // wevtutil's fractions tell two events of one second apart.
    const wev = `${slui('2025-10-23T09:58:11.1231000Z', '0xC004F074')}\n${slui('2025-10-23T09:58:11.1230000Z', '0x8007139F')}`;
    expect(values(wev)).toMatchObject({ errorCode: '0xC004F074' });
    // One second shared inside a list that runs newest first: the one listed first is the newer.
    const tie = [
      slui('10/23/2025 9:58:11 AM', '0xC004F074'),
      slui('10/23/2025 9:58:11 AM', '0x8007139F'),
      slui('10/22/2025 9:58:11 AM', '0x80072EE7'),
    ].join('\n');
    expect(values(tie)).toMatchObject({ errorCode: '0xC004F074' });
  });

  it("names an event by Get-EventLog's InstanceId, its qualifiers left off", () => {
    const text = [
      'Index              : 5021',
      'EntryType          : Error',
      'InstanceId         : 3221233670',
      'Message            : License Activation (slui.exe) failed with the following error code:',
      '                     hr=0xC004F074',
      'Source             : Microsoft-Windows-Security-SPP',
      'TimeGenerated      : 10/23/2025 1:05:11 PM',
    ].join('\n');
    expect(values(text)).toMatchObject({ eventId: 8198, errorCode: '0xC004F074' });
  });

  it('an event with no time among timed ones: a fact they give differently stands for none', () => {
    const text = [
      record('23.10.2025 9:58:11', '0x0', 'kms02.corp.contoso.com').replace(/^TimeCreated .*\n/, ''),
      record('22.10.2025 9:58:11', '0xC004F074', 'kms01.corp.contoso.com'),
    ].join('\n');
    const facts = values(text);
    expect(facts.errorCode).toBeUndefined();
    expect(facts.kmsHost).toBeUndefined();
    expect(facts).toMatchObject({ eventId: 12288, kmsPort: 1688 });
  });

  it('leaves events as pasted when their times fit two orders, or print none', () => {
    const either = [
      record('10/11/2025 9:00:00', '0x0', 'kms02.corp.contoso.com'),
      record('11/10/2025 9:00:00', '0xC004F074', 'kms01.corp.contoso.com'),
    ].join('\n');
    expect(read(either).sections.every((s) => s.aside === undefined)).toBe(true);
    expect(values(either)).toMatchObject({ kmsHost: 'kms01.corp.contoso.com' });
    const untimed = newestFirst.replace(/^TimeCreated .*\n/gm, '');
    expect(read(untimed).sections.every((s) => s.aside === undefined)).toBe(true);
    expect(values(untimed)).toMatchObject({ kmsHost: 'kms01.corp.contoso.com' });
  });
});

describe('the firewall lists in their default layouts', () => {
  const values = (text: string) =>
    Object.fromEntries(Object.entries(factsOf(read(text).sections)).map(([k, v]) => [k, v.value]));
  // Microsoft's Get-NetConnectionProfile card, then a rule in Get-NetFirewallRule's own list, as one command
  // line prints them (each sample's own prompt line taken off).
  const card = sampleText('netfirewall-connection-profile-domain-en-1.txt');
  const rule = sampleText('netfirewall-rule-full-en-1.txt');
  const body = (text: string) => text.replace(/^PS.*>.*$/m, '');
  const both = (r: string) =>
    `PS C:\\> Get-NetConnectionProfile; Get-NetFirewallRule -DisplayName 'Docker SSL Inbound'\n${body(card)}\n${body(r)}`;
  it('reads the card and the rule as two objects, the rule on for the card', () => {
    expect(values(both(rule))).toEqual({ firewallRuleOn: true });
  });
  it('reads a rule off the card\'s profile as No: "Name" and "DisplayName" are one rule', () => {
    expect(values(both(rule.replace('Domain, Private, Public', 'Private, Public')))).toEqual({
      firewallRuleOn: false,
    });
  });
  it('reads neither list alone', () => {
    expect(values(card)).toEqual({});
    expect(values(rule)).toEqual({});
  });
});

describe('reader: a licence status wrapped at the console edge', () => {
  const status = 'Additional grace period (KMS license expired or hardware out of tolerance)';
  const dli = (row: string, rest: string) =>
    [
      'Name: Windows(R), Professional edition',
      'Description: Windows(R) Operating System, VOLUME_KMSCLIENT channel',
      'Partial Product Key: T83GX',
      row,
      rest,
      'Time remaining: 43200 minute(s) (30 day(s))',
    ].join('\n');

  it('rejoins it, cut at 80 columns or short of them, and reads the status', () => {
    const full = `License Status: ${status}`;
    for (const at of [80, 78]) {
      const r = read(dli(full.slice(0, at), full.slice(at)));
      expect(only(r).facts.licenseStatus, `cut at ${at}`).toBe('additional-grace');
      expect(r.unread).toEqual([]);
    }
  });
});
