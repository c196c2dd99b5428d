import type { Scenario } from './types.ts';

export const scenarios: Scenario[] = [
  {
    name: 'adba: virtual machines built from an MSDN image',
    situation:
      'ADBA is set up and slmgr /ao-list shows the Windows Server 2016 object, but new VMs stay unactivated: slmgr /dlv shows the RETAIL channel. The GVLK is installed over it and they activate.',
    start: { flow: 'adba' },
    answers: ['yes', 'no', 'no', 'yes', 'yes'],
    ends: 'adba/activated',
    passes: ['adba/channel', 'adba/install-gvlk', 'adba/activate'],
  },
  {
    name: 'adba: no activation object for the version',
    situation:
      'slmgr /ao-list shows only a Windows Server 2012 R2 object; the client runs Windows Server 2022 and the technician has no CSVLK.',
    start: { flow: 'adba' },
    answers: ['no', 'no'],
    ends: 'adba/escalate-object',
    passes: ['adba/no-object'],
  },
  {
    name: 'adba: VOLUME_KMSCLIENT but event 8198 with 0xC0020017, KMS host also run',
    situation:
      'The channel is right but activation fails and event 8198 shows 0xC0020017; the activation type is All, the domain controller answers on LDAP, and the organization also runs a KMS host.',
    start: { flow: 'adba' },
    answers: ['yes', 'yes', 'no', 'yes', 'contact', 'yes', 'yes', 'yes'],
    ends: 'event-8198/set-host',
    passes: ['adba/events', 'adba/event-code', 'adba/adba-act-type', 'adba/adba-dc', 'adba/kms-also'],
  },
  {
    name: 'adba: reached from the DNS checks',
    situation: 'A client reports 0x8007232B, but the organization activates through Active Directory.',
    start: { code: '0x8007232B' },
    answers: ['adba'],
    ends: 'adba/start',
    passes: ['kms-dns/start'],
  },
  {
    name: 'adba: event 12321 without token-based activation',
    situation:
      'The Application log shows warning 12321, Token Based Activation failed, HR=0xC004F011; the organization uses KMS.',
    start: { code: '0xC004F011' },
    answers: ['no'],
    ends: 'adba/ignore-12321',
  },
  {
    name: 'adba: event 12321 where token-based activation is used',
    situation: 'A token-activated system logs 12321 with 0xC004F011: the Token Issuance License is missing.',
    start: { code: '0xC004F011' },
    answers: ['yes'],
    ends: 'adba/reinstall-ilc',
  },
  {
    name: 'adba: the Token Issuance License reinstalled, still failing',
    situation:
      'After reinstalling the Token Issuance License, event 12321 comes back: the token setup goes to its owner.',
    start: { code: '0xC004F011' },
    answers: ['yes', 'failing'],
    ends: 'adba/escalate-token',
  },
  {
    name: 'adba: right channel, activation fails and no event explains it',
    situation:
      'The client is on VOLUME_KMSCLIENT and an object exists, but activation fails and the log shows no 8198.',
    start: { flow: 'adba' },
    answers: ['yes', 'yes', 'no', 'no'],
    ends: 'adba/escalate-adba',
    passes: ['adba/events'],
  },
  {
    name: 'adba: 0xC0020017 in an ADBA-only forest is not sent to a KMS host',
    situation:
      'A Windows 11 client in a forest that activates only through ADBA logs 0xC0020017; it reaches a domain controller and there is no KMS host.',
    start: { flow: 'adba' },
    answers: ['yes', 'yes', 'no', 'yes', 'contact', 'yes', 'yes', 'no'],
    ends: 'adba/escalate-adba',
    passes: ['adba/adba-dc', 'adba/kms-also'],
  },
  {
    name: 'adba: client limited to KMS activation',
    situation:
      'slmgr /dlv shows "Configured Activation Type: KMS" on a domain client that should use ADBA; /act-type 0 lets it activate.',
    start: { flow: 'adba' },
    answers: ['yes', 'yes', 'no', 'yes', 'contact', 'no', 'yes'],
    ends: 'adba/activated',
    passes: ['adba/adba-act-type', 'adba/set-act-type'],
  },
  {
    name: 'adba: client cannot reach a domain controller',
    situation: 'A branch client logs 0x8007139F; Test-NetConnection to the domain on port 389 fails.',
    start: { flow: 'adba' },
    answers: ['yes', 'yes', 'no', 'yes', 'contact', 'yes', 'no'],
    ends: 'adba/escalate-dc',
    passes: ['adba/adba-dc'],
  },
  {
    name: 'adba: activation object added online',
    situation:
      'There is no object for Windows Server 2025; the AD administrator holds the CSVLK, adds it with /ad-activation-online, and the GVLK client then activates.',
    start: { flow: 'adba' },
    answers: ['no', 'yes', 'yes', 'yes', 'yes'],
    ends: 'adba/activated',
    passes: ['adba/no-object', 'adba/create-object', 'adba/channel', 'adba/activate'],
  },
  {
    name: 'adba: activation object added by phone',
    situation:
      'The domain has no internet access: the forest is activated with /ad-activation-get-IID and /ad-activation-apply-cid.',
    start: { flow: 'adba' },
    answers: ['no', 'yes', 'no', 'yes', 'yes', 'yes', 'yes'],
    ends: 'adba/activated',
    passes: ['adba/create-object', 'adba/phone-object', 'adba/apply-cid'],
  },
  {
    name: 'adba: event 8198 with 0x8007007B and a KMS host also run checks its DNS records',
    situation:
      'An ADBA client with a VOLUME_KMSCLIENT key logs event 8198 with 0x8007007B; the organization also runs a KMS host, so its SRV records are checked.',
    start: { flow: 'adba' },
    answers: ['yes', 'yes', 'no', 'yes', 'dns', 'yes'],
    ends: 'kms-dns/start',
    passes: ['adba/event-code', 'adba/dns-kms'],
  },
  {
    name: 'adba: event 8198 with 0x8007007B in an ADBA-only forest checks the ADBA side, not DNS',
    situation:
      'A forest activates only through ADBA, so nothing is published in DNS; a client logging 0x8007007B has its activation type and domain controllers checked instead.',
    start: { flow: 'adba' },
    answers: ['yes', 'yes', 'no', 'yes', 'dns', 'no'],
    ends: 'adba/adba-act-type',
    passes: ['adba/dns-kms'],
  },
];
