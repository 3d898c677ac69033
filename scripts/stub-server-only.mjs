// Preload for running DAL code outside Next (scale checks): "server-only" resolves to its empty
// module, as in a React Server Components bundle.
// Usage: NODE_OPTIONS="--import ./scripts/stub-server-only.mjs" npx tsx <script>
import Module from "node:module";
import { fileURLToPath } from "node:url";

const empty = fileURLToPath(new URL("../node_modules/server-only/empty.js", import.meta.url));
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return request === "server-only" ? empty : resolve.call(this, request, ...rest);
};
