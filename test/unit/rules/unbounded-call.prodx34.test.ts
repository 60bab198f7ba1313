import unboundedCall from "../../../src/rules/unbounded-call/rule";
import { dedent, RuleTester } from "../../helpers/rule-tester";

// Session 34, developer prodx34 (production homarr's sampled false finding: a capped loop over the parts of
// one SSE answer read through getReader(), reported as a retry; hand-written analogues, no fetched code).
// This table declares only the case its invalid row names.
const narrowed = { ...unboundedCall, cases: { retry: unboundedCall.cases.retry } } as typeof unboundedCall;

// A metrics stream whose first sample is read part by part, at most ten parts.
const sseSample = dedent`
  export async function firstSample(url: string) {
    const res = await fetch(url, { signal: AbortSignal.timeout(10_000) });
    const reader = res.body!.getReader();
    let turns = 0;
    try {
      while (turns < 10) {
        turns++;
        const part = await reader.read();
        if (part.done) break;
        const text = new TextDecoder().decode(part.value);
        if (text.startsWith("data:")) return JSON.parse(text.slice(5));
      }
      throw new Error("no sample");
    } finally {
      await reader.cancel();
    }
  }
`;

// Another shape: a blob's stream read in a counted for loop, left when the stream ends.
const blobHead = dedent`
  export async function sniff(upload: Blob) {
    const stream = upload.stream().getReader();
    const head: Uint8Array[] = [];
    for (let i = 0; i < 4; i++) {
      const chunk = await stream.read();
      if (chunk.done) return head;
      head.push(chunk.value);
    }
    return head;
  }
`;

// The neighbour: each turn asks the server again, then reads the answer's first part.
const refetched = dedent`
  export async function firstSample(url: string) {
    let turns = 0;
    while (turns < 10) {
      turns++;
      const res = await fetch(url, { signal: AbortSignal.timeout(10_000) });
      const reader = res.body!.getReader();
      const part = await reader.read();
      if (part.done) break;
    }
  }
`;

new RuleTester().run(narrowed, {
  valid: [
    { name: "a capped loop over the parts of one SSE answer read through getReader()", code: sseSample },
    { name: "another shape: a blob's stream reader read in a counted for loop", code: blobHead },
  ],
  invalid: [
    { name: "neighbour: a loop that fetches again each turn before reading", code: refetched, findings: [{ case: "retry", line: 3, column: 3, endColumn: 8, suggestions: [
      { title: "Wait between attempts (capped exponential backoff with jitter)", output: refetched.replace("  let turns = 0;\n", "  let turns = 0;\n  let attempt = 0;\n").replace("    if (part.done) break;\n", "    if (part.done) break;\n    attempt++;\n    await new Promise((resolve) => setTimeout(resolve, Math.min(30000, 500 * 2 ** attempt) * (0.5 + Math.random() / 2)));\n") },
    ] }], output: null },
  ],
});
