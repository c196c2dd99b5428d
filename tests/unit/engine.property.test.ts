import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { answer, answersFor, back, current, restore, serialize, start } from '../../src/flow/engine.ts';
import type { Answer, EngineState, FlowMap } from '../../src/flow/engine.ts';
import { lookup } from '../../src/codes/lookup.ts';
import { loadChecked } from '../support/flows.ts';

const { flows, catalog } = loadChecked('flows');
const flowMap: FlowMap = flows;
const ids = Object.keys(flows);

// Any text at all: every script, emoji, right-to-left marks, control characters, and now and then 100 KB
// (weighted low, so the run stays well inside its timeout on a machine four times slower than this one).
const anyText = fc.oneof(
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 200 }), weight: 10 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 200 }), weight: 10 },
  {
    arbitrary: fc.constantFrom(
      '\u202Eשלום 0xC004F074',
      '👨‍👩‍👧 3221549172',
      '\u0000\u0007\u001b[31m',
      '0x'.repeat(500),
    ),
    weight: 5,
  },
  { arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 50_000, maxLength: 100_000 }), weight: 1 },
);

describe('lookup, any input', () => {
  it('never throws, and gives each catalog code at most once, best first, or a clear "nothing"', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const r = lookup(catalog.codes, text);
        for (const m of r.matches) expect(catalog.codes).toContain(m.entry);
        expect(new Set(r.matches.map((m) => m.entry.code)).size).toBe(r.matches.length);
        for (let i = 1; i < r.matches.length; i++)
          expect(r.matches[i - 1]!.score).toBeGreaterThanOrEqual(r.matches[i]!.score);
        if (r.matches.length === 0) expect(r.closest.length).toBeLessThanOrEqual(3);
      }),
      { numRuns: 300 },
    );
  }, 20_000);
  it('finds any catalog code wherever it sits in random text', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...catalog.codes.map((c) => c.code)),
        fc.string(),
        fc.string(),
        (code, before, after) => {
          const r = lookup(catalog.codes, `${before} ${code} ${after}`);
          expect(r.matches.map((m) => m.entry.code)).toContain(code);
        },
      ),
      { numRuns: 300 },
    );
  });
});

/** An answer that may or may not fit: one of the accepted ones, a random number, or random text. */
const anyAnswer = fc.oneof(
  fc.nat({ max: 9 }).map((i) => ({ pick: i })),
  fc.integer({ min: -5, max: 100 }).map((n) => ({ raw: n as Answer })),
  fc.string({ maxLength: 12 }).map((s) => ({ raw: s as Answer })),
  fc.constant({ back: true as const }),
);

function pickAnswer(state: EngineState, choice: { pick?: number; raw?: Answer; back?: true }): EngineState {
  if (choice.back) return back(state);
  const cur = current(flowMap, state);
  if (!cur.ok) throw new Error(cur.error.message);
  let a: Answer;
  if (choice.raw !== undefined) a = choice.raw;
  else {
    const accepted = answersFor(cur.value.node);
    a =
      accepted === 'number'
        ? choice.pick! * 7
        : (accepted[choice.pick! % Math.max(1, accepted.length)] ?? 'yes');
  }
  const next = answer(flowMap, state, a, 1);
  return next.ok ? next.value : state;
}

describe('engine, random answer sequences', () => {
  it('always leaves a current step that the flows can show', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ids), fc.array(anyAnswer, { maxLength: 40 }), (flowId, answers) => {
        const begun = start(flowMap, flowId);
        expect(begun.ok).toBe(true);
        if (!begun.ok) return;
        let state = begun.value;
        for (const a of answers) {
          state = pickAnswer(state, a);
          expect(current(flowMap, state).ok).toBe(true);
        }
        // And whatever was reached saves and restores to the same state.
        expect(restore(flowMap, serialize(state))).toEqual({ ok: true, value: state });
      }),
      { numRuns: 400 },
    );
  });

  it('restores a saved state corrupted at random, or rejects it with a reason', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ids),
        fc.array(anyAnswer, { maxLength: 15 }),
        fc.nat(),
        fc.oneof(fc.string({ maxLength: 3 }), fc.constantFrom('"', '{', '}', ',', '0', 'null', '[]')),
        (flowId, answers, at, junk) => {
          const begun = start(flowMap, flowId);
          if (!begun.ok) return;
          let state = begun.value;
          for (const a of answers) state = pickAnswer(state, a);
          const text = serialize(state);
          const i = at % (text.length + 1);
          const corrupted = text.slice(0, i) + junk + text.slice(i + junk.length);
          const r = restore(flowMap, corrupted);
          if (r.ok) expect(current(flowMap, r.value).ok).toBe(true);
          else expect(r.error.message.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 500 },
    );
  });
});
