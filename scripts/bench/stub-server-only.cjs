/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS preload (node --require) */
// Lets the benchmark import the DAL (src/server/*, which starts with `import "server-only"`) in a
// plain Node process: "server-only" resolves to an empty module. Only for scripts/bench.mts.
const Module = require("node:module");
const empty = require("node:path").join(__dirname, "server-only-empty.cjs");
const original = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  if (request === "server-only") return empty;
  return original.call(this, request, ...rest);
};
