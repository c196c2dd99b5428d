/**
 * Lays a command out in its box so that every character shows without scrolling sideways: the type size,
 * the humps a too-wide unit is cut at, and the continuation mark on each piece that starts a new line
 * inside a token. Reads the layout the browser made; changes only classes and the font size.
 */

const widest = (els: readonly Element[]) => Math.max(0, ...els.map((el) => el.getBoundingClientRect().width));

/**
 * The size in px, in quarter pixels, at which a unit `width` wide fits the line, both measured at `size`
 * in a box `box` wide: the text and the gutters (in ch) both grow with the type.
 */
const scaled = (size: number, width: number, room: number, box: number) =>
  Math.floor(((size * box) / (width + box - room)) * 4) / 4;

/**
 * Fits a command's type, from `max` down to `min` (the box's own CSS size), to its widest unit; a unit wider than the line even at
 * `min` is cut at its humps, and only a piece that still overflows (a long switch) takes the type below
 * `min`, down to `floor`. Then marks where a token goes on.
 */
export function fitCommand(
  pre: HTMLElement,
  { max, min, floor }: { max: number; min: number; floor: number },
) {
  for (const el of pre.querySelectorAll('.split, .cont')) el.classList.remove('split', 'cont');
  // The line's width, read again at each size: the gutters are in ch, so they change with the type.
  const room = () => {
    const style = getComputedStyle(pre);
    return pre.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 1;
  };
  let size = max;
  // At `min`, the box's own CSS size, the inline size is left empty: a write the layout does not need would
  // make the next read (the step taking focus, say) lay the page out again.
  const set = (px: number) => {
    size = px;
    const value = px === min ? '' : `${px}px`;
    if (pre.style.fontSize !== value) pre.style.fontSize = value;
  };
  /** Shrinks the type, down to `lo`, until the widest of `els` fits the line. */
  const shrink = (els: readonly Element[], lo: number) => {
    for (let i = 0; i < 3; i++) {
      const [wide, r] = [widest(els), room()];
      if (wide <= r || size <= lo || r <= 0) return;
      set(Math.max(lo, scaled(size, wide, r, pre.clientWidth - 1)));
    }
    // Width is not quite linear in the size (rounding): step down while the widest still overflows.
    while (size > lo && widest(els) > room()) set(Math.max(lo, size - 0.5));
  };
  set(max);
  const units = [...pre.querySelectorAll('.u')];
  shrink(units, min);
  const r = room();
  // Only a unit with humps is split: one without (a switch) keeps whole and takes a smaller type instead.
  // Every width is read before any class changes: a read after a write would lay the box out again, once
  // per unit (a unit's own width does not depend on another's split).
  const wide = units.filter((u) => u.querySelector('.s') && u.getBoundingClientRect().width > r);
  for (const u of wide) u.classList.add('split');
  shrink(
    units.flatMap((u) => (u.classList.contains('split') ? [...u.querySelectorAll('.s')] : [u])),
    floor,
  );
  markContinuations(pre);
}

/**
 * Gives `.cont` to each piece that the line broke before where the command has no space (inside a token,
 * or where a token goes on from a placeholder): the reader types on without a space.
 */
function markContinuations(pre: HTMLElement) {
  let last: DOMRect | undefined;
  // The mark sits in the gutter (absolutely placed): it moves nothing, so every piece is measured first and
  // marked after, in one layout rather than one per mark.
  const marked: Element[] = [];
  for (const el of pre.querySelectorAll('.u:not(.split), .u.split > .s')) {
    const rects = el.getClientRects();
    const first = rects[0];
    if (!first) continue;
    const unit = el.classList.contains('s') ? el.parentElement! : el;
    // After a <wbr> in its token or unit, or first in a token that goes on from a placeholder.
    const joined =
      el.previousElementSibling !== null ||
      unit.previousElementSibling !== null ||
      unit.parentElement!.classList.contains('glue');
    if (joined && last && first.top > last.top + first.height / 2) marked.push(el);
    last = rects[rects.length - 1];
  }
  for (const el of marked) el.classList.add('cont');
}
