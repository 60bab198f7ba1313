import * as assert from "node:assert/strict";
import { MemoryProjectHost } from "../../../src/engine/project-host";
import { ProfileCache } from "../../../src/profile/cache";
import { importersIndexOf } from "../../../src/profile/importers";
import { callersOf } from "../../../src/rules/unvalidated-boundary/callers";
import { ProjectFiles } from "../../../src/rules/unvalidated-boundary/elsewhere";

// Session 35 (xmod35): the project's importers index (src/profile/importers.ts) and the call sites
// of an exported function in other modules read through it (src/rules/unvalidated-boundary/callers.ts).

const ROOT = "/p";
const hostOf = (files: Record<string, string>) => new MemoryProjectHost(new Map(Object.entries({ "package.json": '{ "name": "app" }', ...files }).map(([k, v]) => [`${ROOT}/${k}`, v])));

function callers(files: Record<string, string>, file: string, name: string, member?: string) {
  const host = hostOf(files);
  const abs = `${ROOT}/${file}`;
  const project = new ProjectFiles(host, abs, new ProfileCache(host).get(abs));
  const found = callersOf(project, abs, name, member);
  return found && { complete: found.complete, sites: found.sites.map((s) => `${s.file.slice(ROOT.length + 1)}: ${s.call.getText()}`) };
}

const MAIL = "export async function sendMail(to: string) {}\nexport class Mailer {\n  static async notify(id: string) {}\n  async send(to: string) {}\n}\n";

describe("profile: the importers index", () => {
  it("lists the files that import a module by every import form, resolved like ProjectFiles", () => {
    const host = hostOf({
      "src/lib/mail.ts": MAIL,
      "src/a.ts": 'import { sendMail } from "./lib/mail";\n',
      "src/b.js": 'const { sendMail } = require("./lib/mail.js");\n',
      "src/c.ts": 'export * from "./lib/mail";\n',
      "src/d.ts": 'const m = await import("@/lib/mail");\n',
      "src/e.ts": 'import "./lib/other";\n',
      "node_modules/x/index.js": 'require("../../src/lib/mail");\n',
      "dist/a.js": 'require("../src/lib/mail");\n',
      "src/a.test.ts": 'import { sendMail } from "./lib/mail";\n',
    });
    const resolver = new ProjectFiles(host, "", new ProfileCache(host).get(`${ROOT}/src/a.ts`));
    const index = importersIndexOf(host, ROOT, (from, spec) => resolver.resolve(from, spec));
    assert.deepEqual(index.importersOf(`${ROOT}/src/lib/mail.ts`), ["/p/src/a.ts", "/p/src/b.js", "/p/src/c.ts", "/p/src/d.ts"]);
    assert.equal(index.truncated, false);
  });

  it("past its file cap it says so, and the answers built on it are incomplete", () => {
    const host = hostOf({ "src/lib/mail.ts": MAIL, "src/a.ts": 'import { sendMail } from "./lib/mail";\nsendMail("x");\n', "src/b.ts": "export {};\n" });
    const resolver = new ProjectFiles(host, "", undefined);
    const index = importersIndexOf(host, ROOT, (from, spec) => resolver.resolve(from, spec), 1);
    assert.equal(index.truncated, true);
    const profile = { root: ROOT, importers: () => index };
    const found = callersOf(new ProjectFiles(host, `${ROOT}/src/lib/mail.ts`, profile), `${ROOT}/src/lib/mail.ts`, "sendMail");
    assert.equal(found?.complete, false);
  });

  it("is built again once a source file changes (the editor's invalidate)", () => {
    const host = hostOf({ "src/lib/mail.ts": MAIL });
    const cache = new ProfileCache(host);
    const profile = cache.get(`${ROOT}/src/lib/mail.ts`);
    const resolver = new ProjectFiles(host, "", profile);
    const resolve = (from: string, spec: string) => resolver.resolve(from, spec);
    assert.deepEqual(profile.importers!(resolve).importersOf(`${ROOT}/src/lib/mail.ts`), []);
    host.files.set(`${ROOT}/src/a.ts`, 'import { sendMail } from "./lib/mail";\n');
    assert.deepEqual(profile.importers!(resolve).importersOf(`${ROOT}/src/lib/mail.ts`), []);
    assert.equal(cache.invalidate(`${ROOT}/src/a.ts`), false);
    assert.deepEqual(profile.importers!(resolve).importersOf(`${ROOT}/src/lib/mail.ts`), ["/p/src/a.ts"]);
  });
});

describe("callersOf: an exported function's calls in other modules", () => {
  it("named, renamed, namespace, CommonJS and dynamic-import bindings", () => {
    const found = callers(
      {
        "src/lib/mail.ts": MAIL,
        "src/a.ts": 'import { sendMail as send } from "./lib/mail";\nawait send("a");\n',
        "src/b.ts": 'import * as mail from "./lib/mail";\nmail.sendMail("b");\nmail.other();\n',
        "src/c.js": 'const { sendMail } = require("./lib/mail");\nsendMail("c");\n',
        "src/d.js": 'const mail = require("./lib/mail");\nmail.sendMail("d");\n',
        "src/e.ts": 'import { sendMail } from "./other";\nsendMail("e");\n',
      },
      "src/lib/mail.ts",
      "sendMail",
    );
    assert.deepEqual(found, { complete: true, sites: ['src/a.ts: send("a")', 'src/c.js: sendMail("c")', 'src/b.ts: mail.sendMail("b")', 'src/d.js: mail.sendMail("d")'] });
  });

  it("a method: static calls, instances made with new, a NestJS provider injected by its type, an exported instance", () => {
    const found = callers(
      {
        "src/lib/mail.ts": `${MAIL}export const mailer = new Mailer();\n`,
        "src/a.ts": 'import { Mailer } from "./lib/mail";\nMailer.notify("a");\nconst m = new Mailer();\nm.send("a");\nnew Mailer().send("a2");\n',
        "src/b.ts": 'import { Mailer } from "./lib/mail";\n@Injectable()\nexport class Orders {\n  constructor(private readonly mail: Mailer) {}\n  async place() {\n    await this.mail.send("b");\n  }\n}\n',
        "src/c.ts": 'import { mailer } from "./lib/mail";\nmailer.send("c");\n',
      },
      "src/lib/mail.ts",
      "Mailer",
      "send",
    );
    assert.deepEqual(found, { complete: true, sites: ['src/a.ts: m.send("a")', 'src/a.ts: new Mailer().send("a2")', 'src/b.ts: this.mail.send("b")', 'src/c.ts: mailer.send("c")'] });
  });

  it("through a barrel that re-exports it, and incomplete where the function is handed on as a value", () => {
    const files = {
      "src/lib/mail.ts": MAIL,
      "src/lib/index.ts": 'export * from "./mail";\n',
      "src/a.ts": 'import { sendMail } from "./lib";\nsendMail("a");\n',
    };
    assert.deepEqual(callers(files, "src/lib/mail.ts", "sendMail"), { complete: true, sites: ['src/a.ts: sendMail("a")'] });
    assert.deepEqual(callers({ ...files, "src/r.ts": 'import { sendMail } from "./lib/mail";\nrouter.post("/mail", sendMail);\n' }, "src/lib/mail.ts", "sendMail"), { complete: false, sites: ['src/a.ts: sendMail("a")'] });
  });
});
