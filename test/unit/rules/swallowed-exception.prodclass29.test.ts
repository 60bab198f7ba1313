import swallowedException from "../../../src/rules/swallowed-exception/rule";
import { dedent, RuleTester } from "../../helpers/rule-tester";

// Production karakeep (eval/production, seed 20261239), session 26, developer prodclass29:
// `Promise.allSettled` over promises that cannot reject (each with its own handler, or an async
// callback whose every wait sits in a logging try), a `new URL` probe whose catch answers what the
// check right after the try answers, and a dropped rejection of mutations whose own `onError`
// tells the user. Hand-written analogues, no fetched code. This table declares only the cases its
// invalid rows name.
const named = new Set(["allSettledUnchecked", "logAndContinue", "catchReturnsDefault", "promiseCatchNoop", "promiseCatchLogOnly"]);
const narrowed = { ...swallowedException, cases: Object.fromEntries(Object.entries(swallowedException.cases).filter(([id]) => named.has(id))) } as typeof swallowedException;

// Each item's wait sits in a try inside an `if`, whose catch logs the error.
const attach = dedent`
  export async function attachTags(items, created) {
    await Promise.allSettled(
      items.map(async (item, idx) => {
        const bookmark = created[idx];
        if (bookmark.status === "fulfilled" && item.categories) {
          try {
            await api.updateTags({ id: bookmark.value.id, attach: item.categories });
          } catch (error) {
            logger.warn(\`Failed to attach tags to \${bookmark.value.id}: \${error}\`);
          }
        }
      }),
    );
  }
`;

// A retry loop around the logging try.
const deliver = dedent`
  export async function deliver(hooks, body) {
    let delivered = 0;
    await Promise.allSettled(
      hooks.map(async (hook) => {
        let attempt = 0;
        let ok = false;
        while (attempt < 3 && !ok) {
          try {
            const res = await fetch(hook.url, { method: "POST", body, signal: AbortSignal.timeout(5000) });
            ok = res.ok;
          } catch (error) {
            logger.error(\`Webhook to \${hook.url} failed: \${error}\`);
          }
          attempt++;
        }
        if (ok) delivered++;
      }),
    );
    return delivered;
  }
`;

// Every promise of the batch carries its own handler, also those pushed later.
const addAll = (pushed: string) => dedent`
  export async function addAll(urls, files) {
    const promises = [...urls.map((url) => api.add(url).then(show).catch(printError(\`Failed to add \${url}\`)))];
    for (const f of files) promises.push(${pushed});
    await Promise.allSettled(promises);
  }
`;

// An element of the batch replaced by a promise without a handler (review rv26).
const REPLACED = addAll('api.upload(f).catch(printError("Failed to upload"))').replace("  for (const f", "  promises[0] = api.upload(files[0]);\n  for (const f");

// An await before the logging try: that wait can reject the item.
const loadFirst = dedent`
  export async function loadAll(items) {
    await Promise.allSettled(
      items.map(async (item) => {
        const row = await db.load(item.id);
        try {
          await attach(row);
        } catch (error) {
          logger.warn("attach failed", error);
        }
      }),
    );
  }
`;

// A URL that does not parse gets the answer a parsed URL of another host gets right after the try.
const media = (answer: string) => dedent`
  function extractMedia(raw: string) {
    let parsed: URL;
    try {
      parsed = new URL(raw);
    } catch {
      return null;
    }
    if (!/(^|\\.)instagram\\.com$/.test(parsed.hostname)) return ${answer};
    return parsed.pathname;
  }
`;

// The mutations' own onError tells the user; the empty handler only stops an unhandled rejection.
const merge = (options: string, handler = "() => ({})") => dedent`
  export function ApplyAll({ suggestions }) {
    const { mutateAsync } = useMergeTag(${options});
    return async () => {
      const promises = suggestions.map((s) => mutateAsync({ into: s.id }));
      await Promise.all(promises)
        .then(() => toast({ description: "All merged" }))
        .catch(${handler})
        .finally(() => close());
    };
  }
`;
// An outcome flag named for the operation (`fetched`), which the caller reads to fall back.
const reddit = (flag: string) => dedent`
  export async function fetchRedditJson(url: string) {
    let response;
    try {
      response = await fetchWithProxy(url, { headers: { accept: "application/json" } });
    } catch (error) {
      logger.warn(\`Failed to fetch Reddit JSON for \${url}\`, error);
      return { ${flag}: false };
    }
    return { ${flag}: true, body: await response.json() };
  }
`;

// A superjson parse probe: its catch answers the guard's and the failed schema's empty list.
const manifest = (parse: string) => dedent`
  function parseManifest(raw: string | undefined) {
    if (!raw) {
      return [];
    }
    try {
      const result = zManifest.safeParse(${parse}(raw));
      return result.success ? result.data : [];
    } catch {
      return [];
    }
  }
`;

// \`new Date\` of a string never throws.
const parseDate = (make: string) => dedent`
  const parseDate = (date: string | null | undefined) => {
    if (!date) {
      return null;
    }
    try {
      return ${make};
    } catch {
      return null;
    }
  };
`;

