// The Office toolkit as the official add-in template has it: office-addin-cli beside office-addin-debugging, the
// template's config and start scripts; office.js from @microsoft/office-js for development and tests without the
// network (`--env officeLocal`), while production pages keep loading Microsoft's CDN.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

const ROOT = join(__dirname, "../..");
const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
const lock = JSON.parse(readFileSync(join(ROOT, "package-lock.json"), "utf8"));
const webpackConfig = require(join(ROOT, "webpack.config.js")) as (env: object, argv: object) => Promise<{
  devServer: { static?: unknown };
  plugins: { constructor: { name: string } }[];
}>;
const CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

describe("the Office toolkit", () => {
  it.each(["office-addin-cli", "@microsoft/office-js", "office-addin-debugging", "office-addin-dev-certs"])("%s is a pinned dev dependency, installed", (name) => {
    expect(pkg.devDependencies[name]).toMatch(/^\d+\.\d+\.\d+$/);
    expect(lock.packages[`node_modules/${name}`].version).toBe(pkg.devDependencies[name]);
  });

  it.each(["office-addin-cli", "@microsoft/office-js"])("%s runs no install script (nothing reaches the network at install)", (name) => {
    expect(lock.packages[`node_modules/${name}`].hasInstallScript).toBeUndefined();
  });

  it("has the template's config and start scripts", () => {
    expect(pkg.config).toEqual({ app_to_debug: "excel", app_type_to_debug: "desktop", dev_server_port: 3000 });
    expect(pkg.scripts["start:desktop"]).toBe("office-addin-debugging start manifest.xml desktop");
    expect(pkg.scripts["start:web"]).toBe("office-addin-debugging start manifest.xml web");
  });

  it("office.js is on disk for development without the network", () => {
    const officeJs = join(ROOT, "node_modules/@microsoft/office-js/dist/office.js");
    expect(existsSync(officeJs)).toBe(true);
    expect(readFileSync(officeJs, "utf8")).toMatch(/Office/);
    expect(existsSync(join(ROOT, "node_modules/@microsoft/office-js/dist/excel-web-16.00.js"))).toBe(true);
  });

  it.each<[string, object, object, boolean]>([
    ["dev server --env officeLocal serves it locally", { WEBPACK_SERVE: true, officeLocal: true, http: true }, { mode: "development" }, true],
    ["dev server without the flag keeps the CDN", { WEBPACK_SERVE: true, http: true }, { mode: "development" }, false],
    ["production build keeps the CDN", {}, { mode: "production" }, false],
  ])("%s", async (_what, env, argv, local) => {
    const config = await webpackConfig(env, argv);
    expect(JSON.stringify(config.devServer.static ?? false).includes("@microsoft/office-js")).toBe(local);
    expect(config.plugins.some((p) => p.constructor.name === "LocalOfficeJsPlugin")).toBe(local);
  });

  it("the pages' source still loads Microsoft's CDN", () => {
    for (const page of ["src/taskpane/taskpane.html", "src/commands/commands.html", "src/commands/dialog.html"]) {
      expect(readFileSync(join(ROOT, page), "utf8")).toContain(CDN);
    }
  });
});
