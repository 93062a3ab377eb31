import { pageBreaks } from "../../src/plan/page-breaks";

const none = () => false;

describe("pageBreaks: blocks stay whole, a block that does not fit starts the next page", () => {
  it.each([
    { label: "all on one page", blocks: [[3, 10], [12, 20]], units: 44, want: [] },
    { label: "the second block would cross the foot: it starts page 2", blocks: [[3, 30], [32, 50]], units: 44, want: [31] },
    { label: "four blocks on two pages", blocks: [[1, 20], [22, 40], [42, 60], [62, 80]], units: 44, want: [41] },
    { label: "a block exactly filling the page stays", blocks: [[1, 44], [46, 50]], units: 44, want: [45] },
    { label: "a block taller than a page runs over; the next block goes by where it ended", blocks: [[1, 10], [12, 100], [102, 110]], units: 44, want: [11] },
  ])("$label", ({ blocks, units, want }) => {
    expect(pageBreaks(blocks.map(([first, last]) => ({ first, last })), none, units)).toEqual(want);
  });

  it("tall rows count double", () => {
    const blocks = [{ first: 1, last: 20 }, { first: 22, last: 40 }];
    expect(pageBreaks(blocks, none, 44)).toEqual([]);
    expect(pageBreaks(blocks, (r) => r % 4 === 0, 44)).toEqual([21]);
  });
});
