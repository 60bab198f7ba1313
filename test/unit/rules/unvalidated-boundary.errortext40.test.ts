import { dedent, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";
import { markedRow, runWithNamedCases } from "./unvalidated-boundary.helpers";

// Production uptime-kuma (session 39, prod39a), developer ub40 (session 40): a notification provider's reply read
// after axios rejected non-2xx statuses, whose fields only word the error thrown when the provider says the send
// failed: put into a template or a string concatenation, held in a local, handed to `new Error(text)` or to a
// method named to throw (`this.throwGeneralAxiosError(error)`). The thrown error says what came back; nothing of
// the reply goes on (`server/notification-providers/smsc.js:36`, `serwersms.js:38`, sampled false). Rows: the
// provider in CommonJS, a hand-made TypeScript fetch helper with a concatenation, and the text also returned (a use).

const PKG = { "package.json": '{ "name": "uptime", "dependencies": { "axios": "^1.7.0", "express": "^4.19.0" } }' };

const SMSC = dedent`
  const axios = require("axios");
  const NotificationProvider = require("./notification-provider");

  class SMSC extends NotificationProvider {
    async send(notification, msg) {
      try {
        let resp = await axios.get("https://smsc.kz/sys/send.php?fmt=3&phones=" + notification.smscToNumber, { timeout: 10000 });
        if (resp.data.id === undefined) {
          let error = \`Something gone wrong. Api returned code \${resp.data.error_code}: \${resp.data.error}\`;
          this.throwGeneralAxiosError(error);
        }
        return "Sent Successfully.";
      } catch (error) {
        this.throwGeneralAxiosError(error);
      }
    }
  }

  module.exports = SMSC;
`;

const FETCH_TS = (after: string) => dedent`
  export async function sendSms(to: string, text: string): Promise<string> {
    const res = await fetch("https://api.sms.example/v2/send", { method: "POST", body: JSON.stringify({ to, text }), signal: AbortSignal.timeout(10000) });
    if (!res.ok) throw new Error(\`send failed: \${res.status}\`);
    const data = await res.json();
    if (!data.success) {
      const message = "SMS API returned error " + data.error.code + " (" + data.error.type + ")";
      ${after}
    }
    return "sent";
  }
`;

const valid: ValidCase[] = [
  { name: "uptime-kuma: reply fields only in the text handed to throwGeneralAxiosError", code: SMSC, filename: "server/notification-providers/smsc.js", files: PKG },
  { name: "TypeScript (hand-made): a concatenation held in a const and thrown as new Error(message)", code: FETCH_TS("throw new Error(message);"), filename: "src/lib/sms.ts", files: PKG },
];

const invalid: InvalidCase[] = [
  markedRow("the text also returned to the caller: a use", FETCH_TS("if (to) return message;\n    throw new Error(message);"), "src/lib/sms.ts", PKG, "fetchJson", 4, 22, 32),
];

describe("unvalidated-boundary: a reply's fields only word the error thrown (production uptime-kuma)", () => {
  runWithNamedCases(valid, invalid);
});