// A polling loop whose failed round waits in the catch.
const poller = (loop: string) => dedent`
  export class ImportPoller {
    private running = false;
    async start() {
      this.running = true;
      ${loop} {
        try {
          const processed = await this.processBatch();
          if (processed === 0) {
            await sleep(5000);
          }
        } catch (error) {
          logger.error(\`[import] Error in polling loop: \${error}\`);
          await sleep(5000);
        }
      }
    }
  }
`;

// A failed worker recorded in the exit code the shutdown passes to process.exit.
const workers = (exit: string) => dedent`
  async function main() {
    let exitCode = 0;
    await Promise.race([
      Promise.all(workers.map((w) => w.run())).catch((err: unknown) => {
        exitCode = 1;
        logger.error(\`One of the workers failed, shutting down: \${err}\`);
      }),
      shutdownPromise,
    ]);
    await stopAll();
    process.exit(${exit});
  }
`;

// The catch puts back the empty list the local was declared with, around a parse of a field.
const importTags = (work: string) => dedent`
  export function tagsOf(record) {
    let tags: string[] = [];
    try {
      const raw = record["Document tags"];
      if (raw) {
        const parsed = ${work};
        if (Array.isArray(parsed)) {
          tags = parsed.map((tag) => tag.toString().trim());
        }
      }
    } catch {
      tags = [];
    }
    return tags;
  }
`;

// "Mark as intentionally ignored…": the comment opening the block that starts with `open`, at `indent`.
const ignored = (code: string, open: string, indent: string) => ({ title: "Mark as intentionally ignored…", output: code.replace(open, `${open}${indent}// Intentionally ignored: <reason>\n`) });
const onError = '{ onError: (e) => toast({ description: e.message, variant: "destructive" }) }';

