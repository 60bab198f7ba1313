import unboundedCall from "../../../src/rules/unbounded-call/rule";
import { dedent, RuleTester } from "../../helpers/rule-tester";

// Held round 43 (retired to tune), session 40, developer ub40: Convex's functions folder runs on Convex's
// servers, also in an Expo or Vite app whose other folders are the client's. A price provider's helper in
// `convex/priceProviders/` with no import and no environment read of its own (its action hands it the
// configuration) was taken for the app's client code (canyonbryson/budgetmoney `convex/priceProviders/walmart.ts:135`,
// decided). Rows in TypeScript as in the repository, and hand-made in JavaScript under a Vite app.

const EXPO = { "package.json": '{ "name": "budget", "dependencies": { "expo": "~52.0.0", "react-native": "0.76.0", "convex": "^1.17.0" } }' };
const VITE = { "package.json": '{ "name": "board", "dependencies": { "react": "^18.3.0", "react-dom": "^18.3.0", "convex": "^1.17.0" }, "devDependencies": { "vite": "^5.4.0" } }' };
const EXPO_NO_CONVEX = { "package.json": '{ "name": "budget", "dependencies": { "expo": "~52.0.0", "react-native": "0.76.0" } }' };

const PROVIDER = dedent`
  export type LookupConfig = { baseUrl: string; apiKey?: string };

  export async function lookupPrice(query: string, config: LookupConfig) {
    const url = new URL("/search", config.baseUrl);
    url.searchParams.set("q", query);
    const response = await fetch(url, { headers: { Accept: "application/json" } });
    if (!response.ok) throw new Error(\`lookup failed: \${response.status}\`);
    return response.json();
  }
`;

const WEATHER = dedent`
  export async function forecast(city) {
    const res = await fetch("https://api.open-meteo.com/v1/forecast?city=" + encodeURIComponent(city));
    return res.json();
  }
`;

const ABORT = "Abort after 10000 ms with AbortSignal.timeout";

const callOnly = { ...unboundedCall, cases: { call: unboundedCall.cases.call } } as typeof unboundedCall;

new RuleTester().run(callOnly, {
  valid: [
    { name: "the Expo app's own screen helper stays the client's", code: PROVIDER, filename: "src/lib/prices.ts", files: EXPO },
    { name: "a folder named convex in a project without Convex", code: PROVIDER, filename: "convex/priceProviders/walmart.ts", files: EXPO_NO_CONVEX },
    { name: "Convex's generated client bindings", code: WEATHER, filename: "convex/_generated/helpers.js", files: VITE },
  ],
  invalid: [
    {
      name: "a provider helper in Convex's functions folder of an Expo app (round 43, budgetmoney)",
      code: PROVIDER,
      filename: "convex/priceProviders/walmart.ts",
      files: EXPO,
      findings: [{ case: "call", line: 6, column: 26, endColumn: 31, suggestions: [{ title: ABORT, output: PROVIDER.replace('Accept: "application/json" } }', 'Accept: "application/json" }, signal: AbortSignal.timeout(10000) }') }] }],
      output: null,
    },
    {
      name: "JavaScript (hand-made): a helper in convex/lib of a Vite app",
      code: WEATHER,
      filename: "convex/lib/weather.js",
      files: VITE,
      findings: [{ case: "call", line: 2, column: 21, endColumn: 26, suggestions: [{ title: ABORT, output: WEATHER.replace("encodeURIComponent(city))", "encodeURIComponent(city), { signal: AbortSignal.timeout(10000) })") }] }],
      output: null,
    },
  ],
});
