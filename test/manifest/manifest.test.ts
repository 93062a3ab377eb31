// The add-in manifest (manifest.xml), its icons (assets/, from scripts/make-icons.ts), the per-host build
// (scripts/build-manifest.ts) and the offline XSD check (scripts/validate-manifest.sh). No network.
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inflateSync } from "node:zlib";
import { buildManifest, checkBaseUrl, DEV_BASE_URL } from "../../scripts/build-manifest";
import { ICON_SIZES, iconFileName, makeIcons } from "../../scripts/make-icons";
import { SHARED } from "../helpers/shared";
import { at, childrenNamed, descendants, local, ns, only, parseXml, pathOf, XmlElement } from "./mini-xml";

const ROOT = join(__dirname, "../..");
const MANIFEST = join(ROOT, "manifest.xml");
const ASSETS = join(ROOT, "assets");
const VALIDATE = join(ROOT, "scripts/validate-manifest.sh");
const BUILD = join(ROOT, "scripts/build-manifest.ts");

const NS = {
  app: "http://schemas.microsoft.com/office/appforoffice/1.1",
  bt: "http://schemas.microsoft.com/office/officeappbasictypes/1.0",
  ov: "http://schemas.microsoft.com/office/taskpaneappversionoverrides",
  xsi: "http://www.w3.org/2001/XMLSchema-instance",
};
const LOCALES = ["en-US", "zh-TW"]; // besides the default zh-CN
const INTRANET = "https://intranet.example/roster/";

const xml = readFileSync(MANIFEST, "utf8");
const doc = parseXml(xml);
const vo = only(doc, "VersionOverrides");
const resources = at(vo, "Resources");
const dff = at(vo, "Hosts", "Host", "DesktopFormFactor");

type Kind = "image" | "url" | "short" | "long";
const KIND_OF_COLLECTION: Record<string, [Kind, string]> = {
  "bt:Images": ["image", "bt:Image"],
  "bt:Urls": ["url", "bt:Url"],
  "bt:ShortStrings": ["short", "bt:String"],
  "bt:LongStrings": ["long", "bt:String"],
};

/** Every resource defined in VersionOverrides/Resources, with its kind. */
function definitions(): { id: string; kind: Kind; el: XmlElement }[] {
  return resources.children.flatMap((coll) => {
    const k = KIND_OF_COLLECTION[coll.name];
    if (!k) throw new Error(`unexpected <${coll.name}> in Resources`);
    return coll.children.map((el) => {
      if (el.name !== k[1]) throw new Error(`unexpected <${el.name}> in <${coll.name}>`);
      return { id: el.attrs.id, kind: k[0], el };
    });
  });
}

/** The kind of resource a resid-carrying element must point at. */
function kindOfReference(el: XmlElement): Kind {
  const name = local(el.name);
  if (name === "Image") return "image";
  if (name === "Label" || name === "Title") return "short";
  if (name === "Description") return "long";
  if (name === "SourceLocation" || name === "FunctionFile" || name === "LearnMoreUrl") return "url";
  throw new Error(`${pathOf(el)} carries resid= but is not a known reference element`);
}

const references = () => descendants(doc).filter((el) => "resid" in el.attrs);

function resource(id: string): XmlElement {
  const found = definitions().filter((d) => d.id === id);
  if (found.length !== 1) throw new Error(`resource ${id} is defined ${found.length} times`);
  return found[0].el;
}

/** DefaultValue and each Override of a locale-aware setting, by locale (default = zh-CN). */
function localised(el: XmlElement): Record<string, string> {
  const out: Record<string, string> = { "zh-CN": el.attrs.DefaultValue };
  for (const o of el.children) {
    if (local(o.name) !== "Override") throw new Error(`unexpected <${o.name}> in ${pathOf(el)}`);
    if (o.attrs.Locale in out) throw new Error(`${pathOf(el)}: locale ${o.attrs.Locale} given twice`);
    out[o.attrs.Locale] = o.attrs.Value;
  }
  return out;
}

