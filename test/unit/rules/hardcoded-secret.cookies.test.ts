import rule from "../../../src/rules/hardcoded-secret/rule";
import { dedent, RuleTester, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";

// Held round 25 (issue 11), retired: a browser's signed-in session committed as cookies, for a
// downloader or a scraper (ytdl-core's cookie jar, puppeteer and playwright cookie objects, a
// `Cookie` header, an Express `res.cookie`). Session cookies are findings, one per value; the
// cookies a provider rotates beside them only in the same jar; preference, consent and
// analytics cookies never. Hand-written analogues; every value is fabricated.

const SID = "g.a000Xq7LmZ2pR9tKw4Vb8NcJ3hYs6Fd1Gu5Ae0Oi_Ty-Pn4Rm8Lk2Hj7Wq";
const HSID = "AQx7Lm-Zp2RtKw4Vb";
const SIDCC = "AKEyXzQp7Lm2Rt9Kw4Vb8NcJ3hYs6Fd1Gu5Ae0OiTy";
const LI_AT = "AQEDAR7xZp2RmK9tW4vB8nC3jH6yS1dFGu5Ae0OiTyPn4Rm8Lk2Hj7Wq";
const CONNECT = "s%3AqL7xZp2RmK9tW4vB8nC3jH6yS1dF.Gu5Ae0OiTyPn4Rm8Lk2Hj7Wq";

const JAR = dedent`
  const ytdl = require("@distube/ytdl-core");
  export const agent = ytdl.createAgent([
    { domain: ".youtube.com", name: "SID", value: "${SID}" },
    { domain: ".youtube.com", name: "PREF", value: "f7=4100&tz=Europe.Berlin" },
    { domain: ".youtube.com", name: "SIDCC", value: "${SIDCC}" },
  ]);
`;
const HEADER = `export const headers = { Cookie: "li_at=${LI_AT}; lang=v=2&lang=en-us" };`;
const TWO = `export const cookie = "SID=${SID}; HSID=${HSID}";`;
const EXPRESS = dedent`
  import type { Response } from "express";
  export const impersonate = (res: Response) => res.cookie("connect.sid", "${CONNECT}");
`;

const valid: (string | ValidCase)[] = [
  // Preference, consent and analytics cookies: not credentials, whatever their values look like.
  'export const jar = [{ name: "PREF", value: "f6=40000000&tz=America.Sao_Paulo" }, { name: "CONSENT", value: "YES+cb.20210328-17-p0.en+FX+917" }, { name: "VISITOR_INFO1_LIVE", value: "Xq7LmZ2pR9tKw4Vb8NcJ" }, { name: "_ga", value: "GA1.1.1234567890.1700000000" }];',
  'export const headers = { cookie: "NID=511=Xq7LmZ2pR9tKw4Vb8NcJ3hYs6Fd1Gu5Ae0Oi; CONSENT=YES+1" };',
  // Empty, elided and typed values: the jar's shape, not a session.
  'export const jar = [{ name: "SID", value: "" }, { name: "__Secure-3PSID", value: "g.a000...0076" }, { name: "LOGIN_INFO", value: "account-secret" }];',
  'export const headers = { Cookie: "sessionid=synthetic-preflight-cookie; csrftoken=c" };',
  // Read from the environment.
  'export const jar = [{ name: "__Secure-1PSID", value: process.env.YT_1PSID ?? "" }];',
  // A rotated companion alone opens no session.
  `export const jar = [{ name: "SIDCC", value: "${SIDCC}" }];`,
  // A session of a local instance (an end-to-end run's login).
  `export const jar = [{ name: "sessionid", value: "${LI_AT}", domain: "localhost" }];`,
];

const span = (code: string, needle: string) => {
  const i = code.indexOf(needle);
  const col = i - code.lastIndexOf("\n", i - 1);
  return { line: code.slice(0, i).split("\n").length, column: col, endColumn: col + needle.length };
};
const mark = (code: string, line: number) => {
  const lines = code.split("\n");
  const indent = /^\s*/.exec(lines[line - 1]!)![0];
  lines.splice(line - 1, 0, `${indent}// hardening-hints-ignore-next-line hardcoded-secret/sessionCookie -- <reason>`);
  return lines.join("\n");
};
const thrown = (env: string) => `process.env.${env} ?? (() => { throw new Error("${env} is not set"); })()`;

/** A sessionCookie finding on `needle` (line `line` of `code`) whose move suggestion gives `moved`. */
const cookieAt = (code: string, needle: string, line: number, title: string, moved: string) => ({
  case: "sessionCookie",
  ...span(code, needle),
  suggestions: [{ title, output: moved }, { title: "Mark as not a secret…", output: mark(code, line) }],
});
const TWO_MOVED = `export const cookie = \`SID=\${${thrown("GOOGLE_SID")}}; HSID=\${${thrown("GOOGLE_HSID")}}\`;`;
const TWO_TITLE = "Move secrets to process.env.GOOGLE_SID and process.env.GOOGLE_HSID";

const invalid: InvalidCase[] = [
  {
    name: "a cookie jar's session cookie and its rotated companion, not its preferences",
    code: JAR,
    findings: [
      cookieAt(JAR, `"${SID}"`, 3, "Move secret to process.env.YOUTUBE_SID", JAR.replace(`"${SID}"`, thrown("YOUTUBE_SID"))),
      cookieAt(JAR, `"${SIDCC}"`, 5, "Move secret to process.env.YOUTUBE_SIDCC", JAR.replace(`"${SIDCC}"`, thrown("YOUTUBE_SIDCC"))),
    ],
    output: null,
  },
  {
    name: "a Cookie header's session cookie moves, the other cookies stay",
    code: HEADER,
    findings: [
      cookieAt(HEADER, `"li_at=${LI_AT}; lang=v=2&lang=en-us"`, 1, "Move secret to process.env.LINKEDIN_LI_AT", `export const headers = { Cookie: \`li_at=\${${thrown("LINKEDIN_LI_AT")}}; lang=v=2&lang=en-us\` };`),
    ],
    output: null,
  },
  {
    name: "two session cookies in one string: one finding each, both move together",
    code: TWO,
    findings: [cookieAt(TWO, SID, 1, TWO_TITLE, TWO_MOVED), cookieAt(TWO, HSID, 1, TWO_TITLE, TWO_MOVED)],
    output: null,
  },
  {
    name: "a session cookie set by name",
    code: EXPRESS,
    findings: [cookieAt(EXPRESS, `"${CONNECT}"`, 2, "Move secret to process.env.CONNECT_SID_COOKIE", EXPRESS.replace(`"${CONNECT}"`, thrown("CONNECT_SID_COOKIE")))],
    output: null,
  },
];

const named = new Set(invalid.flatMap((r) => r.findings.map((f) => f.case)));
const narrowed = { ...rule, cases: Object.fromEntries(Object.entries(rule.cases).filter(([id]) => named.has(id))) } as typeof rule;
new RuleTester().run(narrowed, { valid, invalid });
