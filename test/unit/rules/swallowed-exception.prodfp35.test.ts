import swallowedException from "../../../src/rules/swallowed-exception/rule";
import { dedent, RuleTester } from "../../helpers/rule-tester";

// Session 35, developer prodfp35 (issue 11; false positives still reported on production homarr,
// hedgedoc and OpenPanel's samples; hand-written analogues, no fetched code): a rendering of the
// input the try only normalises with constant arguments, the raw input assigned where the try
// assigns a field or a text rendering of its conversion, and a comment saying the failure never
// fails the surrounding work.
// This table declares only the cases its invalid rows name.
const named = new Set(["logAndContinue", "catchReturnsDefault", "promiseCatchNoop", "promiseCatchLogOnly"]);
const narrowed = { ...swallowedException, cases: Object.fromEntries(Object.entries(swallowedException.cases).filter(([id]) => named.has(id))) } as typeof swallowedException;

// Suggestions of a catch: mark it, or log `line` at `head`, each at `indent`.
const mark = (code: string, head: string, indent: string) => ({ title: "Mark as intentionally ignored…", output: code.replace(head, `${head}\n${indent}// Intentionally ignored: <reason>`) });
// A bare `catch {` gets its binding `err` with the log line.
const logBare = (code: string, indent: string, line: string) => ({ title: "Log the error with console", output: code.replace("} catch {", `} catch (err) {\n${indent}${line}`) });
const rethrow = (code: string, log: string, indent: string, err: string) => ({ title: "Rethrow the error", output: code.replace(log, `${log}\n${indent}throw ${err};`) });

// 1. A display normaliser of the first URL of a list; `rendering` is what the try answers.
const cleanFqdn = (rendering: string): string => dedent`
  export function cleanFqdn(fqdn: string | undefined | null): string | undefined {
    if (!fqdn) return undefined;
    const firstUrl = fqdn.split(",")[0]?.trim();
    if (!firstUrl) return undefined;
    try {
      const url = new URL(firstUrl);
      return ${rendering};
    } catch {
      return firstUrl;
    }
  }
`;
const trimmed = cleanFqdn('`${url.protocol}//${url.host}${url.pathname}`.replace(/\\/$/, "")');
const sliced = cleanFqdn("`${url.protocol}//${url.host}${url.pathname}`.slice(0, 40)");
// The same in an Express helper's style: a host key lower-cased.
const hostKey = dedent`
  function hostKey(raw) {
    try {
      const u = new URL(raw);
      return \`\${u.hostname}\${u.pathname}\`.toLowerCase().trim();
    } catch (err) {
      return raw;
    }
  }
  module.exports = { hostKey };
`;

// 2. A link rewriter of a markdown renderer's node; `resolved` is what the try assigns.
const anchor = (resolved: string): string => dedent`
  export class AnchorPreprocessor {
    constructor(private readonly baseUrl: string) {}
    process(node: { attribs: Record<string, string> }): void {
      const url = node.attribs.href;
      if (!url) return;
      try {
        node.attribs.href = ${resolved};
      } catch {
        node.attribs.href = url;
      }
    }
  }
`;
const resolvedHref = anchor("new URL(url, this.baseUrl).toString()");
const queryParam = anchor('new URL(url, this.baseUrl).searchParams.get("to")');
// The same in a Svelte action's style: a DOM link's href made absolute.
const absolutise = dedent`
  export function absolute(link: HTMLAnchorElement, raw: string) {
    try {
      link.href = new URL(raw, window.location.origin).href;
    } catch (e) {
      link.href = raw;
    }
  }
`;

