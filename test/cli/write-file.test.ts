// Outputs: every file or none, the previous outputs kept until all new ones are in place, temporary files cleaned
// (also those of killed runs, on the next run), only regular files written, the previous output's mode kept.
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { backupName, journalName, recoverStale, tempName, writeJournal } from "../../src/cli/output-recovery";
import { TempOutput, writeFilesAtomic } from "../../src/cli/write-file";

// renameSync wrapped so one test can make the second rename fail (everything else is the real file system).
jest.mock("node:fs", () => {
  const real = jest.requireActual("node:fs");
  return { ...real, renameSync: jest.fn(real.renameSync) };
});

const ROOT = join(__dirname, "../..");
const EXAMPLE = join(ROOT, "examples/铁西街党员花名册.xlsx");
let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(join(tmpdir(), "roster-write-"));
});
const at = (name: string) => join(dir, name);
const read = (name: string) => fs.readFileSync(at(name), "utf8");
const leftovers = () => fs.readdirSync(dir).filter((n) => n.startsWith("."));

describe("writeFilesAtomic", () => {
  it("writes both files, keeps the previous mode, leaves no temporary file", () => {
    fs.writeFileSync(at("out.xlsx"), "old", { mode: 0o600 });
    fs.chmodSync(at("out.xlsx"), 0o600);
    writeFilesAtomic([{ path: at("out.xlsx"), data: "new" }, { path: at("r.json"), data: "{}" }]);
    expect([read("out.xlsx"), read("r.json")]).toEqual(["new", "{}"]);
    expect(fs.statSync(at("out.xlsx")).mode & 0o777).toBe(0o600);
    expect(fs.statSync(at("r.json")).mode & 0o777).toBe(0o666 & ~process.umask());
    expect(leftovers()).toEqual([]);
  });

  it("follows a symbolic link: the file it names is replaced and the link kept", () => {
    fs.writeFileSync(at("real.json"), "old");
    fs.symlinkSync("real.json", at("link.json"));
    writeFilesAtomic([{ path: at("link.json"), data: "new" }]);
    expect(fs.lstatSync(at("link.json")).isSymbolicLink()).toBe(true);
    expect(read("real.json")).toBe("new");
  });

  it.each<[string, () => string, RegExp]>([
    ["a device", () => "/dev/null", /\/dev\/null: is a device, not a file; give a file name$/],
    ["a FIFO", () => (execFileSync("mkfifo", [at("p")]), at("p")), /p: is a pipe \(FIFO\), not a file; give a file name$/],
    ["a folder", () => dir, /: is a folder; give a file name$/],
    ["a link to nowhere", () => (fs.symlinkSync("missing", at("dangling")), at("dangling")), /dangling: is a symbolic link to a file that does not exist/],
  ])("refuses %s, writing nothing", (_what, path, message) => {
    fs.writeFileSync(at("out.xlsx"), "old");
    expect(() => writeFilesAtomic([{ path: at("out.xlsx"), data: "new" }, { path: path(), data: "x" }])).toThrow(message);
    expect(read("out.xlsx")).toBe("old");
    expect(leftovers()).toEqual([]);
  });

  it("a second rename that fails puts the first output back: the previous pair stays whole", () => {
    fs.writeFileSync(at("out.xlsx"), "old out");
    fs.writeFileSync(at("r.json"), "old report");
    const real = jest.requireActual("node:fs").renameSync;
    (fs.renameSync as unknown as jest.Mock)
      .mockImplementationOnce((a, b) => real(a, b))
      .mockImplementationOnce(() => {
        throw Object.assign(new Error("EIO: i/o error"), { code: "EIO" });
      });
    expect(() => writeFilesAtomic([{ path: at("out.xlsx"), data: "new out" }, { path: at("r.json"), data: "new report" }]))
      .toThrow(/r\.json: cannot write \(EIO: i\/o error\)/);
    expect([read("out.xlsx"), read("r.json")]).toEqual(["old out", "old report"]);
    expect(leftovers()).toEqual([]);
  });
});