new RuleTester().run(narrowed, {
  valid: [
    { code: addAll("api.upload(f).catch(printError(`Failed to upload ${f}`))"), filename: "apps/cli/src/commands/add.ts" },
    { code: media("null"), filename: "apps/web/components/media.ts" },
    { code: merge(onError), filename: "apps/web/components/merge.tsx" },
    { code: merge(onError, "(e) => console.error(e)"), filename: "apps/web/components/merge.tsx" },
    { code: reddit("fetched"), filename: "apps/workers/metascraper-reddit.ts" },
    { code: reddit("emailSent"), filename: "apps/workers/notify.ts" },
    { code: manifest("superjson.parse"), filename: "apps/mobile/lib/offlineLibrary.ts" },
    { code: parseDate("new Date(date)"), filename: "apps/workers/crawler/crawl.ts" },
    { code: poller("while (this.running)"), filename: "apps/workers/importWorker.ts" },
    { code: workers("exitCode"), filename: "apps/workers/index.ts" },
    { code: importTags("JSON.parse(raw)"), filename: "packages/shared/import-export/parsers.ts" },
  ],
  invalid: [
    // The batch is no finding; each item's failure is judged at its own catch.
    {
      name: "the items' waits sit in a logging try inside an if: only the inner catch is judged",
      code: attach,
      filename: "apps/workers/feeds.ts",
      findings: [{ case: "logAndContinue", line: 8, column: 11, endColumn: 24, suggestions: [ignored(attach, "} catch (error) {\n", "          ")] }],
      output: null,
    },
    {
      name: "the items' waits sit in a logging try inside a retry loop: only the inner catch is judged",
      code: deliver,
      filename: "apps/workers/webhooks.ts",
      findings: [{ case: "logAndContinue", line: 11, column: 11, endColumn: 24, suggestions: [ignored(deliver, "} catch (error) {\n", "          ")] }],
      output: null,
    },
    {
      name: "neighbour: a pushed promise without a handler",
      code: addAll("api.upload(f)"),
      filename: "apps/cli/src/commands/add.ts",
      findings: [{ case: "allSettledUnchecked", line: 4, column: 3, endLine: 4, endColumn: 37 }],
      output: addAll("api.upload(f)").replace("  await Promise.allSettled(promises);", '  const settled = await Promise.allSettled(promises);\n  for (const result of settled) if (result.status === "rejected") console.error("addAll failed", result.reason);'),
    },
    {
      name: "neighbour: an element replaced by a promise without a handler",
      code: REPLACED,
      filename: "apps/cli/src/commands/add.ts",
      findings: [{ case: "allSettledUnchecked", line: 5, column: 3, endLine: 5, endColumn: 37 }],
      output: REPLACED.replace("  await Promise.allSettled(promises);", '  const settled = await Promise.allSettled(promises);\n  for (const result of settled) if (result.status === "rejected") console.error("addAll failed", result.reason);'),
    },
    {
      name: "neighbour: an await before the logging try",
      code: loadFirst,
      filename: "apps/workers/load.ts",
      findings: [
        {
          case: "allSettledUnchecked", line: 2, column: 3, endLine: 11, endColumn: 4,
          suggestions: [{ title: "Throw the first rejection after all settle", output: loadFirst.replace("  await Promise.allSettled(", "  const settled = await Promise.allSettled(").replace("  );\n}", '  );\n  for (const result of settled) if (result.status === "rejected") throw result.reason;\n}') }],
        },
        { case: "logAndContinue", line: 7, column: 9, endColumn: 22, suggestions: [ignored(loadFirst, "} catch (error) {\n", "        ")] },
      ],
      output: loadFirst.replace("  await Promise.allSettled(", "  const settled = await Promise.allSettled(").replace("  );\n}", '  );\n  for (const result of settled) if (result.status === "rejected") console.error("db.load or attach failed in loadAll", result.reason);\n}'),
    },
    {
      name: "neighbour: the check after the try answers something else",
      code: media('"other"'),
      filename: "apps/web/components/media.ts",
      findings: [
        {
          case: "catchReturnsDefault", line: 5, column: 5, endColumn: 10,
          suggestions: [
            { title: "Log the error with console", output: media('"other"').replace("} catch {\n", '} catch (err) {\n    console.error("extractMedia failed", err);\n') },
            ignored(media('"other"'), "} catch {\n", "    "),
          ],
        },
      ],
      output: null,
    },
    {
      name: "neighbour: a mutation hook without onError",
      code: merge("{}"),
      filename: "apps/web/components/merge.tsx",
      findings: [{ case: "promiseCatchNoop", line: 7, column: 14, endColumn: 24, suggestions: [{ title: "Mark as intentionally ignored…", output: merge("{}").replace(".catch(() => ({}))", ".catch(() => /* Intentionally ignored: <reason> */ ({}))") }] }],
      output: merge("{}").replace(".catch(() => ({}))", '.catch((err) => {\n        console.error("Promise.all failed", err);\n        return ({});\n      })'),
    },
    {
      name: "neighbour: a log-only handler on mutations without onError",
      code: merge("{}", "(e) => console.error(e)"),
      filename: "apps/web/components/merge.tsx",
      findings: [{ case: "promiseCatchLogOnly", line: 7, column: 14, endColumn: 37, suggestions: [{ title: "Mark as intentionally ignored…", output: merge("{}", "(e) => console.error(e)").replace("(e) => console.error(e)", "(e) => /* Intentionally ignored: <reason> */ console.error(e)") }] }],
      output: null,
    },
      {
      name: "neighbour: a flag that names a state, not the operation's outcome",
      code: reddit("consent"),
      filename: "apps/workers/notify.ts",
      findings: [{ case: "logAndContinue", line: 5, column: 5, endColumn: 18, suggestions: [ignored(reddit("consent"), "} catch (error) {\n", "    ")] }],
      output: null,
    },
    {
      name: "neighbour: a parse through an unknown helper",
      code: manifest("decodeManifest"),
      filename: "apps/mobile/lib/offlineLibrary.ts",
      findings: [{ case: "catchReturnsDefault", line: 8, column: 5, endColumn: 10, suggestions: [{ title: "Log the error with console", output: manifest("decodeManifest").replace("} catch {\n", '} catch (err) {\n    console.error("parseManifest failed", err);\n') }, ignored(manifest("decodeManifest"), "} catch {\n", "    ")] }],
      output: null,
    },
    {
      name: "neighbour: a Date built from a call",
      code: parseDate("new Date(normalize(date))"),
      filename: "apps/workers/crawler/crawl.ts",
      findings: [{ case: "catchReturnsDefault", line: 7, column: 5, endColumn: 10, suggestions: [{ title: "Log the error with console", output: parseDate("new Date(normalize(date))").replace("} catch {\n", '} catch (err) {\n    console.error("normalize failed in parseDate", err);\n') }, ignored(parseDate("new Date(normalize(date))"), "} catch {\n", "    ")] }],
      output: null,
    },
    {
      name: "neighbour: a loop bounded by a count is a retry",
      code: poller("for (let i = 0; i < 3; i++)"),
      filename: "apps/workers/importWorker.ts",
      findings: [{ case: "logAndContinue", line: 11, column: 9, endColumn: 22, suggestions: [ignored(poller("for (let i = 0; i < 3; i++)"), "} catch (error) {\n", "        ")] }],
      output: null,
    },
    {
      name: "neighbour: the flag is not read after",
      code: workers("0"),
      filename: "apps/workers/index.ts",
      findings: [{ case: "promiseCatchLogOnly", line: 4, column: 52, endLine: 7, endColumn: 6, suggestions: [ignored(workers("0"), "(err: unknown) => {\n", "      ")] }],
      output: null,
    },
    {
      name: "neighbour: the try reads through an unknown call",
      code: importTags("loadTags(raw)"),
      filename: "packages/shared/import-export/parsers.ts",
      findings: [{ case: "catchReturnsDefault", line: 11, column: 5, endColumn: 10, suggestions: [{ title: "Log the error with console", output: importTags("loadTags(raw)").replace("} catch {\n", '} catch (err) {\n    console.error("tagsOf failed", err);\n') }, ignored(importTags("loadTags(raw)"), "} catch {\n", "    ")] }],
      output: null,
    },
  ],
});