// 3. A job whose enrichment step after the main work is logged; `comment` is right above its try.
const insights = (comment: string): string => dedent`
  export async function insightsDailyJob(projectId: string) {
    await engine.runProject({ projectId, cadence: "daily" });
    // ${comment}
    try {
      await enrichProjectInsights(projectId);
    } catch (err) {
      logger.error({ err, projectId }, "Insight enrichment failed");
    }
  }
`;
const isolated = insights("Isolated so a provider outage or rate-limit never fails the insights computation.");
const claim = insights("This call never fails.");
const blocksCaller = insights("Enrichment should never block the caller.");
// The same in a NestJS service: a webhook after the order is stored.
const orderHook = dedent`
  @Injectable()
  export class OrdersService {
    async place(order: Order) {
      await this.repo.save(order);
      // A slow or broken partner endpoint never breaks the checkout.
      try {
        await this.partner.notify(order.id);
      } catch (error) {
        this.logger.warn("partner notify failed", error);
      }
      return order;
    }
  }
`;

// 4. An API request builder whose private method reads a failed response's error body; `after` follows the failure branch.
const requestBuilder = (after: string): string => dedent`
  export class ApiRequestBuilder {
    async send(url: string): Promise<Response> {
      const response = await fetch(url);
      if (response.status >= 400) {
        const backendError = await this.readApiErrorResponseFromBody(response);
        throw new ApiError(response.status, backendError?.name, backendError?.message);
      }${after}
      return response;
    }
    private async readApiErrorResponseFromBody(response: Response): Promise<ApiErrorResponse | undefined> {
      return response.json().catch(() => undefined) as Promise<ApiErrorResponse | undefined>;
    }
  }
`;
const failedOnly = requestBuilder("");
const successToo = requestBuilder("\n    const meta = await this.readApiErrorResponseFromBody(response);\n    console.log(meta);");
const noopHandler = "response.json().catch(() => undefined)";
const successTooRethrow = successToo.replace(noopHandler, 'response.json().catch((err) => {\n      console.error("response.json failed in ApiRequestBuilder.readApiErrorResponseFromBody", err);\n      throw err;\n    })');
const successTooMark = successToo.replace(noopHandler, "response.json().catch(() => /* Intentionally ignored: <reason> */ undefined)");
const successTooLogged = successToo.replace(noopHandler, 'response.json().catch((err) => {\n      console.error("response.json failed in ApiRequestBuilder.readApiErrorResponseFromBody", err);\n      return undefined;\n    })');
// The same with a JavaScript private method in a plain client.
const jsClient = dedent`
  export class Client {
    async get(path) {
      const res = await fetch(this.base + path);
      if (!res.ok) throw new Error((await this.#errorText(res)) ?? res.statusText);
      return res.json();
    }
    async #errorText(res) {
      return res.text().catch(() => null);
    }
  }
`;

