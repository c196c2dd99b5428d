/**
 * Install-WindowsFeature (and Add-WindowsFeature, its older name): the result table it prints, Success,
 * Restart Needed, Exit Code and Feature Result. PowerShell prints the column names in English whatever the
 * display language; the values are the result object's own (True/False, Yes/No/Maybe, Success/NoChangeNeeded…).
 */
import { commandHit } from '../commands.ts';
import { Sink, bool, first } from '../text.ts';
import type { Draft, Finished, Hit, Line, OutputKind } from '../types.ts';

const HEADER = /^Success\s{1,4}Restart Needed\s{1,4}Exit Code\s{1,20}Feature Result$/;
const RULE = /^-{7}\s{1,4}-{14}\s{1,4}-{9}\s{1,20}-{14}$/;
// "True    No             Success        {Volume Activation Services, Remote Server..."
const ROW = /^(True|False)\s{1,10}(Yes|No|Maybe)\s{1,20}([A-Za-z]{2,40})\s{1,20}(\{.{0,300})$/;

function featureHit(key: string, value: string, start: boolean): Hit {
  return { family: 'install-windowsfeature', key, value, start };
}

// What a line can be in Install-WindowsFeature's result.
function featureLine(line: Line): Hit | null {
  const t = line.norm;
  if (HEADER.test(t)) return featureHit('header', t, true);
  if (RULE.test(t)) return featureHit('rule', t, false);
  const row = ROW.exec(t);
  return row ? featureHit('row', row[1]!, false) : null;
}

function finishFeature(draft: Draft): Finished {
  const s = new Sink('install-windowsfeature');
  // A row belongs to a table only under its header: True alone at a line's start is too common.
  const row = first(draft.entries, 'header') ? first(draft.entries, 'row') : undefined;
  s.put('featureInstalled', bool(row?.value), row);
  return s.out;
}

/** Install-WindowsFeature: whether the role or feature is installed (Success True, NoChangeNeeded included). */
export const INSTALL_WINDOWSFEATURE: OutputKind = {
  id: 'install-windowsfeature',
  sections: ['install-windowsfeature'],
  facts: ['featureInstalled'],
  command: (text) =>
    /^(?:Install|Add)-WindowsFeature\b/i.test(text) ? commandHit('install-windowsfeature', text) : null,
  line: featureLine,
  finish: finishFeature,
};