// Characters that exist only in simplified Chinese, among those our strings use: none may show in zh-TW text.
const SIMPLIFIED_ONLY = /[册检汇总标问题写报结开选项击务单并显进时发处数据机党员鲜简这库复动关]/;
const CJK = /[\u4e00-\u9fff]/;

function checkTranslations(label: string, values: Record<string, string>, maxLength: number): void {
  expect(Object.keys(values).sort()).toEqual(["en-US", "zh-CN", "zh-TW"]);
  for (const [loc, v] of Object.entries(values)) {
    expect({ label, loc, ok: typeof v === "string" && v.trim().length > 0 && v.length <= maxLength }).toEqual({ label, loc, ok: true });
  }
  expect({ label, zhCN: CJK.test(values["zh-CN"]) }).toEqual({ label, zhCN: true });
  expect({ label, zhTW: CJK.test(values["zh-TW"]), simplifiedInTW: values["zh-TW"].match(SIMPLIFIED_ONLY)?.[0] ?? null }).toEqual({
    label,
    zhTW: true,
    simplifiedInTW: null,
  });
  expect({ label, enUS: CJK.test(values["en-US"]) }).toEqual({ label, enUS: false });
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a");
  expect(bytes.subarray(12, 16).toString("latin1")).toBe("IHDR");
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** The asset file a manifest URL points at (the URL must be base + assets/...). */
function assetOf(url: string): string {
  expect(url.startsWith(DEV_BASE_URL + "assets/")).toBe(true);
  return join(ROOT, url.slice(DEV_BASE_URL.length));
}

describe("manifest.xml: the add-in", () => {
  it("is an OfficeApp 1.1 task pane add-in for Excel, zh-CN by default, reading and writing the workbook", () => {
    expect(doc.name).toBe("OfficeApp");
    expect(ns(doc)).toBe(NS.app);
    expect(ns(doc, "xsi:type")).toBe(NS.xsi);
    expect(ns(doc, "bt:x")).toBe(NS.bt);
    expect(doc.attrs["xsi:type"]).toBe("TaskPaneApp");
    expect(only(doc, "Id").text).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(only(doc, "Version").text).toBe("1.0.0.0");
    expect(only(doc, "ProviderName").text.trim()).not.toBe("");
    expect(only(doc, "DefaultLocale").text).toBe("zh-CN");
    expect(childrenNamed(at(doc, "Hosts"), "Host").map((h) => h.attrs.Name)).toEqual(["Workbook"]);
    expect(only(doc, "Permissions").text).toBe("ReadWriteDocument");
    expect(at(doc, "DefaultSettings", "SourceLocation").attrs.DefaultValue).toBe(DEV_BASE_URL + "taskpane.html");
    expect(childrenNamed(doc, "AppDomains")).toEqual([]);
    expect(only(doc, "SupportUrl").attrs.DefaultValue.startsWith(DEV_BASE_URL)).toBe(true);
  });

  it("names and describes itself in zh-CN, zh-TW and en-US", () => {
    const name = localised(only(doc, "DisplayName"));
    expect(name).toEqual({ "zh-CN": "名册助手", "zh-TW": "名冊助手", "en-US": "Roster Assistant" });
    checkTranslations("DisplayName", name, 125);
    checkTranslations("Description", localised(only(doc, "Description")), 250);
  });

  it("requires ExcelApi 1.9 at the top level and in VersionOverrides", () => {
    const top = childrenNamed(at(doc, "Requirements", "Sets"), "Set").map((s) => [s.attrs.Name, s.attrs.MinVersion]);
    expect(top).toContainEqual(["ExcelApi", "1.9"]);
    const req = at(vo, "Requirements", "bt:Sets");
    expect(ns(req)).toBe(NS.bt);
    expect(childrenNamed(req, "bt:Set").map((s) => [s.attrs.Name, s.attrs.MinVersion])).toContainEqual(["ExcelApi", "1.9"]);
  });

  it("declares its commands in a VersionOverridesV1_0 for the Workbook host's desktop form factor", () => {
    expect(ns(vo)).toBe(NS.ov);
    expect(vo.attrs["xsi:type"]).toBe("VersionOverridesV1_0");
    const hosts = childrenNamed(at(vo, "Hosts"), "Host");
    expect(hosts.map((h) => h.attrs["xsi:type"])).toEqual(["Workbook"]);
    const gs = at(dff, "GetStarted");
    expect(gs.children.map((c) => c.name)).toEqual(["Title", "Description", "LearnMoreUrl"]);
    expect(resource(only(dff, "FunctionFile").attrs.resid).attrs.DefaultValue).toBe(DEV_BASE_URL + "commands.html");
    const ep = only(dff, "ExtensionPoint");
    expect(ep.attrs["xsi:type"]).toBe("PrimaryCommandSurface");
    expect(only(ep, "OfficeTab").attrs.id).toBe("TabHome");
  });
});

describe("manifest.xml: the ribbon group and its two buttons", () => {
  const group = at(dff, "ExtensionPoint", "OfficeTab", "Group");
  const controls = childrenNamed(group, "Control");
  const label = (el: XmlElement) => localised(resource(only(el, "Label").attrs.resid));
  const byAction = (type: string) => {
    const found = controls.filter((c) => only(c, "Action").attrs["xsi:type"] === type);
    expect(found).toHaveLength(1);
    return found[0];
  };

  it("one group, labelled 名册助手, holding two buttons with distinct ids", () => {
    expect(childrenNamed(at(dff, "ExtensionPoint", "OfficeTab"), "Group")).toHaveLength(1);
    expect(label(group)["zh-CN"]).toBe("名册助手");
    expect(controls.map((c) => c.attrs["xsi:type"])).toEqual(["Button", "Button"]);
    const ids = [group.attrs.id, ...controls.map((c) => c.attrs.id)];
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("检查名册 runs checkRoster (ExecuteFunction, no task pane)", () => {
    const b = byAction("ExecuteFunction");
    expect(label(b)).toEqual({ "zh-CN": "检查名册", "zh-TW": "檢查名冊", "en-US": "Check roster" });
    const action = only(b, "Action");
    expect(action.children.map((c) => c.name)).toEqual(["FunctionName"]);
    expect(only(action, "FunctionName").text).toBe("checkRoster");
  });

  it("名册助手 opens the task pane RosterAssistantPane at taskpane.html (ShowTaskpane)", () => {
    const b = byAction("ShowTaskpane");
    expect(label(b)).toEqual({ "zh-CN": "名册助手", "zh-TW": "名冊助手", "en-US": "Roster Assistant" });
    const action = only(b, "Action");
    expect(only(action, "TaskpaneId").text).toBe("RosterAssistantPane");
    expect(resource(only(action, "SourceLocation").attrs.resid).attrs.DefaultValue).toBe(DEV_BASE_URL + "taskpane.html");
  });

  it("each button has a supertip (title + description) and icons of 16, 32 and 80 px; so has the group", () => {
    for (const c of controls) {
      const tip = only(c, "Supertip");
      expect(tip.children.map((t) => t.name)).toEqual(["Title", "Description"]);
    }
    for (const el of [group, ...controls]) {
      const sizes = childrenNamed(only(el, "Icon"), "bt:Image").map((i) => i.attrs.size);
      expect(sizes).toEqual(["16", "32", "80"]);
    }
  });
});

describe("manifest.xml: resources", () => {
  it("every resid used is defined exactly once, with the right kind, and every resource is used", () => {
    const defs = definitions();
    const refs = references();
    expect(refs.length).toBeGreaterThan(10);
    const problems: string[] = [];
    for (const r of refs) {
      const found = defs.filter((d) => d.id === r.attrs.resid);
      if (found.length !== 1) problems.push(`${pathOf(r)} resid="${r.attrs.resid}" is defined ${found.length} times`);
      else if (found[0].kind !== kindOfReference(r)) problems.push(`${pathOf(r)} resid="${r.attrs.resid}" is a ${found[0].kind}, expected a ${kindOfReference(r)}`);
    }
    const used = new Set(refs.map((r) => r.attrs.resid));
    for (const d of defs) if (!used.has(d.id)) problems.push(`resource ${d.id} is never used`);
    for (const d of defs) if (!/^[\w.]{1,32}$/.test(d.id)) problems.push(`resource id ${d.id}: 1 to 32 word characters or dots`);
    const ids = defs.map((d) => d.id);
    for (const id of new Set(ids)) if (ids.filter((i) => i === id).length > 1) problems.push(`resource ${id} is defined more than once`);
    expect(problems).toEqual([]);
  });

  it("the references this brief names all resolve: Label, Supertip, Icon, SourceLocation, FunctionFile, LearnMoreUrl", () => {
    const names = new Set(references().map((r) => local(r.name)));
    for (const n of ["Label", "Title", "Description", "Image", "SourceLocation", "FunctionFile", "LearnMoreUrl"]) expect(names).toContain(n);
  });

  it("every short and long string has zh-TW and en-US overrides (zh-CN is the default value)", () => {
    const strings = definitions().filter((d) => d.kind === "short" || d.kind === "long");
    expect(strings.length).toBeGreaterThanOrEqual(6);
    for (const s of strings) {
      const overrides = childrenNamed(s.el, "bt:Override").map((o) => o.attrs.Locale).sort();
      expect({ id: s.id, overrides }).toEqual({ id: s.id, overrides: LOCALES });
      checkTranslations(s.id, localised(s.el), s.kind === "short" ? 125 : 250);
    }
  });

  it("every URL starts with the base URL", () => {
    const urls: string[] = [];
    for (const el of [doc, ...descendants(doc)]) {
      for (const [k, v] of Object.entries(el.attrs)) {
        const uriLike = v.includes("://") || /^[a-z][a-z0-9+.-]*:\S*$/i.test(v);
        if (k !== "xmlns" && !k.startsWith("xmlns:") && uriLike) urls.push(v);
      }
      if (el.text.includes("://")) urls.push(el.text.trim());
    }
    expect(urls.length).toBeGreaterThanOrEqual(10);
    expect(urls.filter((u) => !u.startsWith(DEV_BASE_URL))).toEqual([]);
  });

  it("every image points at a PNG in assets/ of the size its id and its uses say", () => {
    const images = definitions().filter((d) => d.kind === "image");
    expect(images.length).toBeGreaterThanOrEqual(3);
    for (const { id, el } of images) {
      const m = /^Icon\.(\d+)x(\d+)$/.exec(id);
      expect(m && m[1] === m[2]).toBeTruthy();
      const size = Number(m![1]);
      expect(el.attrs.DefaultValue).toBe(`${DEV_BASE_URL}assets/${iconFileName(size)}`);
      const file = assetOf(el.attrs.DefaultValue);
      expect(existsSync(file)).toBe(true);
      expect(pngSize(readFileSync(file))).toEqual({ width: size, height: size });
      for (const use of references().filter((r) => r.attrs.resid === id)) expect({ use: pathOf(use), size: use.attrs.size }).toEqual({ use: pathOf(use), size: String(size) });
    }
    for (const [name, size] of [["IconUrl", 32], ["HighResolutionIconUrl", 64]] as const) {
      const file = assetOf(only(doc, name).attrs.DefaultValue);
      expect(existsSync(file)).toBe(true);
      expect(pngSize(readFileSync(file))).toEqual({ width: size, height: size });
    }
  });
});

describe("buildManifest (scripts/build-manifest.ts)", () => {
  const count = (s: string, sub: string) => s.split(sub).length - 1;

  it("replaces every occurrence of the development base URL", () => {
    const out = buildManifest(xml, INTRANET);
    expect(count(xml, DEV_BASE_URL)).toBeGreaterThanOrEqual(10);
    expect(count(out, INTRANET)).toBe(count(xml, DEV_BASE_URL));
    expect(out).not.toContain("localhost");
    expect(out.split(INTRANET).join(DEV_BASE_URL)).toBe(xml);
    const built = parseXml(out);
    const urls = descendants(built).flatMap((el) => Object.values(el.attrs)).filter((v) => v.startsWith("https://"));
    expect(urls.length).toBe(count(xml, DEV_BASE_URL));
    expect(urls.every((u) => u.startsWith(INTRANET))).toBe(true);
  });

  it("writes the base URL as valid XML (& escaped) and in canonical URL form", () => {
    const out = buildManifest(xml, "https://Intranet.Example/a&b/");
    expect(out).toContain("https://intranet.example/a&amp;b/taskpane.html");
    expect(at(parseXml(out), "DefaultSettings", "SourceLocation").attrs.DefaultValue).toBe("https://intranet.example/a&b/taskpane.html");
    expect(checkBaseUrl("https://内网.example/名册/")).toBe("https://xn--v6q792i.example/%E5%90%8D%E5%86%8C/");
  });

  it.each([
    ["http://intranet.example/roster/", /must use https/],
    ["https://intranet.example/roster", /must end with "\/"/],
    ["https://intranet.example", /must end with "\/"/],
    ["intranet.example/roster/", /not an absolute URL/],
    ["", /not an absolute URL/],
    ["https://intranet.example/roster/?v=1/", /query or fragment/],
    ["https://intranet.example/roster/#x/", /query or fragment/],
    ["https://user:secret@intranet.example/roster/", /user name or password/],
    ["file:///srv/roster/", /must use https/],
  ])("refuses %j", (url, message) => {
    expect(() => buildManifest(xml, url)).toThrow(message);
  });

  it("refuses a manifest without the development base URL", () => {
    expect(() => buildManifest("<OfficeApp/>", INTRANET)).toThrow(/no URL starting with/);
  });

  it("as a command: writes the built manifest, or one line on stderr, exit 2 and nothing written", () => {
    const dir = mkdtempSync(join(tmpdir(), "manifest-"));
    const run = (...args: string[]) => spawnSync(process.execPath, ["--import", "tsx", BUILD, ...args], { cwd: ROOT, encoding: "utf8" });
    const out = join(dir, "dist/manifest.xml");
    const ok = run("--base-url", INTRANET, "--out", out);
    expect(ok.stderr).toBe("");
    expect(ok.status).toBe(0);
    expect(readFileSync(out, "utf8")).toBe(buildManifest(xml, INTRANET));
    const bad = join(dir, "bad.xml");
    for (const args of [["--base-url", "http://intranet.example/roster/", "--out", bad], ["--out", bad], ["--base-url", INTRANET, "--out", bad, "--oops"]]) {
      const r = run(...args);
      expect({ args, status: r.status, lines: r.stderr.trim().split("\n").length }).toEqual({ args, status: 2, lines: 1 });
      expect(r.stderr).toMatch(/^build-manifest: /);
      expect(existsSync(bad)).toBe(false);
    }
  });
});

describe("icons (scripts/make-icons.ts)", () => {
  /** Bitwise CRC-32, written apart from the encoder's table-driven one. */
  function crc(bytes: Buffer): number {
    let c = ~0;
    for (const b of bytes) {
      c ^= b;
      for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
    }
    return ~c >>> 0;
  }

  /** Decodes a non-interlaced palette PNG with node:zlib: size, palette (RGBA) and one index per pixel. */
  function decodePalettePng(bytes: Buffer) {
    let pos = 8;
    let width = 0, height = 0, depth = 0;
    const idat: Buffer[] = [];
    let palette: number[][] = [];
    const types: string[] = [];
    while (pos < bytes.length) {
      const len = bytes.readUInt32BE(pos);
      const type = bytes.subarray(pos + 4, pos + 8).toString("latin1");
      const data = bytes.subarray(pos + 8, pos + 8 + len);
      expect({ type, crc: bytes.readUInt32BE(pos + 8 + len) }).toEqual({ type, crc: crc(bytes.subarray(pos + 4, pos + 8 + len)) });
      types.push(type);
      if (type === "IHDR") {
        width = data.readUInt32BE(0);
        height = data.readUInt32BE(4);
        depth = data[8];
        expect([...data.subarray(9)]).toEqual([3, 0, 0, 0]);
      } else if (type === "PLTE") palette = Array.from({ length: len / 3 }, (_, i) => [data[3 * i], data[3 * i + 1], data[3 * i + 2], 255]);
      else if (type === "tRNS") data.forEach((a, i) => (palette[i][3] = a));
      else if (type === "IDAT") idat.push(data);
      pos += 12 + len;
    }
    expect(types[0]).toBe("IHDR");
    expect(types[types.length - 1]).toBe("IEND");
    const raw = inflateSync(Buffer.concat(idat));
    const rowBytes = Math.ceil((width * depth) / 8);
    expect(raw.length).toBe((rowBytes + 1) * height);
    const px: number[] = [];
    for (let y = 0; y < height; y++) {
      expect(raw[y * (rowBytes + 1)]).toBe(0); // filter: None
      for (let x = 0; x < width; x++) {
        const bit = x * depth;
        px.push((raw[y * (rowBytes + 1) + 1 + (bit >> 3)] >> (8 - depth - (bit & 7))) & ((1 << depth) - 1));
      }
    }
    return { width, height, palette, px };
  }

  it("regenerating gives the committed bytes of every icon", () => {
    const icons = makeIcons();
    expect([...icons.keys()]).toEqual(ICON_SIZES.map(iconFileName));
    for (const [name, bytes] of icons) {
      const file = join(ASSETS, name);
      const committed = existsSync(file) ? readFileSync(file) : undefined;
      expect({ name, same: !!committed && committed.equals(bytes), hint: "run: npx tsx scripts/make-icons.ts" }).toEqual({
        name,
        same: true,
        hint: "run: npx tsx scripts/make-icons.ts",
      });
    }
  });

  it("is deterministic within a run too", () => {
    const a = makeIcons();
    const b = makeIcons();
    for (const [name, bytes] of a) expect(b.get(name)!.equals(bytes)).toBe(true);
  });

  it.each(ICON_SIZES.map((s) => [s]))("icon-%i.png decodes (node:zlib) to a red rounded square with a white glyph", (size) => {
    const { width, height, palette, px } = decodePalettePng(readFileSync(join(ASSETS, iconFileName(size))));
    expect([width, height]).toEqual([size, size]);
    const rgba = (x: number, y: number) => palette[px[y * size + x]];
    for (const [x, y] of [[0, 0], [size - 1, 0], [0, size - 1], [size - 1, size - 1]]) expect(rgba(x, y)[3]).toBe(0); // rounded corners
    const opaque = px.filter((i) => palette[i][3] === 255);
    const white = px.filter((i) => palette[i].join() === "255,255,255,255").length;
    const red = px.filter((i) => { const [r, g, b, a] = palette[i]; return a === 255 && r > 150 && g < 80 && b < 80; }).length;
    expect(opaque.length).toBe(white + red);
    expect(white).toBeGreaterThan(size * size * 0.08);
    expect(red).toBeGreaterThan(white);
    expect(rgba(size >> 1, size - 1 - Math.floor(size / 16))[3]).toBe(255); // the square reaches the bottom edge
  });
});

// ../shared/office-manifest-xsd beside the repository, and xmllint: skip with a message where either is
// missing, except under CI=true, where the check must run.
const XSD = join(SHARED, "office-manifest-xsd", "OfficeAppManifestV1_1.xsd");
const hasXmllint = spawnSync("xmllint", ["--version"], { encoding: "utf8" }).status === 0;
const canValidate = existsSync(XSD) && hasXmllint;
if (!canValidate) {
  const why = !existsSync(XSD) ? `${XSD} not found` : "xmllint not installed (libxml2-utils)";
  if (process.env.CI === "true") throw new Error(`manifest XSD check: ${why}, and CI=true requires it`);
  console.warn(`skipping: manifest XSD check: ${why}`);
}

function validate(file?: string, env: NodeJS.ProcessEnv = process.env, script = VALIDATE) {
  return spawnSync("bash", [script, ...(file ? [file] : [])], { cwd: ROOT, encoding: "utf8", env });
}

(canValidate ? describe : describe.skip)("XSD validation (scripts/validate-manifest.sh, xmllint)", () => {
  it("manifest.xml validates against OfficeAppManifestV1_1.xsd", () => {
    const r = validate();
    expect(r.stdout + r.stderr).toMatch(/manifest\.xml validates/);
    expect(r.status).toBe(0);
  });

  it("so does a manifest built for an intranet host", () => {
    const file = join(mkdtempSync(join(tmpdir(), "manifest-")), "manifest.xml");
    writeFileSync(file, buildManifest(xml, "https://intranet.example/a&b/名册/"));
    const r = validate(file);
    expect(r.stdout + r.stderr).toMatch(/validates/);
    expect(r.status).toBe(0);
  });

  it.each([
    ["an unknown permission", (s: string) => s.replace("<Permissions>ReadWriteDocument<", "<Permissions>Everything<")],
    ["a missing DefaultSettings", (s: string) => s.replace(/<DefaultSettings>[\s\S]*?<\/DefaultSettings>/, "")],
    ["a button without an icon", (s: string) => s.replace(/(<Control xsi:type="Button"[\s\S]*?)<Icon>[\s\S]*?<\/Icon>/, "$1")],
    ["a short string over 125 characters", (s: string) => s.replace('DefaultValue="检查名册"', `DefaultValue="${"检".repeat(126)}"`)],
  ])("fails (exit 1) on %s", (_label, mutate) => {
    const bad = mutate(xml);
    expect(bad).not.toBe(xml);
    const file = join(mkdtempSync(join(tmpdir(), "manifest-")), "manifest.xml");
    writeFileSync(file, bad);
    const r = validate(file);
    expect(r.stderr).toMatch(/fails to validate|does not match/);
    expect(r.status).toBe(1);
  });
});

describe("scripts/validate-manifest.sh without ../shared", () => {
  // A copy of the script in a tree with no ../shared beside it.
  const tree = mkdtempSync(join(tmpdir(), "no-shared-"));
  mkdirSync(join(tree, "repo/scripts"), { recursive: true });
  copyFileSync(VALIDATE, join(tree, "repo/scripts/validate-manifest.sh"));
  copyFileSync(MANIFEST, join(tree, "repo/manifest.xml"));
  const script = join(tree, "repo/scripts/validate-manifest.sh");
  const env = (ci: string) => ({ ...process.env, CI: ci, SHARED_DIR: "" }); // no ../shared, whatever SHARED_DIR says

  it("skips with a message and exit 0", () => {
    const r = validate(undefined, env(""), script);
    expect(r.stdout).toMatch(/^skipping: .*office-manifest-xsd/m);
    expect(r.status).toBe(0);
  });

  it("fails under CI=true", () => {
    const r = validate(undefined, env("true"), script);
    expect(r.stderr).toMatch(/CI=true requires/);
    expect(r.status).toBe(1);
  });

  it("exits 2 on a manifest that does not exist", () => {
    const r = validate(join(tree, "nope.xml"), env(""), script);
    expect(r.stderr).toMatch(/no such file/);
    expect(r.status).toBe(2);
  });
});