// Neighbour: the method is public (other modules may call it), the handler logs.
const publicErrorText = jsClient.replace(/#errorText/g, "errorText").replace("res.text().catch(() => null)", "res.text().catch((e) => console.warn(e))");

// 5. An end-to-end script whose entry's handler hands the failure to a helper that exits; `code` is its argument.
const e2e = (code: string): string => dedent`
  async function shutdown(failed: number): Promise<never> {
    await redis.quit();
    process.exit(failed ? 1 : 0);
  }
  async function main() {
    await preflight();
    await scenarioSingleSession();
    await shutdown(0);
  }
  main().catch(async (error) => {
    console.error("FATAL:", error);
    await shutdown(${code});
  });
`;
const exitsOne = e2e("1");
const exitsZero = e2e("0");
// The same with the helper imported from a module of the project, in plain JavaScript.
const e2eImported = dedent`
  import { bail } from "./lib";
  run().catch((err) => {
    console.error(err);
    bail();
  });
`;
const libWithBail = dedent`
  export const bail = () => {
    console.error("aborting");
    process.exit(2);
  };
`;

new RuleTester().run(narrowed, {
  valid: [
    { name: "a URL's parts joined and its trailing slash cut, the raw URL answered when it does not parse", code: trimmed },
    { name: "an Express helper's host key lower-cased and trimmed, the raw value answered", code: hostKey, filename: "lib/host.js" },
    { name: "a node's href resolved against the base, the href kept as written when it does not parse", code: resolvedHref },
    { name: "a Svelte action's link made absolute through the parse's href, kept as given otherwise", code: absolutise, filename: "src/lib/absolute.ts" },
    { name: "a comment saying a provider outage never fails the computation", code: isolated },
    { name: "a NestJS service whose comment says a broken partner never breaks the checkout", code: orderHook },
    { name: "a script's entry handler that hands the failure to a helper ending with process.exit", code: exitsOne, filename: "e2e/session-e2e.ts" },
    { name: "the same helper imported from the project's own module", code: e2eImported, filename: "scripts/run.js", files: { "scripts/lib.js": libWithBail } },
    { name: "a private method reading the error body of a response its only caller tested failed", code: failedOnly },
    { name: "a JavaScript private method reading a failed response's text for the error thrown", code: jsClient, filename: "src/client.js" },
  ],
  invalid: [
    { name: "neighbour: a part of the rendering cut (not a spelling normaliser)", code: sliced, findings: [{ case: "catchReturnsDefault", line: 8, column: 5, endColumn: 10, suggestions: [logBare(sliced, "    ", 'console.error("slice failed in cleanFqdn", err);'), mark(sliced, "} catch {", "    ")] }], output: null },
    { name: "neighbour: a query parameter of the parse assigned, not the input written out", code: queryParam, findings: [{ case: "catchReturnsDefault", line: 8, column: 7, endColumn: 12, suggestions: [logBare(queryParam, "      ", 'console.error("get failed in AnchorPreprocessor.process", err);'), mark(queryParam, "} catch {", "      ")] }], output: null },
    { name: "neighbour: a comment that says only that nobody waits (never blocks the caller)", code: blocksCaller, findings: [{ case: "logAndContinue", line: 6, column: 5, endColumn: 16, suggestions: [rethrow(blocksCaller, '"Insight enrichment failed");', "    ", "err"), mark(blocksCaller, "} catch (err) {", "    ")] }], output: null },
    { name: "neighbour: a comment that only claims the call never fails", code: claim, findings: [{ case: "logAndContinue", line: 6, column: 5, endColumn: 16, suggestions: [rethrow(claim, '"Insight enrichment failed");', "    ", "err"), mark(claim, "} catch (err) {", "    ")] }], output: null },
    { name: "neighbour: the private method also reads a response that did not fail", code: successToo, findings: [{ case: "promiseCatchNoop", line: 13, column: 34, endColumn: 49, suggestions: [{ title: "Rethrow in the handler after logging", output: successTooRethrow }, { title: "Mark as intentionally ignored…", output: successTooMark }] }], output: successTooLogged },
    { name: "neighbour: a public method (callable from elsewhere) whose handler only logs", code: publicErrorText, filename: "src/client.js", findings: [{ case: "promiseCatchLogOnly", line: 8, column: 29, endColumn: 51, suggestions: [{ title: "Mark as intentionally ignored…", output: publicErrorText.replace("catch((e) => console.warn(e))", "catch((e) => /* Intentionally ignored: <reason> */ console.warn(e))") }] }], output: null },
    { name: "neighbour: the helper called with a literal 0 (the script exits 0)", code: exitsZero, filename: "e2e/session-e2e.ts", findings: [{ case: "promiseCatchLogOnly", line: 10, column: 14, endLine: 13, endColumn: 2, suggestions: [{ title: "Set process.exitCode after logging", output: exitsZero.replace("  await shutdown(0);\n});", "  await shutdown(0);\n  process.exitCode = 1;\n});") }, { title: "Mark as intentionally ignored…", output: exitsZero.replace("main().catch(async (error) => {\n", "main().catch(async (error) => {\n  // Intentionally ignored: <reason>\n") }] }], output: null },
  ],
});
