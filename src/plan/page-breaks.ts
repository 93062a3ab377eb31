// Page breaks for a printed report: blocks of rows (a table with its caption, or the last table with the signature
// line) that must stay whole on a page, put on A4 pages greedily; a block taller than a page runs over as it must.

/** A4 portrait at 100%: 734 points between the default margins, 15-point rows; kept short of that, since a title or a
 * wrapped header row is taller than one line (such rows count double). */
export const PAGE_UNITS = 44;

export interface RowBlock {
  /** 1-based, inclusive. */
  readonly first: number;
  readonly last: number;
}

/**
 * The rows after which a new page starts, so no block is cut and none starts at a page foot: a block that does not
 * fit in what is left of the page starts the next page. `tall(row)` says which rows count double.
 */
export function pageBreaks(blocks: readonly RowBlock[], tall: (row: number) => boolean, units = PAGE_UNITS): number[] {
  const weight = (a: number, b: number): number => {
    let n = 0;
    for (let r = a; r <= b; r++) n += tall(r) ? 2 : 1;
    return n;
  };
  const breaks: number[] = [];
  let pageStart = 1;
  for (const block of blocks) {
    if (weight(pageStart, block.last) <= units) continue;
    if (block.first > pageStart) {
      breaks.push(block.first - 1);
      pageStart = block.first;
    }
    // A block taller than a page: the pages it runs over break where they fill.
    while (weight(pageStart, block.last) > units) {
      let r = pageStart;
      let used = 0;
      while (used + (tall(r) ? 2 : 1) <= units) used += tall(r++) ? 2 : 1;
      pageStart = r;
    }
  }
  return breaks;
}
