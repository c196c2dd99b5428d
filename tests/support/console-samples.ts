/**
 * The console output samples in tests/fixtures/console/<kind>/: real output (its `# source:` names where it
 * was printed) and constructed variations (`# source: constructed …`), each beside its golden .json.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The folder of the samples, one subfolder per output kind. */
export const SAMPLES = new URL('../fixtures/console/', import.meta.url);

/** One sample: its kind folder, file name and paths. */
export interface Sample {
  kind: string;
  name: string;
  /** The .txt file. */
  url: URL;
  /** The golden .json beside it. */
  golden: URL;
}

/** Every sample, by kind folder then file name. */
export function samples(): Sample[] {
  return readdirSync(SAMPLES, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .flatMap((kind) =>
      readdirSync(new URL(`${kind}/`, SAMPLES))
        .filter((f) => f.endsWith('.txt'))
        .sort()
        .map((name) => ({
          kind,
          name,
          url: new URL(`${kind}/${name}`, SAMPLES),
          golden: new URL(`${kind}/${name.replace(/\.txt$/, '.json')}`, SAMPLES),
        })),
    );
}

/** The sample of this file name, in whichever kind folder it is; throws when there is none. */
export function sample(name: string): Sample {
  const found = samples().find((s) => s.name === name);
  if (!found) throw new Error(`no console sample ${name} in ${fileURLToPath(SAMPLES)}`);
  return found;
}

/** A sample's two header lines (`# source:`, `# what:`) and the output after them. */
export function parts(file: URL): { source: string; what: string; output: string } {
  const [source = '', what = '', ...rest] = readFileSync(file, 'utf8').split('\n');
  return { source, what, output: rest.join('\n') };
}

/** The output of the sample of this file name, without its header lines. */
export function sampleText(name: string): string {
  return parts(sample(name).url).output;
}
