import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { codeKind } from '../../src/codes/code-kind.ts';
import { findTopics, flowsOfKind } from '../../src/codes/topics.ts';
import type { TopicMode } from '../../src/codes/topics.ts';
import { officialMessages } from '../../src/data/official-messages.ts';
import type { Catalog, Flow } from '../../src/flow-format/schema.ts';

const FLOWS = new URL('../../flows/', import.meta.url);
const catalog = JSON.parse(readFileSync(new URL('catalog.json', FLOWS), 'utf8')) as Catalog;
const flows = Object.fromEntries(
  readdirSync(FLOWS)
    .filter((f) => f.endsWith('.json') && !/^(catalog|sources|organization)\.json$|\.schema\.json$/.test(f))
    .map((f) => [f.replace(/\.json$/, ''), JSON.parse(readFileSync(new URL(f, FLOWS), 'utf8')) as Flow]),
);
// As Home has them: each with its flow's title.
const topics = catalog.topics.map((t) => ({ ...t, title: flows[t.flow]!.title }));
const found = (text: string, mode?: TopicMode) => findTopics(topics, text, mode).map((t) => t.flow);

describe('a problem typed on Home finds its flow', () => {
  it.each([
    ['office', 'office'],
    ['OSPP.VBS', 'office'],
    ['ospp', 'office'],
    ['Office 2021', 'office'],
    ['офис', 'office'],
    ['ADBA', 'adba'],
    ['active directory', 'adba'],
    ['время', 'time-sync'],
    ['w32tm', 'time-sync'],
    ['dns', 'kms-dns'],
    ['tokens.dat', 'license-store'],
    ['по телефону', 'phone-activation'],
    ['счётчик', 'kms-count'],
    ['ОФИС', 'office'],
    ['ｏｆｆｉｃｅ', 'office'],
  ])('%s: %s first', (text, flow) => {
    expect(found(text)[0]).toBe(flow);
  });

  it('"kms" finds every KMS flow', () => {
    expect(found('kms')).toEqual(expect.arrayContaining(['kms-connect', 'kms-count', 'kms-dns', 'kms-host']));
  });

  it('a code, or words of no problem, finds none', () => {
    expect(found('0xC004F074')).toEqual([]);
    expect(found('C004F074')).toEqual([]);
    expect(found('-1073418124')).toEqual([]);
    expect(found('zzzz')).toEqual([]);
    expect(found('')).toEqual([]);
    // Two letters find a word they equal, never the start of a longer one.
    expect(found('of')).toEqual([]);
  });

  for (const lang of ['en', 'ru'] as const)
    it(`each flow's own title (${lang}) finds it first`, () => {
      const misses = Object.entries(flows)
        .filter(([id, flow]) => found(flow.title[lang])[0] !== id)
        .map(
          ([id, flow]) => `${id}: "${flow.title[lang]}" → ${found(flow.title[lang]).join(', ') || 'nothing'}`,
        );
      expect(misses).toEqual([]);
    });
});

describe('a code the catalog lacks: the flows its message or kind names', () => {
  const offered = (code: string) => {
    const [message] = officialMessages(code);
    expect(message, code).toBeDefined();
    return found(message!.text, 'message');
  };

  it('0xC004F213 "no product key was found" leads to the product key steps, and only there', () => {
    expect(officialMessages('0xC004F213')[0]?.text).toMatch(/no product key was found/);
    expect(offered('0xC004F213')).toEqual(['product-key']);
  });

  it('a word at the end of a sentence counts: 0xC004F200 "…is not genuine." leads to genuine', () => {
    expect(offered('0xC004F200')).toEqual(['genuine']);
  });

  it('a word that means something else in a message leads nowhere it should not', () => {
    // "Key Management Service" is no product key; "time based" activation is no clock; the Store's upgrade
    // licences are no licence store; a proxy policy is no web proxy.
    for (const code of ['0xC004F056', '0xC004C030', '0xC004E029', '0xC004F047'])
      expect(offered(code), code).not.toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^(product-key|time-sync|license-store|connectivity)$/),
        ]),
      );
    // Short messages of other things: no topic.
    expect(offered('0xC004D313')).toEqual([]);
  });

  it('a sentence must name a topic whole: one shared word is not enough', () => {
    const sentence = (t: string) => found(t, 'message');
    expect(sentence('The Software Licensing Service reported that the license store is fine')).toEqual([
      'license-store',
    ]);
    expect(sentence('The Software Licensing Service reported that the computer is fine')).toEqual([]);
  });

  it('a DNS error leads to the DNS steps, a sockets error to reaching the host, an internet one to phone activation', () => {
    expect(flowsOfKind(codeKind('0x8007232A'))).toEqual(['kms-dns']);
    expect(flowsOfKind(codeKind('0x8007274C'))).toEqual(['kms-connect']);
    // WSAHOST_NOT_FOUND (11001) is a name that did not resolve.
    expect(flowsOfKind(codeKind('0x80072AF9'))).toEqual(['kms-dns', 'kms-connect']);
    expect(flowsOfKind(codeKind('0x80072EFD'))).toEqual(['phone-activation']);
    expect(flowsOfKind(codeKind('0xC004F213'))).toEqual([]);
  });
});

describe('typed words in Russian and English, as technicians type them', () => {
  it.each([
    ['после замены материнской платы слетела активация', 'oem-bios'],
    ['клонирование', 'kms-count'],
    ['kms-сервер не отвечает', 'kms-connect'],
    ['нет прав', 'privileges'],
    ['office.', 'office'],
    ['12288', 'kms-connect'],
    ['digital license', 'find-key'],
    ['activation', 'no-code'],
    // A word in both languages' lists counts once, so "kms" does not outweigh what the rest says.
    ['kms host not found', 'kms-dns'],
    ['не найден узел kms', 'kms-dns'],
    ['установить ключ узла kms', 'kms-host'],
    // The product named wins over the general "not activated".
    ['office не активируется', 'office'],
    ['порт заблокирован брандмауэром', 'kms-connect'],
  ])('%s: %s first', (text, flow) => {
    expect(found(text)[0]).toBe(flow);
  });
});
