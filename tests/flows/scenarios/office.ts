import type { Scenario } from './types.ts';

export const scenarios: Scenario[] = [
  {
    name: 'office: 0xC004F042 from Office, host set by hand points at the Windows-only host',
    situation:
      'Office LTSC 2021 (64-bit) reports 0xC004F042; /dhistorykms shows the Windows KMS host. The host name is removed so Office finds its own host through DNS, and it activates.',
    start: { code: '0xC004F042' },
    answers: ['office', 'x64', 'yes', 'no', 'kms', 'wrong-host', 'no', 'dns', 'yes', 'yes'],
    ends: 'office/licensed',
    passes: ['office/windows-or-office', 'office/history', 'office/remhst', 'office/act'],
  },
  {
    name: 'office: 0xC004F038, the Office count is 3',
    situation:
      '32-bit Office 2019 on 64-bit Windows reports 0xC004F038; the host has an Office KMS host license with a current count of 3.',
    start: { code: '0xC004F038' },
    answers: ['office', 'x86', 'yes', 'no', 'kms', 'count', 'yes', 3],
    ends: 'office/count-low',
    passes: ['kms-count/start', 'office/folder-32', 'office/host-count', 'office/count'],
  },
  {
    name: 'office: 0xC004F074 from Office, host set with /sethst',
    situation:
      'Office reports 0xC004F074 while Windows is fine; Office is pointed at the KMS host with /sethst and activates.',
    start: { code: '0xC004F074' },
    answers: ['office', 'x64', 'yes', 'no', 'kms', 'no-kms', 'yes', 'no', 'yes'],
    ends: 'office/licensed',
    passes: ['office/windows-or-office-074', 'office/dstatus', 'office/sethst', 'office/act'],
  },
  {
    name: 'office: 0xC004F074 from Windows goes to the KMS connection steps',
    situation:
      'slmgr /ato on a Windows client reports 0xC004F074; the first question sends the technician to the Windows KMS connection steps.',
    start: { code: '0xC004F074' },
    answers: ['windows'],
    ends: 'kms-connect/start',
    passes: ['office/windows-or-office-074'],
  },
  {
    name: 'office: 0xC004F074 reached through kms-connect, Office chosen at the host on record',
    situation:
      'A technician who began with the Windows steps finds no host on record and chooses Office there; the Office steps still open.',
    start: { flow: 'kms-connect' },
    answers: ['no', 'no', 'office'],
    ends: 'office/start',
    passes: ['kms-connect/know-host'],
  },
  {
    name: 'office: another code, read with /ddescr, on a host with a custom port',
    situation:
      'Office shows a code the technician does not know; /ddescr says no KMS could be contacted, and the host listens on 1750.',
    start: { flow: 'office' },
    answers: ['x64', 'yes', 'no', 'kms', 'other', 'yes', 'no-kms', 'yes', 'yes', 'yes', 'yes'],
    ends: 'office/licensed',
    passes: ['office/ddescr', 'office/setprt'],
  },
  {
    name: 'office: the host has no Office license pack',
    situation:
      'Office reaches the right host, but slmgr /dlv all on the host shows no Office KMS host entry.',
    start: { flow: 'office' },
    answers: ['x64', 'yes', 'no', 'kms', 'wrong-host', 'yes', 'no'],
    ends: 'office/host-setup',
  },
  {
    name: 'office: the right host does not answer',
    situation: 'Office has the right host set, but Test-NetConnection to its port fails.',
    start: { flow: 'office' },
    answers: ['x64', 'yes', 'no', 'kms', 'wrong-host', 'no', 'unreachable', 'no'],
    ends: 'office/escalate-network',
    passes: ['office/test-port'],
  },
  {
    name: 'office: ospp.vbs is in the other folder',
    situation:
      'ospp.vbs is not under Program Files; Office turns out to be 32-bit, and its status is already licensed.',
    start: { flow: 'office' },
    answers: ['x64', 'no', 'x86', 'yes', 'yes'],
    ends: 'office/licensed',
    passes: ['office/folder-64', 'office/folder-32'],
  },
  {
    name: 'office: Microsoft 365 Apps',
    situation: 'The failing Office is Microsoft 365 Apps, which ospp.vbs does not manage.',
    start: { flow: 'office' },
    answers: ['m365'],
    ends: 'office/m365',
  },
  {
    name: 'office: Microsoft 365 Apps activated by the wrong account, license reset with vnextdiag.ps1',
    situation:
      'vnextdiag.ps1 -action list shows Microsoft 365 Apps licensed to a former user; the license is removed by its EWW License ID and the right user signs in.',
    start: { flow: 'office' },
    answers: ['m365', 'no', 'wrong', 'yes'],
    ends: 'office/m365-licensed',
    passes: ['office/m365', 'office/m365-remove'],
  },
  {
    name: 'office: Microsoft 365 Apps still unlicensed after the reset',
    situation: 'After removing the license and signing in again, Microsoft 365 Apps still does not activate.',
    start: { flow: 'office' },
    answers: ['m365', 'no', 'wrong', 'no'],
    ends: 'office/m365-escalate',
  },
  {
    name: 'office: no KMS host on record, and setting one does not help',
    situation: 'ospp.vbs /dstatus on 64-bit Office shows no KMS host; after /sethst activation still fails.',
    start: { flow: 'office' },
    answers: ['x64', 'yes', 'no', 'kms', 'no-kms', 'no'],
    ends: 'office/escalate-office',
    passes: ['office/sethst'],
  },
  {
    name: 'office: a MAK was installed on Office that should use KMS',
    situation:
      'Office LTSC 2021 reports an activation error; ospp.vbs /dstatus shows VOLUME_MAK although the organization activates Office through KMS. The Office GVLK is installed with /inpkey and Office activates.',
    start: { flow: 'office' },
    answers: ['x64', 'yes', 'no', 'to-kms', 'yes', 'yes'],
    ends: 'office/licensed',
    passes: ['office/channel', 'office/inpkey', 'office/act'],
  },
  {
    name: 'office: a MAK-activated Office',
    situation:
      'Office 2019 shows VOLUME_MAK and the organization activates it with a MAK; it is activated online with ospp.vbs /act.',
    start: { flow: 'office' },
    answers: ['x86', 'yes', 'no', 'mak'],
    ends: 'office/mak-office',
    passes: ['office/channel'],
  },
  {
    name: 'office: a retail Office where KMS is expected',
    situation:
      'ospp.vbs /dstatus shows a RETAIL channel for Office Professional Plus 2021 on a computer that should activate through KMS; a GVLK cannot help, so the volume-licensed edition has to be installed.',
    start: { flow: 'office' },
    answers: ['x64', 'yes', 'no', 'retail'],
    ends: 'office/retail-office',
    passes: ['office/channel'],
  },
  {
    name: 'office: the Office GVLK is refused',
    situation:
      'A MAK is replaced with a GVLK for Office that should use KMS, but ospp.vbs /inpkey refuses the key; the key, not the KMS host, goes to whoever manages Office licenses.',
    start: { flow: 'office' },
    answers: ['x64', 'yes', 'no', 'to-kms', 'no'],
    ends: 'office/escalate-office-key',
    passes: ['office/inpkey'],
  },
  {
    name: 'office: MAK activation of Office keeps failing',
    situation:
      'Office 2019 with a MAK still fails after ospp.vbs /act; the history of failed MAK activations goes to Office licensing, not to the KMS host administrators.',
    start: { flow: 'office' },
    answers: ['x86', 'yes', 'no', 'mak', 'failing'],
    ends: 'office/escalate-office-key',
    passes: ['office/mak-office'],
  },
  {
    name: 'office: Microsoft 365 Apps lists no license at all',
    situation:
      'vnextdiag.ps1 -action list shows nothing for the user, so there is no License ID to remove; the user signs in to Office with the licensed work account.',
    start: { flow: 'office' },
    answers: ['m365', 'no', 'none'],
    ends: 'office/m365-not-listed',
    passes: ['office/m365-why'],
  },
  {
    name: 'office: Microsoft 365 Apps lists nothing and signing in does not help',
    situation:
      'No license is listed; after signing in Office still does not activate, and the Microsoft 365 administrators take it.',
    start: { flow: 'office' },
    answers: ['m365', 'no', 'none', 'failing'],
    ends: 'office/m365-escalate',
    passes: ['office/m365-not-listed'],
  },
  {
    name: 'office: Microsoft 365 Apps on a shared computer',
    situation:
      'vnextdiag.ps1 shows shared computer activation on a Remote Desktop server and Office is not licensed; the Microsoft 365 administrators manage it.',
    start: { flow: 'office' },
    answers: ['m365', 'no', 'shared'],
    ends: 'office/m365-escalate',
    passes: ['office/m365-why'],
  },
  {
    name: 'office: /dstatus lists no product key, Microsoft 365 Apps',
    situation:
      'ospp.vbs /dstatus shows no product key for the failing Office because it is Microsoft 365 Apps; the technician is sent to vnextdiag.ps1.',
    start: { flow: 'office' },
    answers: ['x64', 'yes', 'no', 'no-key'],
    ends: 'office/m365',
    passes: ['office/channel'],
  },
  {
    name: 'office: Microsoft 365 Apps in its grace period seen through ospp.vbs',
    situation:
      'A technician treats 32-bit Office as volume-licensed; ospp.vbs /dstatus shows a RETAIL(Grace) channel for O365ProPlusRetail, which is Microsoft 365 Apps, not a retail Office, so vnextdiag.ps1 takes over.',
    start: { flow: 'office' },
    answers: ['x86', 'yes', 'no', 'm365-channel', 'yes'],
    ends: 'office/m365-licensed',
    passes: ['office/folder-32', 'office/channel', 'office/m365'],
  },
  {
    name: 'office: ospp.vbs finds no installed product key',
    situation:
      'ospp.vbs /dstatus prints <No installed product keys detected>: the Office is Microsoft 365 Apps, licensed per user.',
    start: { flow: 'office' },
    answers: ['x64', 'yes', 'no', 'no-key'],
    ends: 'office/m365',
    passes: ['office/channel'],
  },
  {
    name: 'office: volume Office whose key was removed takes its GVLK again',
    situation:
      'ospp.vbs /dstatus prints <No installed product keys detected> on Office LTSC 2021, and File > Account shows a Product ID: someone uninstalled its GVLK, which /inpkey puts back.',
    start: { flow: 'office' },
    answers: ['x64', 'yes', 'no', 'no-key-volume', 'yes', 'yes'],
    ends: 'office/licensed',
    passes: ['office/channel', 'office/inpkey', 'office/act'],
  },
];
