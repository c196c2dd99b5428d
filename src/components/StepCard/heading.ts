/**
 * A step's text split for a phone screen: a short heading (the question, or the first instruction) and the
 * sentences around it, in their order, so the whole text still reads as written.
 */

/** A step text as shown: what comes before the heading, the heading, and what follows it. */
export interface SplitText {
  before?: string;
  heading: string;
  after?: string;
}

// Short enough to read at a glance as a heading on a 320 px screen.
const SHORT = 110;
// A sentence ends at . ? ! or … and the next begins with a capital letter, a digit, a quote or a bracket.
const SENTENCE_END = /(?<=[.?!…])\s+(?=[\p{Lu}\d«"“(])/u;

/** Splits a step text: a question sentence at the end becomes the heading; otherwise the first sentence does. */
export function splitStepText(text: string): SplitText {
  const trimmed = text.trim();
  if (trimmed.length <= SHORT) return { heading: trimmed };
  const sentences = trimmed.split(SENTENCE_END);
  if (sentences.length < 2) return { heading: trimmed };
  const last = sentences[sentences.length - 1]!;
  if (/[?？]$/.test(last)) return { before: sentences.slice(0, -1).join(' '), heading: last };
  return { heading: sentences[0]!, after: sentences.slice(1).join(' ') };
}
