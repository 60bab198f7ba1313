import swallowedException from "../../../src/rules/swallowed-exception/rule";
import { dedent, RuleTester } from "../../helpers/rule-tester";

// Session 39, developer prods39: production Spacebar's src/util/Signing.ts:54. A try that starts by parsing a URL
// into a const and then only computes, whose catch throws a new error saying the input is not valid (held round 35's
// rule), with the message built by `+` (`"Invalid URL provided for signing: " + this.url`) rather than a template: the
// strings of the chain are read as a template's text is. A chain that does not say the input is invalid stays reported.
const named = new Set(["rethrowWithoutCause"]);
const narrowed = { ...swallowedException, cases: Object.fromEntries(Object.entries(swallowedException.cases).filter(([id]) => named.has(id))) } as typeof swallowedException;

const signing = dedent`
  export class UrlSignature {
    path?: string;
    url?: string;
    constructor(data: { path?: string; url?: string }) {
      this.path = data.path;
      this.url = data.url;
      if (this.url) {
        try {
          const parsedUrl = new URL(this.url);
          this.path = parsedUrl.pathname;
        } catch (e) {
          throw new Error("Invalid URL provided for signing: " + this.url);
        }
      }
    }
  }
`;

const webhook = dedent`
  function webhookHost(raw) {
    try {
      const host = new URL(raw).host;
      return host.toLowerCase();
    } catch (err) {
      throw new TypeError("webhook " + raw + " is not valid");
    }
  }
  module.exports = { webhookHost };
`;

const notSaid = webhook.replace('"webhook " + raw + " is not valid"', '"could not read webhook " + raw');

new RuleTester().run(narrowed, {
  valid: [
    { name: "Spacebar: a constructor parses the URL into a const, keeps its path, and throws 'Invalid URL …' + the value", code: signing, filename: "src/util/Signing.ts" },
    { name: "JavaScript: a host read from the parse, and a '+' message saying the value is not valid", code: webhook, filename: "lib/webhook.js" },
  ],
  invalid: [
    { name: "a '+' message that does not say the input is invalid", code: notSaid, filename: "lib/webhook.js", findings: [{ case: "rethrowWithoutCause", line: 5, column: 5, endColumn: 16, suggestions: [] }], output: notSaid.replace("\" + raw);", "\" + raw, { cause: err });") },
  ],
});
