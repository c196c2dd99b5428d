import { describe, expect, it } from 'vitest';
import { answer, answersFor, current, start } from '../../src/flow/engine.ts';
import type { Answer, EngineState, FlowMap } from '../../src/flow/engine.ts';
import { lookup } from '../../src/codes/lookup.ts';
import { ACTIVATION_TYPES, LANGUAGES } from '../../src/flow-format/schema.ts';
import { run } from '../../src/cli/flows.ts';
import { loadChecked } from '../support/flows.ts';

const { flows, catalog } = loadChecked('flows');
const flowMap: FlowMap = flows;

/** Answers worth trying at a number node: every range boundary of every route. */
function numberProbes(state: EngineState): Answer[] {
  const cur = current(flowMap, state);
  if (!cur.ok || cur.value.node.kind !== 'number') return [];
  const node = cur.value.node;
  const probes = new Set<number>([node.min ?? 0]);
  for (const r of node.routes)
    for (const g of r.ranges) {
      if (g.min !== undefined) probes.add(g.min);
      if (g.max !== undefined) probes.add(g.max);
    }
  return [...probes];
}

/**
 * Explores every flow from its start and from every catalog entry, breadth first, through the engine
 * itself: returns the outcome nodes reached ("flow/node") and the answers that reach each.
 */
function explore(): Map<string, Answer[]> {
  const reached = new Map<string, Answer[]>();
  const seen = new Set<string>();
  const queue: Array<{ state: EngineState; path: Answer[] }> = [];
  const entries = [
    ...Object.keys(flows).map((f) => [f, undefined] as const),
    ...catalog.codes.map((c) => [c.flow, c.node] as const),
  ];
  for (const [f, n] of entries) {
    const s = start(flowMap, f, n);
    if (s.ok) queue.push({ state: s.value, path: [] });
  }
  // An index, not shift(): shifting a queue of many thousand states made the walk quadratic.
  for (let head = 0; head < queue.length; head++) {
    const { state, path } = queue[head]!;
    const cur = current(flowMap, state);
    if (!cur.ok) throw new Error(cur.error.message);
    const key = `${cur.value.flowId}/${cur.value.node.id}`;
    // Conditions look at earlier answers, so the same node is worth visiting once per distinct history.
    const seenKey = `${key}|${state.trail
      .slice(-6)
      .map((s) => `${s.node}=${String(s.answer)}`)
      .join('>')}`;
    if (seen.has(seenKey)) continue;
    seen.add(seenKey);
    if (cur.value.node.kind === 'outcome' && !reached.has(key)) reached.set(key, path);
    if (cur.value.status !== 'active' || path.length > 60) continue;
    const accepted = answersFor(cur.value.node);
    const tries = accepted === 'number' ? numberProbes(state) : accepted;
    for (const a of tries) {
      const next = answer(flowMap, state, a);
      if (next.ok) queue.push({ state: next.value, path: [...path, a] });
    }
  }
  return reached;
}

describe('every real flow', () => {
  it('passes the checker', () => {
    const { code, err } = run(['check']);
    expect(err).toBe('');
    expect(code).toBe(0);
  });

  // Walks every path of every flow: a few seconds on an idle machine, so the limit leaves room for a busy one.
  it('has every outcome reachable through the engine', { timeout: 60_000 }, () => {
    const reached = explore();
    const outcomes = Object.entries(flows).flatMap(([id, f]) =>
      f.nodes.filter((n) => n.kind === 'outcome').map((n) => `${id}/${n.id}`),
    );
    expect(outcomes.length).toBeGreaterThan(40);
    expect(outcomes.filter((o) => !reached.has(o))).toEqual([]);
  });

  it('has the flows the product promises', () => {
    for (const id of [
      'kms-dns',
      'kms-connect',
      'kms-count',
      'time-sync',
      'kms-host',
      'mak',
      'phone-activation',
      'product-key',
      'genuine',
      'privileges',
      'no-code',
      'find-key',
      'product-codes',
    ])
      expect(flows[id], id).toBeDefined();
  });

  it('writes every string in every language, and never the same text for both', () => {
    for (const [id, flow] of Object.entries(flows))
      for (const node of flow.nodes)
        if (node.kind !== 'link') {
          for (const lng of LANGUAGES) expect(node.text[lng].trim(), `${id}/${node.id}`).not.toBe('');
          // Russian text is written in Cyrillic (codes and commands aside).
          expect(node.text.ru, `${id}/${node.id}`).toMatch(/[а-яё]/i);
        }
  });
});

