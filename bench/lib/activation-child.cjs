"use strict";
// Loads the extension bundle the way VS Code would, with a stub `vscode` module, and reports
// how long `require()` took and whether the TypeScript parser was evaluated.
//   node bench/lib/activation-child.cjs <dist/extension.js> time|probe
// time:  require() wall time and heap growth, nothing else running.
// probe: the same under V8 precise coverage (slower, not timed); the bundle evaluated the
//        TypeScript module when a function of it ran: esbuild names each wrapped module's
//        body after its path ("node_modules/@ts-morph/common/dist/typescript.js"), and the
//        TypeScript module's load calls `diag` once per diagnostic message (thousands).
//        Also checks require.cache for an unbundled typescript / ts-morph, then calls
//        activate() with a stub context and checks again.
const Module = require("node:module");
const path = require("node:path");
const inspector = require("node:inspector");

const [bundleArg, mode = "time"] = process.argv.slice(2);
const bundle = path.resolve(bundleArg);
const stubPath = path.join(__dirname, "vscode-stub.cjs");
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  if (request === "vscode") return stubPath;
  return resolve.call(this, request, ...rest);
};
// No folder open, as when VS Code starts with an empty window: a stub folder would hand the
// extension functions where it reads paths (its baseline watcher reads the folder's fsPath).
require(stubPath).workspace.workspaceFolders = undefined;

const PARSER_MODULE_RE = /(?:^|[\\/])(?:typescript[\\/]lib[\\/]typescript\.js|@ts-morph[\\/]common[\\/]dist[\\/]typescript\.js|ts-morph[\\/]dist[\\/]ts-morph\.js)$/;

function post(session, method, params) {
  let result;
  let error;
  session.post(method, params, (err, res) => {
    error = err;
    result = res;
  });
  if (error) throw error;
  return result;
}

function unbundledParser() {
  return Object.keys(require.cache).filter((k) => PARSER_MODULE_RE.test(k));
}

function parserSignals(session) {
  const { result } = post(session, "Profiler.takePreciseCoverage");
  const evaluatedModules = new Set();
  let diagCalls = 0;
  for (const script of result) {
    for (const fn of script.functions) {
      const count = fn.ranges[0]?.count ?? 0;
      if (count === 0) continue;
      if (/(?:typescript|ts-morph)[^/]*\.js$/.test(fn.functionName) && fn.functionName.includes("/")) evaluatedModules.add(fn.functionName);
      if (fn.functionName === "diag") diagCalls += count;
    }
  }
  const required = unbundledParser();
  return {
    evaluatedModules: [...evaluatedModules],
    diagCalls,
    requireCache: required,
    loaded: evaluatedModules.size > 0 || diagCalls >= 1000 || required.length > 0,
  };
}

function stubContext() {
  const base = require(stubPath);
  const real = {
    subscriptions: [],
    extension: { packageJSON: { version: "0.0.0" }, id: "bench.stub" },
    extensionPath: path.dirname(path.dirname(bundle)),
  };
  return new Proxy(real, { get: (t, p) => (p in t ? t[p] : base[p]) });
}

const out = { mode, bundle };
if (mode === "time") {
  const heap0 = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  const ext = require(bundle);
  out.requireMs = performance.now() - t0;
  out.heapDeltaMb = (process.memoryUsage().heapUsed - heap0) / 1048576;
  out.exports = Object.keys(ext);
  if (typeof ext.activate === "function") {
    const t1 = performance.now();
    try {
      ext.activate(stubContext());
      out.activateMs = performance.now() - t1;
    } catch (err) {
      out.activateError = String(err && err.message ? err.message : err);
    }
  }
  out.rssMb = process.memoryUsage().rss / 1048576;
} else {
  const session = new inspector.Session();
  session.connect();
  post(session, "Profiler.enable");
  post(session, "Profiler.startPreciseCoverage", { callCount: true, detailed: false });
  const ext = require(bundle);
  out.afterRequire = parserSignals(session);
  if (typeof ext.activate === "function") {
    try {
      const api = ext.activate(stubContext());
      out.activateOk = true;
      if (api && typeof api.isEngineLoaded === "function") out.apiIsEngineLoaded = api.isEngineLoaded();
    } catch (err) {
      out.activateError = String(err && err.message ? err.message : err);
    }
    out.afterActivate = parserSignals(session);
  }
  session.disconnect();
}
process.stdout.write(JSON.stringify(out) + "\n");
