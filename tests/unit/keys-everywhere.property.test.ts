/**
 * A product key typed, pasted or opened in any form (any case, fullwidth, any space or joiner between its
 * groups, glued to a word) never reaches storage, a history entry, an address, the transcript, the Share
 * title or the command line whole.
 */
import 'fake-indexeddb/auto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IDBFactory } from 'fake-indexeddb';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { run } from '../../src/cli/flows.ts';
import { factsOf } from '../../src/flow/facts.ts';
import { readConsole } from '../../src/console/reader.ts';
import { shareTitle, toMarkdown } from '../../src/export/transcript.ts';
import type { TranscriptLabels } from '../../src/export/transcript.ts';
import type { Route } from '../../src/router.ts';
import type { SessionRecord } from '../../src/session/record.ts';
import { DB_NAME, STORE } from '../../src/storage/db.ts';
import { openSessionStore } from '../../src/storage/session-store.ts';
import { KEY_ALPHABET, maskKeysIn } from '../../src/redact/key-in-text.ts';
import { sampleText } from '../support/console-samples.ts';
import { loadChecked } from '../support/flows.ts';
import enScreens from '../../src/locales/en/screens.json';

const TNC = sampleText('tnc-1688-failure-en-1.txt');
const DLI = sampleText('slmgr-dli-kms-client-en-1.txt');
const { flows, catalog } = loadChecked('valid');

const DIGITS = KEY_ALPHABET.replace(/[^0-9]/g, '');

/** A key's 25 characters, canonical: from the key alphabet, with a digit (keys nearly always have one). */
const core = fc
  .tuple(
    fc.array(fc.constantFrom(...KEY_ALPHABET), { minLength: 24, maxLength: 24 }),
    fc.constantFrom(...DIGITS),
    fc.nat(24),
  )
  .map(([chars, digit, at]) => {
    chars.splice(at, 0, digit);
    return chars.join('');
  });

// What can stand between two groups: hyphens and their look-alikes, every kind of space, slash, underscore,
// invisible format characters, and combinations.
const joiner = fc.constantFrom(
  '-',
  ' ',
  '\u2010',
  '\u2013',
  '\u2014',
  '\u2212',
  '\uFF0D',
  '\u00A0',
  '\u2002',
  '\u2003',
  '\u2007',
  '\u2009',
  '\u200A',
  '\u202F',
  '\u205F',
  '\u3000',
  '/',
  '_',
  ' - ',
  '\u2009-\u2009',
  '\u200B',
  '-\u200B',
  '\t',
);

/** A key as someone might write it: case, fullwidth characters, any joiner, glued to words or not. */
const writtenKey = fc
  .record({
    key: core,
    joiners: fc.oneof(
      joiner.map((j) => [j, j, j, j]),
      fc.array(joiner, { minLength: 4, maxLength: 4 }),
    ),
    casing: fc.constantFrom('upper', 'lower', 'mixed'),
    wide: fc.constantFrom('none', 'all', 'some'),
    before: fc.constantFrom('', 'key ', 'Key:', 'slmgr /ipk ', 'was', 'ключ '),
    after: fc.constantFrom('', ' was rejected', 'was rejected', '.', ')', 'failed'),
  })
  .map(({ key, joiners, casing, wide, before, after }) => {
    let i = 0;
    const chars = [...key].map((c) => {
      i++;
      let x = casing === 'lower' || (casing === 'mixed' && i % 2) ? c.toLowerCase() : c;
      if (wide === 'all' || (wide === 'some' && i % 3 === 0))
        x = String.fromCharCode(x.charCodeAt(0) + 0xfee0);
      return x;
    });
    const groups = [0, 5, 10, 15, 20].map((g) => chars.slice(g, g + 5).join(''));
    const text = groups.reduce((s, g, n) => (n ? s + joiners[n - 1]! + g : g), '');
    return { key, text: before + text + after };
  });

// Each property ends on its first failure (endOnFailure): shrinking these keys can take minutes, and the
// first counterexample already names the form of key that got through.

/** The text as letters and digits only, folded (fullwidth, case): a key in it shows as its 25 characters. */
const bare = (text: string) =>
  text
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '');
const keepsNone = (out: string, keys: readonly string[]) => {
  for (const k of keys) expect(bare(out)).not.toContain(k);
};