describe('the catalog', () => {
  const codes = catalog.codes.map((c) => c.code);
  it("holds all 31 codes of the source document, and slmgr's own codes", () => {
    expect(codes).toEqual(
      expect.arrayContaining([
        '0xC004F025',
        '0xC004D307',
        '0x8004FE21',
        '0x80070005',
        '0x8007007B',
        '0x80070490',
        '0x800706BA',
        '0x8007232A',
        '0x8007232B',
        '0x8007251D',
        '0x80092328',
        '0xC004B100',
        '0xC004C001',
        '0xC004C003',
        '0xC004C008',
        '0xC004C020',
        '0xC004C021',
        '0xC004F009',
        '0xC004F00F',
        '0xC004F014',
        '0xC004F02C',
        '0xC004F035',
        '0xC004F038',
        '0xC004F039',
        '0xC004F041',
        '0xC004F042',
        '0xC004F050',
        '0xC004F051',
        '0xC004F064',
        '0xC004F065',
        '0xC004F06C',
        '0xC004F074',
        '0x80072EE2',
      ]),
    );
  });
  it("holds the codes Microsoft's licensing and activation articles name, each with a Microsoft source", () => {
    const named: Record<string, string> = {
      '0x8007000D': 'ms-error-0x8007000d-activate-machine',
      '0xC004E002': 'ms-error-0xc004e002-during-activation',
      '0xC004E015': 'ms-error-0xc004e015-eul-consumption-failed',
      '0xC004F015': 'ms-error-0xc004f015-activate-windows-10',
      '0xC004F063': 'ms-error-0xc004f063-oem-bios',
      '0xC004F059': 'ms-cannot-activate-windows-from-oem',
      '0x8007267C': 'ms-error-0x8007267c-no-dns-servers',
      '0xC0020017': 'ms-event-8198-error-0xc0020017-0x8007139f',
      '0x8007139F': 'ms-event-8198-error-0xc0020017-0x8007139f',
      '0x80072338': 'ms-event-12293-error-0x800723-set-kms-host',
      '0xC004F011': 'ms-event-12321-token-based-activation-failed',
      '0x80072EE7': 'ms-event-8208-8200-900',
      '0x80092026': 'ms-error-validate-copy-windows',
    };
    for (const [code, source] of Object.entries(named)) {
      const entry = catalog.codes.find((c) => c.code === code);
      expect(entry, code).toBeDefined();
      expect(entry!.sources, code).toContain(source);
    }
  });
  it('fills all four Browse groups, Retail/OEM among them', () => {
    expect(ACTIVATION_TYPES).toEqual(['MAK', 'KMS client', 'KMS host', 'Retail/OEM']);
    for (const type of ACTIVATION_TYPES)
      expect(catalog.codes.filter((c) => c.activation.includes(type)).length, type).toBeGreaterThanOrEqual(3);
  });
  it('marks the eight codes the diagnostic tool handles', () => {
    expect(
      catalog.codes
        .filter((c) => c.diagnosticTool)
        .map((c) => c.code)
        .sort(),
    ).toEqual(
      [
        '0xC004F038',
        '0xC004F039',
        '0xC004F041',
        '0xC004F074',
        '0xC004C008',
        '0x8007007B',
        '0xC004C003',
        '0x8007232B',
      ].sort(),
    );
  });
  it.each(catalog.codes.map((c) => [c.code, c] as const))(
    '%s resolves by lookup to the step that starts its flow',
    (code, entry) => {
      const out = run(['lookup', code]);
      expect(out.code).toBe(0);
      const json = JSON.parse(out.out) as { code: string; flow: string; node: string };
      expect(json).toMatchObject({ code, flow: entry.flow, node: entry.node });
      const begun = start(flowMap, json.flow, json.node);
      expect(begun.ok).toBe(true);
      if (begun.ok) expect(begun.value.trail[0]).toEqual({ flow: entry.flow, node: entry.node });
    },
  );
  it('finds every code by the words of its English and Russian message', () => {
    for (const entry of catalog.codes)
      for (const lng of LANGUAGES) {
        const found = lookup(catalog.codes, entry.message[lng]).matches.map((m) => m.entry.code);
        expect(found, `${entry.code} ${lng}`).toContain(entry.code);
      }
  });
});
