/**
 * The inputs that were once super-linear (issue: "Linear time on every input"), shared by the
 * scaling test (twice the input must take about twice the time) and by `npm run bench:worst`
 * (time per MB on each class's worst input). Each case builds its input of size n and returns
 * the work to time, and the input's size in bytes.
 */
import { analyze } from "../../src/engine/analyze";
import { maskStrings } from "../../src/engine/audit";
import { defaultConfig } from "../../src/engine/config/load";
import { parseGitignore } from "../../src/engine/files";
import { MemoryProjectHost } from "../../src/engine/project-host";
import { listsName } from "../../src/rules/hardcoded-secret/env-fix";

export interface SuperlinearCase {
  name: string;
  /** A size at which the old super-linear code took seconds and the linear code takes milliseconds. */
  n: number;
  make: (n: number) => { work: () => void; bytes: number };
}

/** No size limit: the point is to time the analysis itself, not the early "too large" skip. */
const config = { ...defaultConfig("/p"), maxFileSizeKb: 1 << 30 };
const run = (text: string, fixes = false) => ({
  work: () => void analyze({ path: "/p/src/a.ts", text, config, project: new MemoryProjectHost(), fixes }),
  bytes: Buffer.byteLength(text),
});

export const SUPERLINEAR_CASES: SuperlinearCase[] = [
  {
    name: "fingerprints of lines full of `\"\\`",
    n: 20_000,
    make: (n) => {
      const line = `x = ${'"\\'.repeat(n)}`;
      return { work: () => void maskStrings(line), bytes: Buffer.byteLength(line) };
    },
  },
  {
    name: "a block comment full of directive lines",
    n: 1_500,
    make: (n) => run(`/*\n${"  hardening-hints-ignore-next-line swallowed-exception -- r\n".repeat(n)}*/\nexport {};\n`),
  },
  {
    name: "thousands of ignore-line directives",
    n: 1_000,
    make: (n) => run(Array.from({ length: n }, (_, i) => `try { f${i}(); } catch (e) {} // hardening-hints-ignore-line swallowed-exception -- ok`).join("\n")),
  },
  {
    name: "JSON output: thousands of findings with fixes in one file",
    n: 150,
    make: (n) => run(Array.from({ length: n }, (_, i) => `export function f${i}() {\n  try {\n    g();\n  } catch (e) {}\n}`).join("\n"), true),
  },
  {
    // Each timer-only job asked whether the file calls it anywhere else by walking the whole file
    // (session 33 review: a walk per function), now its per-file reference index.
    name: "thousands of timer-only jobs with log-only catches",
    n: 1_500,
    make: (n) => run(Array.from({ length: n }, (_, i) => `async function job${i}() {\n  try {\n    await f${i}();\n  } catch (e) {\n    console.error(e);\n  }\n}\nsetInterval(() => { job${i}(); }, 1000);`).join("\n")),
  },
  {
    name: "the env example lookup on a file of blank lines",
    n: 200_000,
    make: (n) => {
      const text = `${"\n".repeat(n)}OTHER=1\n`;
      return { work: () => void listsName(text, "STRIPE_SECRET_KEY"), bytes: Buffer.byteLength(text) };
    },
  },
  {
    name: "a .gitignore of brace patterns",
    n: 4_000,
    make: (n) => {
      const text = Array.from({ length: n }, (_, i) => `{a,b}{c,d}{e,f}{g,h}{i,j}{k,l}{m,n}{o,p}/x${i}`).join("\n");
      return { work: () => void parseGitignore(text, "/r"), bytes: Buffer.byteLength(text) };
    },
  },
  {
    // Each request read asked whether the handler reads express-validator's result, and scanned the
    // handler's text to answer (session 30 review: 10k reads 0.9 s, 20k 3.1 s, a ratio of 3.5).
    name: "an Express handler of thousands of request reads",
    n: 10_000,
    make: (n) => run(`import express from "express";\nconst app = express();\napp.post("/x", async (req, res) => {\n${Array.from({ length: n }, (_, i) => `  await db.save(req.params.p${i});`).join("\n")}\n  res.json({});\n});\n`),
  },
  {
    // Each destructured field asked for its references, and each question scanned the handler
    // (session 31: 1,000 fields appended to a URL took 0.74 s, 2,000 took 2.6 s, a ratio of 3.5).
    name: "thousands of destructured query fields, each appended to a URL",
    n: 1_000,
    make: (n) => {
      const names = Array.from({ length: n }, (_, i) => `p${i}`);
      return run(`import express from "express";\nconst app = express();\napp.get("/x", async (req, res) => {\n  const { ${names.join(", ")} } = req.query;\n  const url = new URL("https://api.example.com/search");\n${names.map((p) => `  url.searchParams.append("${p}", ${p});`).join("\n")}\n  res.json(await (await fetch(url)).json());\n});\n`);
    },
  },
  {
    // Each log-only catch ending an async method asked whether its class fires the method and forgets
    // it, and whether the file awaits it anywhere: a walk of the class and one of the file per catch
    // (session 32 review: 1,000 methods 1.3 s, 2,000 5.0 s, a ratio of 3.7).
    name: "a class of thousands of async methods, each fired and forgotten by one of them",
    n: 1_000,
    make: (n) => {
      const names = Array.from({ length: n }, (_, i) => `m${i}`);
      return run(`class Scanner {\n  async run() {\n${names.map((m) => `    this.${m}();`).join("\n")}\n  }\n${names.map((m) => `  async ${m}() {\n    try {\n      await api.get("/${m}");\n    } catch (e) {\n      console.error("failed", e);\n    }\n  }`).join("\n")}\n}\nexport const scanner = new Scanner();\n`);
    },
  },
  {
    // Each catch answering null after a log asked whether every use of its function fills one row of a
    // `Promise.all` map, and walked the whole file to find the uses (session 34 review).
    name: "a module of thousands of helpers whose catches log and answer null",
    n: 1_000,
    make: (n) => {
      const names = Array.from({ length: n }, (_, i) => `load${i}`);
      return run(`${names.map((f) => `async function ${f}(id) {\n  try {\n    return await api.get(\`/${f}/\${id}\`);\n  } catch (e) {\n    console.error("failed", e);\n    return null;\n  }\n}`).join("\n")}\n${names.map((f) => `${f}(1);`).join("\n")}\n`);
    },
  },
  {
    // Each catch answering null in a module of n helpers asks for its calls in the modules that import
    // the module (session 35's importers index): n importers, each calling one helper and testing its
    // answer. The index is built once, and each module's imports gathered once by name, so each catch
    // reads only its own callers (a look-up per catch over every importer was quadratic).
    name: "a module of hundreds of helpers answering null, each called by one of hundreds of importers",
    n: 400,
    make: (n) => {
      const names = Array.from({ length: n }, (_, i) => `load${i}`);
      const files = new Map<string, string>([["/p/package.json", '{ "name": "app" }']]);
      names.forEach((f, i) => files.set(`/p/src/routes/r${i}.ts`, `import { ${f} } from "../lib/loaders";\nexport async function GET() {\n  const row = await ${f}(1);\n  if (!row) return new Response("unavailable", { status: 503 });\n  return Response.json(row);\n}\n`));
      const text = names.map((f) => `export async function ${f}(id: number) {\n  try {\n    const res = await fetch(\`/${f}/\${id}\`);\n    return await res.json();\n  } catch (e) {\n    console.error("failed", e);\n    return null;\n  }\n}`).join("\n");
      return { work: () => void analyze({ path: "/p/src/lib/loaders.ts", text, config, project: new MemoryProjectHost(new Map(files)), fixes: false }), bytes: Buffer.byteLength(text) + [...files.values()].reduce((a, t) => a + t.length, 0) };
    },
  },
  {
    // Each swallowed attempt asks whether its function makes the same call again outside any try
    // (session 35): one walk per function, and only the next few calls of that name compared.
    name: "a function of thousands of swallowed attempts of one call",
    n: 2_000,
    make: (n) => {
      const steps = Array.from({ length: n }, (_, i) => `  try {\n    await page.goto("/step/${i}");\n  } catch {}\n  await page.goto("/other/${i}");`);
      return run(`export async function tour(page) {\n${steps.join("\n")}\n}\n`);
    },
  },
  {
    // Each string constant asked whether a signing call of the module takes it as its key, and walked
    // the whole file to answer (session 32 review: 2,000 constants 2.2 s, 4,000 7.9 s, a ratio of 3.6).
    name: "a module of thousands of string constants, each passed to a call",
    n: 2_000,
    make: (n) => {
      const names = Array.from({ length: n }, (_, i) => `LABEL_${i}`);
      return run(`${names.map((k, i) => `const ${k} = "label text ${i}";`).join("\n")}\n${names.map((k) => `show(${k});`).join("\n")}\n`);
    },
  },
  {
    // Each read of a request part asks whether a statement before it replaced the part with a validated value
    // (`req.body = schema.parse(req.body)`), and whether its function's callers hand it a request so replaced
    // (session 35, replaced.ts): one scan per block and one answer per function, not a scan per read.
    name: "an Express handler of thousands of reads after the body was replaced, each calling a helper that reads it",
    n: 1_500,
    make: (n) => {
      const reads = Array.from({ length: n }, (_, i) => `  await save${i}({ ...req.body, f: raw.f${i} });\n  await helper(req, res);`).join("\n");
      const helper = `async function helper(req, res) {\n${Array.from({ length: n }, (_, i) => `  await store${i}(req.body.f${i});`).join("\n")}\n}`;
      return run(`import express from "express";\nconst app = express();\n${helper}\napp.post("/x", async (req, res) => {\n  const raw = { ...req.body };\n  req.body = schema.parse(req.body);\n${reads}\n  res.json({ ok: true });\n});\n`);
    },
  },
  {
    // Each read of a fetched reply asked whether an `if (!res.ok) throw …` came before it, whether a `typeof` exit
    // guarded it, and whether the reply is returned whole: a scan of the block and of the reply's references per read
    // (session 35: 800 reads of `data?.a?.b` took 13 s). Now one answer per block, guard and variable.
    name: "a fetched reply read and compared thousands of times",
    n: 1_500,
    make: (n) => run(`export async function load(url: string) {\n  let n = 0;\n  const res = await fetch(\`https://api.example.com/\${url}\`);\n  if (!res.ok) throw new Error("failed");\n  const data = await res.json();\n${Array.from({ length: n }, (_, i) => `  if (data?.a?.b === ${i}) n++;`).join("\n")}\n  return n;\n}\n`),
  },
  {
    // Each discord.js lookup answered null asks where its local is read after it (optional-lookup.ts): the
    // per-file reference index, not a walk of the rest of the block per lookup (session 36).
    name: "a function of thousands of discord.js lookups, each guarded as optional",
    n: 2_000,
    make: (n) => run(`export async function notifyAll(client: any, ids: string[]) {\n${Array.from({ length: n }, (_, i) => `  const ch${i} = await client.channels.fetch(ids[${i}]).catch(() => null);\n  if (ch${i}) await ch${i}.send("hi");`).join("\n")}\n  await done();\n}\n`),
  },
  {
    // Each empty catch around a close looks at the statements around it (session 40's
    // rejected-connection.ts): only a few before it and a dozen after, not the whole block.
    name: "a block of thousands of closes with empty catches after a logged failure",
    n: 1_000,
    make: (n) => run(`export function drop(conns) {\n  console.error("giving up");\n${Array.from({ length: n }, (_, i) => `  try {\n    conns[${i}].close();\n  } catch {}\n`).join("")}  return;\n}\n`),
  },
  {
    // Each no-op `.catch` on an unlink asks whether a later statement writes that path (session 41's
    // path-prep.ts): one scan of the name's references per block, not one per unlink.
    name: "a block of thousands of unlinks of one path, nothing written after",
    n: 2_000,
    make: (n) => run(`import fs from "node:fs/promises";\nexport async function tidy(dir: string) {\n${Array.from({ length: n }, (_, i) => `  await fs.unlink(dir + "/${i}").catch(() => {});\n  await fs.readFile(dir + "/k${i}");`).join("\n")}\n}\n`),
  },
  {
    // Thousands of catches whose new error's message one helper builds: the helper is read once
    // (session 40's lossy-message.ts), not once per catch.
    name: "thousands of catches throwing a message a large helper builds",
    n: 1_000,
    make: (n) => run(`function describe(err) {\n  switch (err.status) {\n${Array.from({ length: n }, (_, i) => `    case ${i}: return "status ${i}";\n`).join("")}  }\n  return err.message;\n}\n${Array.from({ length: n }, (_, i) => `export async function f${i}() {\n  try {\n    await g${i}();\n  } catch (e) {\n    throw new Error(describe(e));\n  }\n}\n`).join("")}`),
  },
];