/** Where a key can land in pasted output: a warning, a wrapped description, a line of its own. */
const pasted = fc.tuple(writtenKey, fc.constantFrom('warning', 'wrapped', 'line')).map(([k, where]) => {
  if (where === 'warning') return { key: k.key, text: `WARNING: ${k.text}\n${TNC}` };
  if (where === 'line') return { key: k.key, text: `${DLI}\n${k.text}\n` };
  // An 80-column console cuts the description anywhere, the key included.
  const line = `Description: Windows Operating System - Windows(R) 7, VOLUME_KMSCLIENT channel ${k.text}`;
  const wrapped = line.replace(/(.{80})/g, '$1\n');
  return { key: k.key, text: DLI.replace(/^Description: .*$/m, wrapped) };
});

const LABELS: TranscriptLabels = {
  title: 'Transcript',
  code: 'Code',
  message: 'Message',
  started: 'Started',
  updated: 'Updated',
  status: 'Status',
  statusText: { active: 'Active', resolved: 'Resolved', escalated: 'Escalated' },
  step: 'Step',
  answer: 'Answer',
  command: 'Command',
  expect: 'Look for',
  outcome: 'Outcome',
  collect: 'Collect',
  contact: 'Contact',
  facts: 'Facts',
  factNames: enScreens.factName,
  factValues: enScreens.factValue,
  summary: 'Summary',
  likelyCause: 'Likely cause',
  standsAt: 'Now at step',
  fromOutput: 'from output',
  noCode: 'No code',
  label: 'Label',
  note: 'Note',
  timeZone: 'Time zone',
  words: { yes: 'Yes', no: 'No', fixed: 'Fixed', failing: 'Failing' },
  runIn: () => 'PowerShell',
};

function recordWith(label: string, note: string, answer: string, pastedText: string): SessionRecord {
  return {
    schema: 2,
    id: '0f1e2d3c-0000-4000-8000-000000000000',
    code: '0xC004F074',
    flow: 'kms-connect',
    state: {
      v: 1,
      trail: [
        { flow: 'kms-connect', node: 'start', answer, at: 1_000 },
        { flow: 'kms-connect', node: 'dns' },
      ],
    },
    status: 'active',
    startedAt: 0,
    updatedAt: 1_000,
    label,
    notes: { 0: note },
    facts: factsOf(readConsole(pastedText).sections),
  };
}

async function storedRecords(idb: IDBFactory): Promise<unknown[]> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const req = idb.open(DB_NAME);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  const all = await new Promise<unknown[]>((resolve, reject) => {
    const req = db.transaction(STORE).objectStore(STORE).getAll();
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  db.close();
  return all;
}

describe('a product key in any form', () => {
  it('is found by the masking itself, glued to words, fullwidth, with any joiner', () => {
    fc.assert(
      fc.property(writtenKey, ({ key, text }) => {
        keepsNone(maskKeysIn(text), [key]);
      }),
      { numRuns: 300, endOnFailure: true },
    );
  });

  it('never reaches what the reader reads from pasted output, nor the command line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'keys-'));
    fc.assert(
      fc.property(pasted, ({ key, text }) => {
        const result = readConsole(text);
        keepsNone(JSON.stringify(result), [key]);
        const file = join(dir, 'pasted.txt');
        writeFileSync(file, text);
        const cli = run(['read', file]);
        keepsNone(cli.out + cli.err, [key]);
      }),
      { numRuns: 60, endOnFailure: true },
    );
  });

  it('is stored in no field of a saved session, and shows in no transcript or Share title', async () => {
    await fc.assert(
      fc.asyncProperty(writtenKey, writtenKey, writtenKey, pasted, async (label, note, answer, paste) => {
        const keys = [label.key, note.key, answer.key, paste.key];
        const record = recordWith(label.text, note.text, answer.text, paste.text);
        const md = toMarkdown({ record, flows, catalog: catalog.codes, lang: 'en', labels: LABELS });
        keepsNone(md, keys);
        keepsNone(shareTitle('Transcript', label.text), [label.key]);
        const idb = new IDBFactory();
        const store = await openSessionStore({ idb });
        expect(await store.save(record)).toBe('saved');
        const stored = await storedRecords(idb);
        expect(stored).toHaveLength(1);
        keepsNone(JSON.stringify(stored), keys);
      }),
      { numRuns: 40, endOnFailure: true },
    );
  });
});

