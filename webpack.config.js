// The Excel add-in's browser build, after the official React task-pane template (yo office): the task pane, the
// ribbon command's function file and its outcome dialog, help.html, assets/ and the manifest for the base URL the
// files are served from.
//
//   npx webpack --mode production [--env baseUrl=https://intranet.example/roster/]   -> dist/
//   npx webpack serve --mode development [--env http]                                 -> https://localhost:3000/
//   npx webpack serve --mode development --env officeLocal   office.js from node_modules/@microsoft/office-js (offline)
//
// Every page loads office.js from Microsoft's CDN by a plain <script> tag; nothing else comes from the network.
/* eslint-disable @typescript-eslint/no-require-imports */
const fs = require("node:fs");
const path = require("node:path");
const webpack = require("webpack");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");

const DEV_BASE_URL = "https://localhost:3000/";
const DEV_PORT = 3000;

/**
 * Loads a TypeScript module of this repository (scripts/build-manifest.ts, the help page and its strings) by
 * transpiling it with the project's own TypeScript: no runner to install, works offline. The hook is removed after.
 */
function requireTs(file) {
  const ts = require("typescript");
  const previous = require.extensions[".ts"];
  const root = __dirname + path.sep;
  require.extensions[".ts"] = function compileTs(module, filename) {
    if (!filename.startsWith(root) || filename.includes(`${path.sep}node_modules${path.sep}`)) {
      if (previous) return previous(module, filename);
      throw new Error(`webpack.config.js: cannot load ${filename}`);
    }
    const out = ts.transpileModule(fs.readFileSync(filename, "utf8"), {
      fileName: filename,
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
    });
    module._compile(out.outputText, filename);
  };
  try {
    return require(path.join(__dirname, file));
  } finally {
    if (previous) require.extensions[".ts"] = previous;
    else delete require.extensions[".ts"];
  }
}

/** The https options of office-addin-dev-certs (its CA installed for Office to trust), or undefined where they cannot be made. */
async function devHttpsOptions() {
  try {
    const devCerts = require("office-addin-dev-certs");
    const o = await devCerts.getHttpsServerOptions();
    return { ca: o.ca, key: o.key, cert: o.cert };
  } catch (e) {
    console.warn(
      `webpack dev server: no developer certificate (${e && e.message ? e.message.split("\n")[0] : e}); serving over plain http. ` +
        "Office loads add-ins over https only: run `npx office-addin-dev-certs install` where Office runs.",
    );
    return undefined;
  }
}

/** Emits one file built at config time (help.html). */
class EmitFilePlugin {
  constructor(name, content) {
    this.name = name;
    this.content = content;
  }
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("EmitFilePlugin", (compilation) => {
      compilation.hooks.processAssets.tap({ name: "EmitFilePlugin", stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        compilation.emitAsset(this.name, new webpack.sources.RawSource(this.content));
      });
    });
  }
}

/** office.js as published on npm (@microsoft/office-js), for development without the network. */
const OFFICE_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const OFFICE_LOCAL_DIR = path.join(__dirname, "node_modules/@microsoft/office-js/dist");

/** `--env officeLocal` (dev server only): the pages load /office-js/office.js, served from OFFICE_LOCAL_DIR. */
class LocalOfficeJsPlugin {
  apply(compiler) {
    compiler.hooks.compilation.tap("LocalOfficeJsPlugin", (compilation) => {
      HtmlWebpackPlugin.getHooks(compilation).beforeEmit.tap("LocalOfficeJsPlugin", (data) => {
        data.html = data.html.split(OFFICE_CDN).join("/office-js/office.js");
        return data;
      });
    });
  }
}

module.exports = async (env = {}, argv = {}) => {
  const dev = argv.mode === "development" || (argv.mode === undefined && env.WEBPACK_SERVE === true);
  const baseUrl = env.baseUrl || DEV_BASE_URL;
  const { buildManifest, checkBaseUrl } = requireTs("scripts/build-manifest.ts");
  try {
    checkBaseUrl(baseUrl);
  } catch (e) {
    console.error(`webpack.config.js: --env baseUrl: ${e.message}`); // one line, no stack: a usage error
    process.exit(2);
  }
  const { UI_TEXT } = requireTs("src/i18n/ui-text.ts");
  const { helpHtml } = requireTs("src/taskpane/help-page.ts");
  const { legacyBootstrap } = requireTs("src/taskpane/legacy-bootstrap.ts");
  const page = (name, chunks) =>
    new HtmlWebpackPlugin({
      filename: `${name}.html`,
      template: `./src/${name === "taskpane" ? "taskpane" : "commands"}/${name}.html`,
      chunks,
      scriptLoading: "defer",
      inject: "head",
      // The old-webview bootstrap, inline, before the bundle (which Internet Explorer and legacy Edge cannot parse).
      templateParameters: { legacyScript: legacyBootstrap(UI_TEXT, name) },
    });

  const config = {
    mode: dev ? "development" : "production",
    devtool: dev ? "source-map" : false,
    context: __dirname,
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
      dialog: "./src/commands/dialog.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: dev ? "[name].js" : "[name].[contenthash:8].js",
      chunkFilename: dev ? "[name].js" : "[name].[contenthash:8].js",
      publicPath: "auto",
      clean: { keep: /^web\// }, // dist/web: the web page (scripts/build-web.mjs)
    },
    resolve: { extensions: [".ts", ".tsx", ".js", ".mjs"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { configFile: path.resolve(__dirname, "tsconfig.web.json"), transpileOnly: true } },
        },
      ],
    },
    // The bundle is React + Fluent UI + the engine; the pane is loaded once per session from the same host.
    performance: { hints: false },
    plugins: [
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets", to: "assets" },
          { from: "manifest.xml", to: "manifest.xml", transform: (content) => buildManifest(content.toString("utf8"), baseUrl) },
        ],
      }),
      page("taskpane", ["taskpane"]),
      page("commands", ["commands"]),
      page("dialog", ["dialog"]),
      new EmitFilePlugin("help.html", helpHtml(UI_TEXT)),
    ],
    devServer: {
      port: DEV_PORT,
      hot: false,
      headers: { "Access-Control-Allow-Origin": "*" },
      static: false,
      client: { overlay: { warnings: false } },
    },
  };
  if (env.WEBPACK_SERVE && env.officeLocal) {
    // Production keeps Microsoft's CDN (store policy); this is for development and tests without the network.
    config.devServer.static = [{ directory: OFFICE_LOCAL_DIR, publicPath: "/office-js", watch: false }];
    config.plugins.push(new LocalOfficeJsPlugin());
  }
  if (env.WEBPACK_SERVE) {
    // `--env http` serves plain http on purpose (browser tests with a fake office.js need no certificate).
    const https = env.http ? undefined : await devHttpsOptions();
    config.devServer.server = https ? { type: "https", options: https } : { type: "http" };
  }
  return config;
};
