import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { codeKind } from '../../src/codes/code-kind.ts';
import { findTopics, flowsOfKind } from '../../src/codes/topics.ts';
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
const found = (text: string) => findTopics(topics, text).map((t) => t.flow);

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
  it('0xC004F213 "no product key was found" leads to the product key steps, and only there', () => {
    const [message] = officialMessages('0xC004F213');
    expect(message?.text).toMatch(/no product key was found/);
    expect(found(message!.text)).toEqual(['product-key']);
  });

  it('a sentence must name a topic whole: one shared word is not enough', () => {
    expect(found('The Software Licensing Service reported that the license store is fine')).toEqual([
      'license-store',
    ]);
    expect(found('The Software Licensing Service reported that the computer is fine')).toEqual([]);
  });

  it("a Windows DNS error leads to the DNS flows, an internet error to connectivity's", () => {
    expect(flowsOfKind(codeKind('0x8007232A'))).toEqual(['kms-dns', 'connectivity']);
    expect(flowsOfKind(codeKind('0x80072EFD'))).toEqual(['connectivity']);
    expect(flowsOfKind(codeKind('0xC004F213'))).toEqual([]);
  });
});
