import swallowedException from "../../../src/rules/swallowed-exception/rule";
import { dedent, RuleTester, type InvalidCase } from "../../helpers/rule-tester";

// Classes from session 25, developer se28a (issue 11; false positives of the retired held round 27,
// with its labellers' conventions; hand-written analogues, no fetched code). Each class is a builder
// whose one argument makes the valid row or its reported neighbour.
// This table declares only the cases its invalid rows name.
const named = new Set(["logAndContinue", "catchReturnsDefault", "promiseCatchNoop", "promiseCatchLogOnly"]);
const narrowed = { ...swallowedException, cases: Object.fromEntries(Object.entries(swallowedException.cases).filter(([id]) => named.has(id))) } as typeof swallowedException;

// A streamed answer whose embedding step tells the user through the stream callback and stops.
const streamed = (tell: string): string => dedent`
  export async function answer(text: string, onChunk: (t: string) => Promise<void>) {
    let embedding;
    try {
      embedding = await embed(text);
    } catch (error) {
      console.error("embedding failed:", error);
      await ${tell};
      return;
    }
    return embedding;
  }
`;

// A worker whose catch appends a note to the partial answer already shown, in a try of its own.
const noted = (note: string): string => dedent`
  export async function finish(channel: string, ts: string, lastContent: string) {
    try {
      await stream(channel, ts);
      return true;
    } catch (error) {
      console.error("stream failed:", error);
      if (lastContent) {
        try {
          await client.chat.update({ channel, ts, text: lastContent + ${note} });
        } catch (noteError) {
          console.error("note failed:", noteError);
        }
      }
      return false;
    }
  }
`;

// A response body read with a fallback, then used as \`use\`.
const bodyRead = (use: string): string => dedent`
  export async function publish(url: string) {
    const res = await fetch(url, { method: "POST" });
    const text = await res.text().catch(() => "no body");
    ${use}
  }
`;

// An optional SDK client built when its key is set; \`otherwise\` is the unconfigured branch.
const optionalClient = (otherwise: string): string => dedent`
  const GEMINI_API_KEY = process.env.GEMINI_API_KEY;
  let genAI = null;
  if (GEMINI_API_KEY) {
    try {
      genAI = new GoogleGenerativeAI(GEMINI_API_KEY);
      console.log("Gemini initialized");
    } catch (e) {
      console.warn("Gemini initialization failed:", e?.message);
    }
  } else ${otherwise}

  export const client = () => genAI;
`;

// A lazy getter whose guard answers null when the key is missing; \`guard\` is that guard.
const lazyClient = (guard: string): string => dedent`
  let openai = null;
  export function initOpenAI() {
    if (openai) return openai;
    const OPENAI_API_KEY = process.env.OPENAI_API_KEY;
    ${guard}
    try {
      openai = new OpenAI({ apiKey: OPENAI_API_KEY });
    } catch (e) {
      console.warn("OpenAI initialization failed:", e?.message);
      openai = null;
    }
    return openai;
  }
`;

const logged = dedent`
  export async function publish(url: string) {
    const res = await fetch(url, { method: "POST" });
    console.log("publish", res.status, { body: await res.text().catch(() => "no body") });
    return res.ok;
  }
`;
// A body parse whose catch marks the failure in the value that a validator then reads (\`marker\`).
const marked400 = (marker: string): string => dedent`
  export const POST = async ({ request }: { request: Request }) => {
    let body: unknown;
    try {
      const text = await request.text();
      body = text ? JSON.parse(text) : {};
    } catch {
      body = ${marker};
    }
    const valid = validateEmptyBody(body);
    if (!valid.ok) return new Response("Invalid body", { status: 400 });
    return new Response(null, { status: 202 });
  };
`;

// A job read from the queue library whose catch leaves it unset, then \`after\`.
const receive = (after: string): string => dedent`
  export async function nextJob() {
    let message;
    try {
      message = await queue.receiveMessage();
    } catch (receiveError) {
      console.error("receiveMessage failed:", receiveError);
      message = null;
    }
    ${after}
    return message;
  }
`;

const stored = streamed('saveMessage("I\'m sorry, I encountered an issue. Please try again later.")');
const notNote = noted('"\\n\\n(continued in the thread)"');
const returned = bodyRead('console.log("publish", res.status, text); return text;');
const emptied = marked400("{}");
const goesOn = receive('if (!message) console.log("no job");');
const loggedReturned = returned.replace('.catch(() => "no body")', '.catch((err) => { console.error(err); return "no body"; })');
const standIn = optionalClient("genAI = new MockAI();");
const unguarded = lazyClient('console.log("initialising OpenAI");');

