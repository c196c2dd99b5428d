/**
 * PowerShell syntax of flow commands, read with a real grammar: tree-sitter's PowerShell grammar
 * (tree-sitter-powershell) run by web-tree-sitter. For the flow checker only, at build time and in
 * the CLI: the app never imports it, so neither the runtime nor the grammar ships in the bundle.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { setFlagsFromString } from 'node:v8';
import { Language, Parser } from 'web-tree-sitter';
import type { Node } from 'web-tree-sitter';
import { PLACEHOLDER } from '../flow/facts.ts';

const require = createRequire(import.meta.url);

// V8's optimizing tier spent some 8 s of CPU on the 1 MB grammar, and the process waited for it before
// exiting; the baseline tier alone is more than fast enough for a few hundred one-line commands.
setFlagsFromString('--liftoff-only');
// Loaded once, when the module is first imported: every later parse is synchronous and fast.
await Parser.init();
const parser = new Parser();
parser.setLanguage(
  await Language.load(readFileSync(require.resolve('tree-sitter-powershell/tree-sitter-powershell.wasm'))),
);

/**
 * Rewrites that stand in for valid PowerShell the grammar does not know. Each keeps the length of
 * what it replaces, so a column in a message is a column of the command as written, and none changes
 * a quote, brace or parenthesis as PowerShell reads it, so an unbalanced one is still found.
 */
const STAND_INS: ReadonlyArray<[RegExp, (m: string) => string]> = [
  // `<…>` placeholders: `<` is an operator in PowerShell. A bareword of letters is valid wherever the
  // technician types the value: as an argument, after `name:`, and inside single or double quotes
  // (a quoted stand-in would end a string that the placeholder sits in).
  [PLACEHOLDER, (m) => 'x'.repeat(m.length)],
  // A variable followed by path text in one argument ($env:windir\system32\slmgr.vbs): the grammar
  // takes only a bareword path there.
  [/\$(?:\w+:)?\w+(?=[\\/])/g, (m) => 'x'.repeat(m.length)],
  // A list of barewords as one argument (Format-List Name, Status, @{…}): the grammar takes lists of
  // numbers or strings only; positional words parse the same.
  [/(?<=(?:^|[\s,])[A-Za-z_][\w.-]*)\s*,\s*(?=[A-Za-z_@])/g, (m) => ' '.repeat(m.length)],
  // PowerShell reads typographic quotes, as pasted from a document, as plain ones; the grammar does not,
  // and would let an unclosed one through.
  [/[\u201C\u201D\u201E]/g, () => '"'],
  [/[\u2018\u2019\u201A\u201B]/g, () => "'"],
];

/** The first syntax error of a PowerShell command, as a message, or undefined when it parses. */
export function powerShellSyntaxError(command: string): string | undefined {
  let source = command;
  for (const [pattern, standIn] of STAND_INS) source = source.replace(pattern, standIn);
  const tree = parser.parse(source);
  if (!tree) return 'the PowerShell parser gave no result';
  try {
    const bad = firstError(tree.rootNode);
    if (!bad) return undefined;
    const unclosed = unbalanced(source, command);
    if (unclosed) return `PowerShell syntax error: ${unclosed}`;
    const column = bad.startIndex + 1;
    if (bad.isMissing) return `PowerShell syntax error at column ${column}: missing ${missingText(bad)}`;
    return `PowerShell syntax error at column ${column}: cannot parse ${excerpt(command.slice(bad.startIndex, bad.endIndex))}`;
  } finally {
    tree.delete();
  }
}

/** The first ERROR or MISSING node in document order (the innermost where they nest). */
function firstError(node: Node): Node | undefined {
  if (node.isMissing) return node;
  if (!node.hasError) return undefined;
  for (const child of node.children) {
    const found = child && firstError(child);
    if (found) return found;
  }
  return node.isError ? node : undefined;
}

const CLOSERS: Readonly<Record<string, string>> = { '(': ')', '{': '}', '[': ']' };

/**
 * The quote, brace, bracket or parenthesis left open or closed twice, said plainly: the grammar's
 * recovery often spans the whole command, which says nothing of where the mistake is. Only asked once
 * the parser has failed, so it decides nothing itself.
 */
function unbalanced(source: string, command: string): string | undefined {
  // `source` is the command with its stand-ins, so typographic quotes count as quotes.
  const open: Array<{ char: string; at: number }> = [];
  let quote: { char: string; at: number } | undefined;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (quote) {
      if (c === '`' && quote.char === '"') i++;
      else if (c === quote.char) {
        // A doubled quote stands for one inside the string.
        if (source[i + 1] === c) i++;
        else quote = undefined;
      }
    } else if (c === '`') i++;
    else if (c === '"' || c === "'") quote = { char: c, at: i };
    else if (c in CLOSERS) open.push({ char: c, at: i });
    else if (c === ')' || c === '}' || c === ']') {
      const last = open.pop();
      if (!last) return `"${c}" at column ${i + 1} closes nothing`;
      if (CLOSERS[last.char] !== c)
        return `"${c}" at column ${i + 1} does not close "${last.char}" at column ${last.at + 1}`;
    }
  }
  // Columns and characters are the command's as written: the stand-ins keep every length.
  if (quote) return `the ${command[quote.at]} quote at column ${quote.at + 1} is never closed`;
  const last = open.pop();
  return last && `"${last.char}" at column ${last.at + 1} is never closed`;
}

function missingText(node: Node): string {
  // A missing token has its own text (`)`, `}`); a missing rule only its name, if that.
  return node.type ? `"${node.type}"` : 'a token';
}

function excerpt(text: string): string {
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 39)}…` : text);
}
