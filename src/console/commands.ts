/**
 * Command lines pasted with their output (with or without a prompt): which format follows, and
 * what the command itself says (slmgr option, nslookup name and type, stripchart target).
 */
import type { Hit, Line } from './types.ts';

// "PS C:\Users\x> ", "C:\Windows\system32> ", "PS> ", "> " (nslookup and Unix-style prompts).
const PROMPT = /^(?:PS(?: [^>]{1,200})?> ?|[A-Za-z]:\\[^>]{0,200}> ?|> ?)/;

function hit(family: Hit['family'], value: string, hint?: string): Hit {
  return { family, key: 'command', value, start: true, command: true, ...(hint ? { hint } : {}) };
}

/** Reads a command line; null when the line is not one of the commands the reader knows. */
export function command(line: Line): Hit | null {
  const text = line.norm.replace(PROMPT, '').trim();
  // The collect command itself (src/console/collect.ts), pasted back with its output.
  if (/^& \{ .{0,3000}\bSoftwareLicensingProduct\b/.test(text)) {
    return { family: 'cim', key: 'collect', value: '', start: false, noise: true };
  }
  if (text.length > 600) return null;
  // "Resolve-DnsName : <name> : <message>" is PowerShell's error record, not the command.
  if (/^\S{1,40} : /.test(text)) return null;
  const slmgr = /^(?:cscript(?:\.exe)?\s[^\n]{0,120}?)?\bslmgr(?:\.vbs)?"?(\s.{0,300})?$/i.exec(text);
  if (slmgr) {
    const option = /(?:^|\s)[-/](dlv|dli|ato)\b/i.exec(slmgr[1] ?? '')?.[1]?.toLowerCase();
    if (option === 'ato') return hit('ato', text);
    if (option) return hit('slmgr', text, `slmgr-${option}`);
    return null;
  }
  if (/^nslookup(?:\.exe)?(?:\s|$)/i.test(text)) return hit('nslookup', text);
  if (/^(?:Test-NetConnection|tnc)(?:\s|$)/i.test(text)) return hit('tnc', text);
  if (/^Resolve-DnsName(?:\s|$)/i.test(text)) return hit('dns', text);
  if (/^w32tm(?:\.exe)?\s/i.test(text)) {
    if (/[-/]stripchart\b/i.test(text)) return hit('stripchart', text);
    if (/[-/]query\b/i.test(text) && /[-/]status\b/i.test(text)) return hit('w32tm-status', text);
    return null;
  }
  if (
    /^(?:Get-CimInstance|Get-WmiObject|gcim|gwmi)\s/i.test(text) &&
    /SoftwareLicensing(?:Product|Service)\b/i.test(text)
  ) {
    return hit('cim', text);
  }
  return null;
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
