/** Lookup speed in Node: every accepted input form, for every catalog code, timed call by call. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CatalogEntry } from '../../src/flow-format/schema.ts';
import { mean, quantile } from './stats.ts';

export const FORMS = [
  'canonical hex',
  'lowercase hex',
  'hex without 0x',
  'inside a line of text',
  'unsigned decimal',
  'signed decimal',
  'English words',
  'Russian words',
  'partial hex',
  'unknown code',
] as const;

export interface LookupSummary {
  inputs: number;
  codes: number;
  meanUs: number;
  p95Us: number;
  byForm: Record<string, { meanUs: number; p95Us: number; matched: number; count: number }>;
}

const STOP = new Set(['the', 'is', 'not', 'a', 'an', 'to', 'of', 'for', 'не', 'на', 'в', 'и', 'для']);

function keyWords(message: string, take: number): string {
  const ws = (message.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter(
    (w) => w.length > 2 && !STOP.has(w),
  );
  return [...ws]
    .sort((a, b) => b.length - a.length)
    .slice(0, take)
    .join(' ');
}

/** The input of a form for a catalog entry; `known` lets the unknown form avoid real codes. */
export function inputFor(
  form: (typeof FORMS)[number],
  entry: CatalogEntry,
  i: number,
  known: Set<string>,
): string {
  const hex = entry.code.slice(2);
  const value = parseInt(hex, 16);
  switch (form) {
    case 'canonical hex':
      return entry.code;
    case 'lowercase hex':
      return entry.code.toLowerCase();
    case 'hex without 0x':
      return hex;
    case 'inside a line of text':
      return `2024-05-14 09:31:07 slmgr.vbs /ato: Error: ${entry.code} ${entry.message.en}`;
    case 'unsigned decimal':
      return String(value >>> 0);
    case 'signed decimal':
      return String(value | 0);
    case 'English words':
      return keyWords(entry.message.en, 3);
    case 'Russian words':
      return keyWords(entry.message.ru, 3);
    case 'partial hex':
      return hex.slice(4);
    case 'unknown code': {
      let n = (0xc0040000 + ((i * 2654435761) >>> 16)) >>> 0;
      while (known.has(`0x${n.toString(16).toUpperCase().padStart(8, '0')}`)) n = (n + 1) >>> 0;
      return `0x${n.toString(16).toUpperCase().padStart(8, '0')}`;
    }
  }
}

/** Times `total` lookups (after a warm-up) cycling through every form and every code. */
export async function measureLookup(repo: string, total = 10_000): Promise<LookupSummary> {
  const { lookup } = await import('../../src/codes/lookup.ts');
  const catalog = (
    JSON.parse(readFileSync(join(repo, 'flows', 'catalog.json'), 'utf8')) as { codes: CatalogEntry[] }
  ).codes;
  if (!catalog.length) throw new Error('the catalog has no codes');
  const known = new Set(catalog.map((e) => e.code));
  const inputs: Array<{ form: string; input: string }> = [];
  for (let i = 0; inputs.length < total; i++) {
    const form = FORMS[i % FORMS.length]!;
    const entry = catalog[Math.floor(i / FORMS.length) % catalog.length]!;
    inputs.push({ form, input: inputFor(form, entry, i, known) });
  }
  for (let i = 0; i < 1000; i++) lookup(catalog, inputs[i % inputs.length]!.input); // warm-up
  const times: number[] = [];
  const byForm: Record<string, { times: number[]; matched: number }> = {};
  for (const { form, input } of inputs) {
    const t0 = performance.now();
    const r = lookup(catalog, input);
    const us = (performance.now() - t0) * 1000;
    times.push(us);
    const slot = (byForm[form] ??= { times: [], matched: 0 });
    slot.times.push(us);
    if (r.matches.length > 0) slot.matched++;
  }
  return {
    inputs: inputs.length,
    codes: catalog.length,
    meanUs: mean(times),
    p95Us: quantile(times, 0.95),
    byForm: Object.fromEntries(
      Object.entries(byForm).map(([form, s]) => [
        form,
        { meanUs: mean(s.times), p95Us: quantile(s.times, 0.95), matched: s.matched, count: s.times.length },
      ]),
    ),
  };
}
