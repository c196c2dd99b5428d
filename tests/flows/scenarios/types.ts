/** A real-world case a flow must handle: the situation, the answers a technician gives, and where it must end. */
import type { Answer } from '../../../src/flow/engine.ts';

export interface Scenario {
  /** A short name, unique across all scenarios. */
  name: string;
  /** The situation in a sentence, as the technician meets it. */
  situation: string;
  /** Where the session starts: an error code (through the catalog, as the code page's Start does) or a flow. */
  start: { code: string } | { flow: string; node?: string };
  /** The answers given, in order: 'yes', 'no', a choice value, a number, 'fixed' or 'failing'. */
  answers: Answer[];
  /** The step the answers must lead to, as "flow/node". */
  ends: string;
  /** Steps the path must pass through on the way, as "flow/node" (the checks the case is about). */
  passes?: string[];
}
