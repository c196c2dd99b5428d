import { describe, expect, it } from 'vitest';
import { unitsOf } from '../../src/components/CommandBlock/pieces.ts';
import { loadChecked } from '../support/flows.ts';

const { flows } = loadChecked('flows');
const cut = (tok: string) => unitsOf(tok).map((u) => u.join('·'));

describe('where a long command token may go on to the next line', () => {
  it('cuts at the places a person reads it apart by', () => {
    expect(cut('%windir%\\system32\\slmgr.vbs')).toEqual(['%windir%\\', 'system32\\', 'slmgr.', 'vbs']);
    expect(cut("ProviderName='Microsoft-Windows-Security-SPP';")).toEqual([
      "Provider·Name='",
      'Microsoft',
      '-Windows',
      '-Security',
      "-SPP';",
    ]);
    expect(cut('"HKLM\\SOFTWARE\\Microsoft\\Windows')).toEqual([
      '"HKLM\\',
      'SOFTWARE\\',
      'Microsoft\\',
      'Windows',
    ]);
    expect(cut('SPPSVC-In-TCP,SPPSVC-In-TCP-NoScope')).toEqual([
      'SPPSVC',
      '-In',
      '-TCP,',
      'SPPSVC',
      '-In',
      '-TCP',
      '-No·Scope',
    ]);
    expect(cut('$env:USERDNSDOMAIN')).toEqual(['$env:', 'USERDNSDOMAIN']);
    expect(cut('*S-1-5-32-544:(OI)(CI)(F)')).toEqual(['*S-1-5-32-544:', '(OI)', '(CI)', '(F)']);
  });

  it('never inside a switch, and after its name only where a value starts', () => {
    for (const sw of ['/dlv', '-Port', '/skms', '/ad-activation-apply-cid', '-FilterHashtable', '-type'])
      expect(cut(sw)).toEqual([sw]);
    expect(cut('/Set-Edition:ServerDatacenter')).toEqual(['/Set-Edition:', 'Server·Datacenter']);
    expect(cut('-type=srv')).toEqual(['-type=', 'srv']);
    expect(cut('/c:"GENERALIZE"')).toEqual(['/c:"', 'GENERALIZE"']);
  });

  it('never inside a number', () => {
    expect(cut('%windir%\\system32\\spp\\store\\2.0\\tokens.dat')).toContain('2.0\\');
    expect(cut('*S-1-5-18:(OI)(CI)(F)')[0]).toBe('*S-1-5-18:');
    expect(cut('10.20.30.40:1688')).toEqual(['10.20.30.40:1688']);
  });

  it('keeps every character of every command of every flow, in order', () => {
    for (const flow of Object.values(flows))
      for (const node of flow.nodes)
        if ((node.kind === 'action' || node.kind === 'outcome') && node.command)
          for (const tok of node.command.run.split(/\s+/).filter(Boolean))
            expect(unitsOf(tok).flat().join('')).toBe(tok);
  });
});