const ignored = "// Intentionally ignored: <reason>";
/** The code with the marker comment above its first line that starts with \`line\`. */
const marked = (code: string, line: string): string => code.replace(new RegExp(`^( *)(${line.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")})`, "m"), `$1${ignored}\n$1$2`);

type Suggestion = { title: string; output: string };
const mark = (code: string, markAt: string): Suggestion => ({ title: "Mark as intentionally ignored…", output: marked(code, markAt) });

/** A row of one finding of \`kind\` at [line, column, endColumn] with \`suggestions\`; low-confidence (info) when \`low\`. */
const row = (name: string, code: string, kind: string, [line, column, endColumn]: [number, number, number], suggestions: Suggestion[], low = false, output: string | null = null): InvalidCase => ({
  name,
  code,
  findings: [{ case: kind, line, column, endColumn, ...(low ? { confidence: "low" as const, severity: "info" as const } : {}), suggestions }],
  output,
});

new RuleTester().run(narrowed, {
  valid: [
    { name: "a stream callback handed an apology, then a return: the user is told", code: streamed('onChunk("I\'m sorry, I encountered an issue while processing your question. Please try again later.")') },
    { name: "a failed error note appended to the partial answer (`lastContent + \"(Note: … due to a processing error.)\"`): nobody is left to tell", code: noted('"\\n\\n(Note: This response may be incomplete due to a processing error.)"') },
    { name: "a body read whose fallback goes straight into a log call's arguments", code: logged },
    { name: "a body read as text, only logged, before a failure answer and a fixed success answer", code: bodyRead('console.log("result", { status: res.status, body: text }); if (!res.ok) return Response.json({ error: "failed" }, { status: 500 }); return Response.json({ ok: true });') },
    { name: "an optional SDK client whose failed construction leaves it unset, as the unconfigured branch does", code: optionalClient('console.warn("GEMINI_API_KEY not set");') },
    { name: "a parse whose catch marks the failure in the value (`{ __parseError: true }`) that the validator answers 400", code: marked400("{ __parseError: true }") },
    { name: "a job read whose catch leaves it unset, then got another way when unset (`if (!message) { message = await readDirectly(); }`)", code: receive("if (!message) { message = await readDirectly(); }") },
    { name: "a lazy client getter whose guard answers null without the key, and whose catch sets it back to null", code: lazyClient("if (!OPENAI_API_KEY) return null;") },
  ],
  invalid: [
    row("neighbour: the apology is stored (`saveMessage(…)`), not told", stored, "logAndContinue", [5, 5, 18], [
      { title: "Rethrow the error", output: stored.replace("Please try again later.\");\n    return;", "Please try again later.\");\n    throw error;") },
      mark(stored, 'console.error("embedding failed'),
    ]),
    row("neighbour: the appended text does not say it failed", notNote, "logAndContinue", [10, 9, 26], [
      { title: "Throw both errors as an AggregateError", output: notNote.replace("noteError);\n", 'noteError);\n        throw new AggregateError([error, noteError], "finish failed twice");\n') },
      mark(notNote, 'console.error("note failed'),
    ]),
    row(
      "neighbour: the text read with a fallback is the function's answer", returned, "promiseCatchNoop", [3, 39, 54],
      [{ title: "Mark as intentionally ignored…", output: returned.replace('.catch(() => "no body")', '.catch(() => /* Intentionally ignored: <reason> */ "no body")') }],
      true,
      returned.replace('.catch(() => "no body")', '.catch((err) => {\n    console.error("res.text failed in publish", err);\n    return "no body";\n  })'),
    ),
    row("neighbour: the same answer with a handler that logs: the log alone does not tell the caller", loggedReturned, "promiseCatchLogOnly", [3, 39, 89], [
      { title: "Mark as intentionally ignored…", output: loggedReturned.replace("{ console.error(err);", "{ /* Intentionally ignored: <reason> */ console.error(err);") },
    ]),
    row("neighbour: the catch answers an empty body, which the validator takes as valid", emptied, "catchReturnsDefault", [6, 5, 10], [
      { title: "Log the error with console", output: emptied.replace("  } catch {\n", '  } catch (err) {\n    console.error("request.text or JSON.parse failed in POST", err);\n') },
      mark(emptied, "body = {};"),
    ]),
    row("neighbour: when unset, the code only goes on without it", goesOn, "logAndContinue", [5, 5, 25], [mark(goesOn, 'console.error("receiveMessage')]),
    row("neighbour: the unconfigured branch builds a stand-in client", standIn, "logAndContinue", [7, 5, 14], [mark(standIn, 'console.warn("Gemini initialization')], true),
    row("neighbour: no branch leaves the client unset when the key is missing", unguarded, "logAndContinue", [8, 5, 14], [mark(unguarded, 'console.warn("OpenAI initialization')], true),
  ],
});
