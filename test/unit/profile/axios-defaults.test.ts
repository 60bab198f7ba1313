import * as assert from "node:assert/strict";
import { MemoryProjectHost } from "../../../src/engine/project-host";
import { ProfileCache } from "../../../src/profile/cache";
import { setsAxiosTimeout } from "../../../src/profile/axios-defaults";

// Session 39 (prod39): the module that sets `axios.defaults.timeout` for the whole process
// (uptime-kuma's server constructor), found once per project (src/profile/axios-defaults.ts).

const ROOT = "/p";
const hostOf = (files: Record<string, string>) => new MemoryProjectHost(new Map(Object.entries({ "package.json": '{ "name": "app", "dependencies": { "axios": "^1.7.0" } }', ...files }).map(([k, v]) => [`${ROOT}/${k}`, v])));
const moduleOf = (files: Record<string, string>) => new ProfileCache(hostOf(files)).get(`${ROOT}/server/a.js`).axiosDefaultsModule!();

const SERVER = 'const axios = require("axios");\nclass Server {\n  constructor() {\n    axios.defaults.timeout = 300 * 1000;\n  }\n}\nmodule.exports = { Server };\n';

describe("profile: the module that sets axios' default timeout", () => {
  it("finds a constructor, a top level, a startup function and an IIFE that set a positive constant", () => {
    assert.equal(moduleOf({ "server/uptime-kuma-server.js": SERVER, "server/a.js": "" }), "server/uptime-kuma-server.js");
    assert.ok(setsAxiosTimeout("a.ts", 'import axios from "axios";\naxios.defaults.timeout = 30_000;\n'));
    assert.ok(setsAxiosTimeout("a.ts", 'import http from "axios";\nexport async function bootstrap() {\n  http.defaults.timeout = (15 * 1000);\n}\n'));
    assert.ok(setsAxiosTimeout("a.mjs", 'import axios from "axios";\n(async () => {\n  axios.defaults.timeout = 5000;\n})();\n'));
    assert.ok(setsAxiosTimeout("a.cjs", 'const axios = require("axios").default;\nconst init = () => { axios.defaults.timeout = 5000; };\n'));
  });

  it("leaves out a zero or computed value, an instance, another name, a request handler, and scripts, tests, browser code and nested packages", () => {
    assert.ok(!setsAxiosTimeout("a.ts", 'import axios from "axios";\naxios.defaults.timeout = 0;\n'));
    assert.ok(!setsAxiosTimeout("a.ts", 'import axios from "axios";\naxios.defaults.timeout = Number(process.env.T);\n'));
    assert.ok(!setsAxiosTimeout("a.ts", 'import axios from "axios";\nconst api = axios.create();\napi.defaults.timeout = 5000;\n'));
    assert.ok(!setsAxiosTimeout("a.ts", 'import axios from "./axios";\naxios.defaults.timeout = 5000;\n'));
    assert.ok(!setsAxiosTimeout("a.ts", 'import axios from "axios";\nexport function handler(req) {\n  axios.defaults.timeout = 5000;\n}\n'));
    const top = 'import axios from "axios";\naxios.defaults.timeout = 5000;\n';
    assert.equal(moduleOf({ "scripts/seed.js": top, "test/setup.js": top, "server/a.test.js": top, "server/a.js": "" }), undefined);
    assert.equal(moduleOf({ "packages/web/package.json": "{}", "packages/web/src/http.ts": top, "server/a.js": "" }), undefined);
    assert.equal(moduleOf({ "src/components/http.ts": `"use client";\n${top}`, "server/a.js": "" }), undefined);
  });

  it("is found again once the module, or a text that sets it, changes (the editor's invalidate)", () => {
    const host = hostOf({ "server/a.js": "", "server/boot.js": SERVER });
    const cache = new ProfileCache(host);
    const profile = cache.get(`${ROOT}/server/a.js`);
    assert.equal(profile.axiosDefaultsModule!(), "server/boot.js");
    host.files.set(`${ROOT}/server/boot.js`, 'const axios = require("axios");\n');
    cache.invalidate(`${ROOT}/server/other.js`);
    assert.equal(profile.axiosDefaultsModule!(), "server/boot.js", "an unrelated file keeps the answer");
    cache.invalidate(`${ROOT}/server/boot.js`);
    assert.equal(profile.axiosDefaultsModule!(), undefined);
    host.files.set(`${ROOT}/server/start.ts`, 'import axios from "axios";\naxios.defaults.timeout = 10_000;\n');
    cache.invalidate(`${ROOT}/server/start.ts`);
    assert.equal(profile.axiosDefaultsModule!(), "server/start.ts");
  });
});
