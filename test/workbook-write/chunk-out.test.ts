// ChunkOut: the content is the bytes given, in order; long runs of the input and the leading ones stay views of it
// (deflate-splice keeps the compressed start only behind views); short runs and edits are gathered, not one each.
import { ChunkOut } from "../../src/workbook/xlsx-write/chunk-out";

const concat = (chunks: Uint8Array[]): number[] => {
  const out: number[] = [];
  for (const c of chunks) for (const x of c) out.push(x);
  return out;
};

describe("ChunkOut", () => {
  const input = Uint8Array.from({ length: 300_000 }, (_, i) => (i * 7) % 251);

  it("gives the bytes in order: views, copies and UTF-8 text", () => {
    const out = new ChunkOut();
    const expected: number[] = [];
    const view = (a: number, e: number): void => {
      out.view(input.subarray(a, e));
      for (const x of input.subarray(a, e)) expected.push(x);
    };
    view(0, 100);
    view(100, 200);
    out.text("名a<");
    expected.push(...new TextEncoder().encode("名a<"));
    for (let i = 0; i < 2000; i++) {
      view(200 + i * 50, 200 + i * 50 + 40);
      out.copy(Uint8Array.of(1, 2, 3));
      expected.push(1, 2, 3);
    }
    view(200_000, 300_000);
    out.text("x".repeat(400_000));
    for (let i = 0; i < 400_000; i++) expected.push(120);
    const chunks = out.finish();
    expect(concat(chunks)).toEqual(expected);
    // the two leading runs are views of the input, the long last run too; the 4,000 small pieces are a few chunks
    expect(chunks[0].buffer).toBe(input.buffer);
    expect(chunks[1].buffer).toBe(input.buffer);
    expect(chunks.some((c) => c.buffer === input.buffer && c.byteOffset === 200_000 && c.length === 100_000)).toBe(true);
    expect(chunks.length).toBeLessThan(10);
  });

  it("gives nothing for nothing", () => {
    const out = new ChunkOut();
    out.view(input.subarray(0, 0));
    out.text("");
    expect(out.finish()).toEqual([]);
  });
});