// navigation.ts listens for popstate and hashchange; the stub keeps its listeners to call them.
const listeners: Array<() => void> = [];
const dispatchPop = () => listeners.forEach((l) => l());

/** A browser's location and history for navigation.ts, in Node: every address and entry it was given. */
const browser = {
  hash: '#/',
  state: null as unknown,
  urls: [] as string[],
  states: [] as unknown[],
  kept: new Map<string, string>(),
};
beforeAll(() => {
  const put = (state: unknown, _: string, url: string) => {
    browser.hash = new URL(url, 'https://example.test/').hash;
    browser.state = structuredClone(state);
    browser.urls.push(url);
    browser.states.push(browser.state);
  };
  vi.stubGlobal('location', {
    get hash() {
      return browser.hash;
    },
    get href() {
      return `https://example.test/${browser.hash}`;
    },
    reload: () => undefined,
  });
  vi.stubGlobal('sessionStorage', {
    getItem: (k: string) => browser.kept.get(k) ?? null,
    setItem: (k: string, v: string) => void browser.kept.set(k, v),
  });
  vi.stubGlobal('history', {
    get state() {
      return browser.state;
    },
    pushState: put,
    replaceState: put,
  });
  vi.stubGlobal('addEventListener', (_: string, listener: () => void) => listeners.push(listener));
});
afterAll(() => vi.unstubAllGlobals());

describe('a product key in an address or a history entry', () => {
  it('is not kept with the address a reload for missing code remembers', async () => {
    const { reloadForMissingCode } = await import('../../src/pwa/stale.ts');
    fc.assert(
      fc.property(writtenKey, ({ key, text }) => {
        browser.hash = `#/code/${encodeURIComponent(text)}`;
        browser.kept.clear();
        expect(reloadForMissingCode()).toBe(true);
        keepsNone([...browser.kept.values()].join(), [key]);
      }),
      { numRuns: 50, endOnFailure: true },
    );
  });

  it('is taken out of every route and every state the app navigates with', async () => {
    const nav = await import('../../src/navigation.ts');
    const route = (text: string): fc.Arbitrary<Route> =>
      fc.constantFrom<Route>(
        { name: 'code', query: text },
        { name: 'flow', flow: text, node: text },
        { name: 'session', id: text },
        { name: 'procedure', flow: text },
        { name: 'not-found', path: text },
      );
    fc.assert(
      fc.property(
        writtenKey.chain((k) => fc.tuple(fc.constant(k), route(k.text))),
        writtenKey,
        fc.boolean(),
        ([k, r], s, replace) => {
          browser.urls = [];
          browser.states = [];
          nav.navigate(r, { facts: { warnings: { value: [s.text], line: s.text } }, code: s.text }, replace);
          nav.replaceEntryState({ label: [{ deep: s.text }] });
          const seen = JSON.stringify(browser.states) + browser.urls.map((u) => decodeURIComponent(u)).join();
          keepsNone(seen, [k.key, s.key]);
        },
      ),
      { numRuns: 200, endOnFailure: true },
    );
  });

  it('is taken out of an address opened on any screen but a code page (which hands it to the key checker)', async () => {
    const nav = await import('../../src/navigation.ts');
    const key = 'NPPR9\u2009FWDCX\u2009D2C8J\u2009H872K\u20092YT43';
    for (const hash of [
      `#/tools/key?q=${encodeURIComponent(key)}`,
      `#/flow/kms-connect/${encodeURIComponent(key)}`,
    ]) {
      browser.hash = hash;
      browser.state = { note: 'NPPR9_FWDCX_D2C8J_H872K_2YT43' };
      dispatchPop();
      keepsNone(decodeURIComponent(browser.hash) + JSON.stringify(browser.state), [
        'NPPR9FWDCXD2C8JH872K2YT43',
      ]);
      keepsNone(JSON.stringify(nav.currentLocation.get()), ['NPPR9FWDCXD2C8JH872K2YT43']);
    }
  });
});
