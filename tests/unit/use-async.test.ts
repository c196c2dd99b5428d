import { describe, expect, it } from 'vitest';
import { settled } from '../../src/hooks/use-async.ts';

const list = ['a', 'b'];
const other = ['c'];

describe('async work as state: a result the screen already shows renders nothing again', () => {
  it('keeps the state when the work confirms the value shown for the same inputs', () => {
    const had = { value: list, inputs: [1] };
    expect(settled(had, list, [1], false, undefined, list)).toBe(had);
  });

  it('takes a new value, and the same value worked out for new inputs', () => {
    const had = { value: list, inputs: [1] };
    expect(settled(had, other, [1], false, undefined, list)).toEqual({ value: other, inputs: [1] });
    expect(settled(had, list, [2], false, undefined, undefined)).toEqual({ value: list, inputs: [2] });
  });

  it('keeps the state when the value is the one at hand that the screen shows (a screen whose code is loaded)', () => {
    // One lazy screen replacing another: the state is the old screen's, the screen shows the new one at hand.
    const had = { value: 'HistoryScreen', inputs: ['history'] };
    expect(settled(had, 'FlowScreen', ['flow'], false, () => 'FlowScreen', 'FlowScreen')).toBe(had);
    // At hand but different from what the work found: the work's value is taken.
    expect(settled(had, 'FlowScreen', ['flow'], false, () => 'Other', 'Other')).toEqual({
      value: 'FlowScreen',
      inputs: ['flow'],
    });
  });

  it('renders a value that came to hand while the screen still showed it loading', () => {
    // The screen's code was not loaded at its render (Loading shown); loading it made it at hand too.
    expect(settled(undefined, 'FlowScreen', ['flow'], false, () => 'FlowScreen', undefined)).toEqual({
      value: 'FlowScreen',
      inputs: ['flow'],
    });
  });

  it('keeps nothing when nothing was found where nothing was shown', () => {
    expect(settled(undefined, undefined, [], false, undefined, undefined)).toBeUndefined();
    expect(settled(undefined, undefined, [], false, () => undefined, undefined)).toBeUndefined();
    // Nothing found where something is shown at hand: the screen shows nothing, as the work says.
    expect(settled<string | undefined>(undefined, undefined, [], false, () => 'x', 'x')).toEqual({
      value: undefined,
      inputs: [],
    });
  });

  it('with the last result kept while new inputs are read, only a different result renders again', () => {
    const had = { value: list, inputs: [1] };
    expect(settled(had, list, [2], true, undefined, list)).toBe(had);
    expect(settled(had, other, [2], true, undefined, list)).toEqual({ value: other, inputs: [2] });
  });
});
