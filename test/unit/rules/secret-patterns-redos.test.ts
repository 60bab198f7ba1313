import * as assert from "node:assert/strict";
import { analyze } from "../../../src/engine/analyze";
import { normalize } from "../../../src/engine/config/load";
import { MemoryProjectHost } from "../../../src/engine/project-host";
import { connectionString, scanValue } from "../../../src/rules/hardcoded-secret/context";
import { isNonSecretValue, isPlaceholder, isSecretName, looksRandom, toEnvName } from "../../../src/rules/hardcoded-secret/names";
import * as patterns from "../../../src/rules/hardcoded-secret/patterns";
import rule from "../../../src/rules/hardcoded-secret/rule";

/**
 * ReDoS guard: every pattern and the whole rule get 1 MB near-miss strings. The time guard only
 * catches catastrophic backtracking (a linear pattern finishes 100x faster); timing itself is
 * measured in bench/, never asserted here.
 */
const MB = 1 << 20;
const GUARD_MS = 2000;

function fill(unit: string, size = MB): string {
  return unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
}

function guarded(label: string, fn: () => unknown): void {
  const t0 = performance.now();
  fn();
  const ms = performance.now() - t0;
  assert.ok(ms < GUARD_MS, `${label} took ${ms.toFixed(0)} ms on 1 MB: catastrophic backtracking?`);
}

// One fabricated sample per provider: adversarial inputs are cut and repeated from it.
const SAMPLES: Record<string, string> = {
  awsAccessKeyId: "AKIAB6E3HSZ5PUPF4CDJ",
  githubToken: "ghp_oiqPgUdyOt78Rtv1nAkD8f5HDXNfnLaCQi5X",
  githubFineGrainedPat: "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",
  gitlabToken: "glpat-I5ZUJiDkClglpFIRmkJP",
  slackToken: "xoxb-962635140461-2914413012048-DBwC7ZdCoLFw2QZPcUmf0Ai1",
  slackAppToken: "xapp-1-A05R7KQ3M2N-8419276530418-9c2e7f1a5b3d8e6f0a4c7b2e9d1f5a3c8e6b0d4f7a2c9e5b1d3f8a6c0e4b7d2f9a",
  slackWebhook: "https://hooks.slack.com/services/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",
  stripeSecretKey: "sk_live_ZoDMOsPrQ4b94QnuRYSbd38o",
  stripeRestrictedKey: "rk_live_2EY4LhOTuWOOVC3MZGmR9FXl",
  stripeTestKey: "sk_test_d1ClkQhdQSaQZkxjXEjYD3uO",
  stripeWebhookSecret: "whsec_2eleSuQv1TH7snWqMrGYv8VuCaXrKn3M",
  googleApiKey: "AIzaZ4kKVwbxQf_V1VBwZf-ry_te37NrNM-qrrz",
  anthropicApiKey: "sk-ant-api03-UtglSHgaRkmy5otlkYMpOfoaTzJFRpIH0M1c0kbcR45d4-XtFap0Nt-NL4oE_HIVKDA2D_8VDnb0DaE4XXNmnC3K4JhKJAA",
  mapboxSecretToken: "sk.eyJNsWPYp2FtciFobOK6Uh5VPiFJ0l60egNf1uMY7d7.P_3FS-X4NotkyFSfJxeBwx",
  openrouterApiKey: "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",
  xaiApiKey: "xai-Q7mZr2KdW9pLx4Tn8VbY3cHs6JfA1gUe5RkN0oPq2DwM7tXz9LvB4hCy8SjG3aFn6KuE1iRp5ZmT0wQd7YbVx2",
  perplexityApiKey: "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",
  replicateApiToken: "r8_Wq3XNvZsCpT7r1gKQABpB3NJvdRm21nb2s7HV",
  openaiApiKey: "sk-proj-IrPmJhh-xLT9au0gvoZpV7hgkRFKXB_bA3CNLlvJkRZnkr0z",
  sendgridApiKey: "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",
  twilioApiKey: "SKf8f1bfb7df0a7c7efa19bca9b91e7c3f",
  npmToken: "npm_b4ONB8yRPUo4UjzSBsO6lVAJjDFoiTwJQsL3",
  discordWebhook: "https://discord.com/api/webhooks/994140962533924942/uZJBN-uRpRKB0Z99_PiHdr6I49Cq1csfNoT1ns0-VTG7f_d6POghE0fl4aB5v-vByKXl",
  hubspotToken: "pat-na1-26e0e3d6-a77e-816d-db3c-63932ec6af24",
  resendApiKey: "re_a8F04jis_GTZuTRXqIQ2meFUwKR2BbdkD",
  shopifyToken: "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",
  huggingfaceToken: "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",
  mailgunApiKey: "key-6f93dbeb5af13ea160d39e302e789e5b",
  squareToken: "sq0atp-ZHokfoNLFvUGdqoCRZGkgZ",
  linearApiKey: "lin_api_CG059soUgllKxXO6Z83JE5KZTEPic45ZyLkXAEd9",
  pypiToken: "pypi-AgEIcHlwaS5vcmcCJGI0ZDk3ZTBlLTk1YjctNDQ3ZC1iZjBiLWFhNGQ2N2RmYzEyYQACKlszLCJhNjE",
  digitaloceanToken: "dop_v1_f80d51cd08d133ad5b760ed09f819e2082a0ff3ed7c052d9d28849c980999b26",
  groqApiKey: "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",
  databricksToken: "dapic96c024b43cd91e414f62196c34be387",
  exchangerateApiKey: "https://v6.exchangerate-api.com/v6/3f9c2e71ab04d58e6c1b97a2",
  telegramBotUrlToken: "https://api.telegram.org/bot7301948265:AAGq4RkZ8vW2mNp6XcT1yB9sHd3LfJ5eUoQ/getMe",
};

