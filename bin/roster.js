#!/usr/bin/env node
// The `roster` command: runs the compiled CLI (built by `npm ci` via the prepare script).
require("../lib/cli/main.js").main(process.argv).then((code) => { process.exitCode = code; });
