"use strict";
// What the bundles get when the source imports "ts-morph": only the TypeScript API that
// ts-morph ships (the same file ts-morph itself loads), not ts-morph's Project layer and
// the lib.d.ts texts it carries (4 MB the engine never uses). Loading and compiling the
// bundle, and its share of the process's memory, shrink with it.
module.exports = { ts: require("@ts-morph/common/dist/typescript.js") };