/** Near-miss strings built from a sample: cut tokens back to back, bare prefixes, prefix + endless body. */
function adversarial(sample: string): Record<string, string> {
  const cut = sample.slice(0, -1);
  const prefix = sample.slice(0, Math.max(3, sample.search(/[0-9]/) > 0 ? Math.min(sample.search(/[0-9]/), 12) : 6));
  return {
    "cut tokens back to back": fill(cut),
    "cut tokens with a bad char": fill(`${cut}!`),
    "bare prefixes": fill(prefix),
    "prefix then endless body": prefix + fill(sample.slice(prefix.length, prefix.length + 1) || "A", MB - prefix.length),
    "prefix then endless mixed body": prefix + fill("aZ9_-.", MB - prefix.length),
  };
}

describe("hardcoded-secret: patterns are linear on 1 MB near-miss strings", function () {
  this.timeout(120_000);

  it("every provider has a sample that its pattern matches", () => {
    for (const p of patterns.PROVIDERS) {
      const sample = SAMPLES[p.id];
      assert.ok(sample, `no ReDoS sample for provider ${p.id}`);
      p.body.lastIndex = 0;
      assert.ok(p.body.test(sample), `${p.id}: its own sample does not match`);
      const found = patterns.findProviderToken(` ${sample} `);
      assert.equal(found?.provider.id, p.id, `${p.id}: the combined prefix scan finds ${found?.provider.id}`);
    }
  });

  for (const p of patterns.PROVIDERS) {
    it(`${p.id}: body pattern and combined scan`, () => {
      for (const [kind, input] of Object.entries(adversarial(SAMPLES[p.id]!))) {
        guarded(`${p.id} body (${kind})`, () => {
          // The sticky body runs where a prefix matched: try it at every 4096th offset, plus 0.
          for (let at = 0; at < input.length; at += 4096) {
            p.body.lastIndex = at;
            p.body.exec(input);
          }
        });
        guarded(`${p.id} findProviderToken (${kind})`, () => patterns.findProviderToken(input));
        guarded(`${p.id} scanValue (${kind})`, () => scanValue(input, false));
      }
    });
  }

  it("shape patterns, PEM and connection strings", () => {
    const inputs = {
      discord: fill("MTA0NzY3OTg4NjQ1ODY3Mzk5Mg.G"),
      telegram: fill("1234567890:AA"),
      aws: fill("wJalrXUtnFEMI/K7MDENG/bPxRfiCY"),
      twilio: fill("0a1b2c3d4e5f"),
      pem: fill("-----BEGIN RSA PRIVATE KEY-----"),
      pemBody: `-----BEGIN PRIVATE KEY-----${fill("A=", MB - 27)}`,
      conn: fill("postgres://a:b"),
      connAt: `postgres://${fill("a:b@", MB - 11)}`,
      connNoHost: `mongodb+srv://user:${fill("p", MB - 19)}`,
      bearer: `Bearer ${fill("a", MB - 7)}`,
      basic: `Basic ${fill("YWRtaW46", MB - 6)}`,
    };
    for (const [name, input] of Object.entries(inputs)) {
      for (const re of [patterns.DISCORD_BOT_TOKEN_RE, patterns.TELEGRAM_BOT_TOKEN_RE, patterns.AWS_SECRET_ACCESS_KEY_RE, patterns.TWILIO_AUTH_TOKEN_RE, patterns.PEM_PRIVATE_KEY_HEADER_RE, patterns.PEM_BODY_RE]) {
        guarded(`${re.source.slice(0, 20)} on ${name}`, () => re.test(input));
      }
      guarded(`scanValue on ${name}`, () => scanValue(input, false));
      guarded(`connectionString on ${name}`, () => input.indexOf("://") > 0 && connectionString(input, input.indexOf("://"), true));
    }
  });

  it("name and value heuristics", () => {
    for (const input of [fill("password"), fill("your_"), fill("x-"), fill("${"), fill("Ab1"), fill("sha256-"), fill("$2b$"), fill("a.b"), fill("A_B"), fill("12"), fill("<a")]) {
      guarded("isSecretName", () => isSecretName(input));
      guarded("isPlaceholder", () => isPlaceholder(input));
      guarded("isNonSecretValue", () => isNonSecretValue(input));
      guarded("looksRandom", () => looksRandom(input));
      guarded("toEnvName", () => toEnvName(input.slice(0, 4096)));
    }
  });

  it("the whole rule on 1 MB literals, templates and comments", () => {
    const host = new MemoryProjectHost(new Map([["/project/package.json", "{}"]]));
    const config = normalize({} as never, "/project", [rule]);
    const bodies = [
      `const password = "${fill("sk_live_sk_live_")}";`,
      `const token = \`${fill("ghp_ghp_")}\${x}${fill("xoxb-1")}\`;`,
      `// ${fill("AKIAAKIA ")}\nconst a = 1;`,
      `/* ${fill("-----BEGIN PRIVATE KEY-----")} */`,
      `const url = "${fill("postgres://u:p@")}";`,
      `const auth = { Authorization: "Bearer ${fill("ab")}" };`,
      `const s = process.env.API_SECRET || "${fill("changeme")}";`,
      `${fill("// sk-proj-\n")}`,
      // Strings that hold many secrets or many near-misses: query parameters, connection strings, tokens.
      `const url = "https://api.acme.io/v1?${fill("token&")}";`,
      `const url = "https://api.acme.io/v1?${fill("api_key=Zq8pL2vWk3R9tY6u&")}";`,
      `const url = "${fill("x://")}@";`,
      `const url = "${fill("postgres://u:p@h/")}";`,
      `const s = "${fill("ghp_oiqPgUdyOt78Rtv1nAkD8f5HDXNfnLaCQi5X ")}";`,
      // Cookie strings and jars: many pairs, many separators, many rotated companions.
      `const c = "${fill("SID=Xq7LmZ2pR9tKw4Vb8N; ")}";`,
      `const c = "${fill(";  ")}SID=";`,
      `const jar = [${fill('{ name: "SIDCC", value: "Xq7LmZ2pR9tKw4Vb8N" },')}];`,
    ];
    // 10,000 short lines keep the average line short, so the engine's minified-file gate lets a 1 MB line through.
    const padding = "\n".repeat(10_000);
    for (const body of bodies) {
      const text = body + padding;
      guarded(`rule on ${text.slice(0, 30)}…`, () => {
        const r = analyze({ path: "/project/src/big.ts", text, config: { ...config, maxFileSizeKb: 4096 }, project: host, rules: [rule], fixes: false });
        assert.deepEqual(r.problems.filter((p) => p.kind === "ruleCrash"), []);
        assert.ok(r.analyzed, `the engine skipped the input: ${r.problems.map((p) => p.message).join("; ")}`);
      });
    }
  });
});
