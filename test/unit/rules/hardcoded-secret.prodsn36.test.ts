import rule from "../../../src/rules/hardcoded-secret/rule";
import { dedent, RuleTester, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";

// Session 36, developer prodsn36: production standardnotes/server's sampled false finding (eval/production,
// seed 20261360). A spec checks its HOTP code against RFC 4226's published test vectors, whose secret is
// the ASCII digits "1234567890" repeated (base32 `GEZDGNBVGY3TQOJQ…`; RFC 6238's SHA-256 and SHA-512
// seeds are the same digits to 32 and 64 bytes, and libraries write them in hex too). Hand-written
// analogues. This table declares only the case its rows name.
const narrowed = { ...rule, cases: { suspiciousName: rule.cases.suspiciousName } } as typeof rule;

const jestSpec = dedent`
  it("matches the HOTP test vectors", async () => {
    const secret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
    expect(await hotp(secret, 0)).toBe("755224");
  });
`;

// Another style: a node:test suite of a TOTP module with the RFC 6238 SHA-256 seed, base32 padded, and the hex SHA-1 seed.
const nodeTest = dedent`
  import { test } from "node:test";
  const SHA256_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZA====";
  const hexSecret = "3132333435363738393031323334353637383930";
  test("totp sha256", () => assert.equal(totp(SHA256_SECRET, 59, "sha256"), "46119246"));
  test("hotp hex", () => assert.equal(hotpHex(hexSecret, 1), "287082"));
`;

// A base32 secret that starts like the seed but is some other key.
const otherSecret = 'const secret = "GEZDGNBVGY3TQOJQKRSXG5CTMVRXEZLU";';

const valid: ValidCase[] = [
  { name: "RFC 4226's base32 test secret in a jest spec", code: jestSpec, filename: "packages/crypto/src/Crypto.spec.ts" },
  { name: "another style: RFC 6238's padded SHA-256 seed and the hex SHA-1 seed in a node:test suite", code: nodeTest, filename: "test/totp.test.ts" },
  { name: "the seed in product code too (a self-test at start-up)", code: 'const OTP_SELF_TEST_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";', filename: "src/otp/self-test.ts" },
];

const invalid: InvalidCase[] = [
  {
    name: "neighbour: a base32 secret that only starts like the seed",
    code: otherSecret,
    filename: "src/otp/config.ts",
    findings: [
      {
        case: "suspiciousName",
        line: 1,
        column: 16,
        endColumn: 50,
        suggestions: [
          { title: "Move secret to process.env.SECRET", output: 'const secret = process.env.SECRET ?? (() => { throw new Error("SECRET is not set"); })();' },
          { title: "Mark as not a secret…", output: `// hardening-hints-ignore-next-line hardcoded-secret/suspiciousName -- <reason>\n${otherSecret}` },
        ],
      },
    ],
    output: null,
  },
];

new RuleTester().run(narrowed, { valid, invalid });
