/**
 * Command lines pasted with their output (with or without a prompt): the prompt taken off, the collect
 * command told apart, and the arguments read. Which kind a command opens, each kind says itself
 * (src/console/kinds/).
 */
import type { Hit, KindId, Line } from './types.ts';

// "PS C:\Users\x> ", "C:\Windows\system32> ", "PS> ", "> " (nslookup and Unix-style prompts).
const PROMPT = /^(?:PS(?: [^>]{1,200})?> ?|[A-Za-z]:\\[^>]{0,200}> ?|> ?)/;

/** Whether a line is a prompt with no command after it: the output above it has ended. */
export function barePrompt(norm: string): boolean {
  const prompt = PROMPT.exec(norm);
  return !!prompt && norm.slice(prompt[0].length).trim() === '';
}

/** The hit of a command line of a kind: it always opens a section, carrying the command's hint. */
export function commandHit(family: KindId, value: string, hint?: string): Hit {
  return { family, key: 'command', value, start: true, command: true, ...(hint ? { hint } : {}) };
}

// The collect command itself (src/console/collect.ts), pasted back with its output: read, as noise.
const COLLECT: Hit = { family: 'cim', key: 'collect', value: '', start: false, noise: true };

/**
 * A line's text without its prompt, when it may be a command line; or the collect command's noise hit.
 * Null when it cannot be a command: too long, or PowerShell's error record
 * ("Resolve-DnsName : <name> : <message>").
 */
export function commandText(line: Line): string | Hit | null {
  const text = line.norm.replace(PROMPT, '').trim();
  if (/^& \{ .{0,3000}\bSoftwareLicensingProduct\b/.test(text)) return COLLECT;
  if (text.length > 600) return null;
  if (/^\S{1,40} : /.test(text)) return null;
  return text;
}

/** The arguments of a command line that are not options (-x, /x, -x=y). */
export function positional(commandText: string): string[] {
  const words = commandText.split(/\s+/).slice(1);
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (/^[-/]/.test(w)) {
      // PowerShell's "-Name value" takes the next word; nslookup's "-type=srv" does not.
      if (/^-[A-Za-z]+$/.test(w) && !/^-(?:debug|d2|vc|recurse|norecurse|DnsOnly)$/i.test(w)) i++;
      continue;
    }
    out.push(w.replace(/^["']|["']$/g, ''));
  }
  return out;
}

/** The value of a named argument: "-type=srv", "-q=srv", "/computer:host", "-Name x", "-Port 1688". */
export function option(commandText: string, names: readonly string[]): string | undefined {
  const words = commandText.split(/\s+/);
  for (let i = 0; i < words.length; i++) {
    const m = /^[-/]([A-Za-z]+)[=:](.{1,255})$/.exec(words[i]!);
    if (m && names.includes(m[1]!.toLowerCase())) return m[2]!.replace(/^["']|["']$/g, '');
    const bare = /^-([A-Za-z]+)$/.exec(words[i]!);
    if (bare && names.includes(bare[1]!.toLowerCase()) && words[i + 1] !== undefined) {
      return words[i + 1]!.replace(/^["']|["']$/g, '');
    }
  }
  return undefined;
}