describe("TempOutput: a workbook written as it is made, beside its output, put in place with the others", () => {
  const made = (path: string): TempOutput => {
    const t = new TempOutput(path);
    t.write(Buffer.from("hexxo"));
    t.writeAt(2, Buffer.from("ll")); // a header filled in once known
    t.write(Buffer.from(" world"));
    return t;
  };

  it("is put in place with the report: the bytes as written over, the previous mode, no temporary file", () => {
    fs.writeFileSync(at("out.xlsx"), "old", { mode: 0o640 });
    fs.chmodSync(at("out.xlsx"), 0o640);
    const t = made(at("out.xlsx"));
    expect(read("out.xlsx")).toBe("old"); // the output is not touched while written
    writeFilesAtomic([{ path: at("out.xlsx"), data: t }, { path: at("r.json"), data: "{}" }]);
    expect([read("out.xlsx"), read("r.json")]).toEqual(["hello world", "{}"]);
    expect(fs.statSync(at("out.xlsx")).mode & 0o777).toBe(0o640);
    expect(leftovers()).toEqual([]);
  });

  it("refused with the other output: the previous output whole, the temporary file removed", () => {
    fs.writeFileSync(at("out.xlsx"), "old");
    expect(() => writeFilesAtomic([{ path: at("out.xlsx"), data: made(at("out.xlsx")) }, { path: dir, data: "x" }])).toThrow(/is a folder/);
    expect(read("out.xlsx")).toBe("old");
    expect(leftovers()).toEqual([]);
  });

  it("discarded (the check failed): nothing left", () => {
    made(at("out.xlsx")).discard();
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});

describe("recoverStale: what a run killed while writing left behind", () => {
  const DEAD = 2 ** 22 + 12345; // above the default pid_max: no such process
  it("killed after the first rename: the journal restores the previous output and removes the new one it created", () => {
    fs.writeFileSync(at("out.xlsx"), "new out"); // renamed into place by the killed run
    fs.writeFileSync(backupName(at("out.xlsx"), DEAD), "old out");
    fs.writeFileSync(tempName(at("r.json"), DEAD), "new report"); // not renamed yet
    writeJournal(journalName(dir, DEAD), [
      { target: at("out.xlsx"), temp: tempName(at("out.xlsx"), DEAD), backup: backupName(at("out.xlsx"), DEAD) },
      { target: at("r.json"), temp: tempName(at("r.json"), DEAD), backup: null },
    ]);
    expect(recoverStale([at("out.xlsx")])).toBeGreaterThan(0);
    expect(read("out.xlsx")).toBe("old out");
    expect(fs.existsSync(at("r.json"))).toBe(false);
    expect(leftovers()).toEqual([]);
  });

  it("killed before the journal or after it was removed: leftovers are removed, outputs untouched", () => {
    fs.writeFileSync(at("out.xlsx"), "out");
    fs.writeFileSync(tempName(at("out.xlsx"), DEAD), "partial");
    fs.writeFileSync(backupName(at("out.xlsx"), DEAD), "out");
    fs.writeFileSync(at(`.out.xlsx.${DEAD}.tmp`), "an earlier version's temporary file");
    fs.writeFileSync(at(`.other.${DEAD}.tmp`), "not ours: another name");
    recoverStale([at("out.xlsx")]);
    expect(read("out.xlsx")).toBe("out");
    expect(leftovers()).toEqual([`.other.${DEAD}.tmp`]);
  });

  it("leaves the files of a run still going", () => {
    fs.writeFileSync(tempName(at("out.xlsx"), process.ppid), "being written");
    recoverStale([at("out.xlsx")]);
    expect(leftovers()).toHaveLength(1);
  });
});

describe("kill -9 at random points", () => {
  beforeAll(() => {
    execFileSync(process.execPath, [join(ROOT, "node_modules/typescript/bin/tsc"), "-b", "tsconfig.build.json"], { cwd: ROOT });
  }, 120_000);
  const hash = (p: string) => createHash("sha256").update(fs.readFileSync(p)).digest("hex");
  const args = (asOf: string) => [join(ROOT, "bin/roster.js"), "check", at("in.xlsx"), "--out", at("out.xlsx"), "--report", at("r.json"), "--as-of", asOf, "-q"];

  it("leaves the input and the previous outputs whole, and no temporary file after the next run", async () => {
    fs.copyFileSync(EXAMPLE, at("in.xlsx"));
    const input = hash(at("in.xlsx"));
    expect(spawnSync(process.execPath, args("2024-12-31")).status).toBe(0);
    const old = { out: hash(at("out.xlsx")), report: hash(at("r.json")) };
    let seed = 7;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n);
    const outcomes = { killed: 0, finished: 0 };
    for (let k = 0; k < 12; k++) {
      const child = spawn(process.execPath, args("2025-12-31"), { stdio: "ignore" });
      const delay = 100 + rnd(1500);
      const code = await new Promise<number | null>((done) => {
        const timer = setTimeout(() => child.kill("SIGKILL"), delay);
        child.on("exit", (c) => {
          clearTimeout(timer);
          done(c);
        });
      });
      outcomes[code === 0 ? "finished" : "killed"]++;
      expect(hash(at("in.xlsx"))).toBe(input);
      // Each output is always a whole file: the old one or the new one, never a part.
      recoverStale([at("out.xlsx"), at("r.json")]);
      const now = { out: hash(at("out.xlsx")), report: hash(at("r.json")) };
      expect(now.out === old.out).toBe(now.report === old.report); // both old or both new
      expect(leftovers()).toEqual([]);
      // Back to the previous pair for the next round.
      expect(spawnSync(process.execPath, args("2024-12-31")).status).toBe(0);
      expect(leftovers()).toEqual([]);
    }
    expect(outcomes.killed + outcomes.finished).toBe(12);
  }, 180_000);
});
