import swallowedException from "../../../src/rules/swallowed-exception/rule";
import { dedent, RuleTester } from "../../helpers/rule-tester";

// Classes from session 30, developer se30, third part (the retired held round 32's lead decisions;
// hand-written analogues, no fetched code): a supabase-js write whose missing row throws into a
// failing catch, and a project's typing-indicator helper. This table declares only the cases its invalid rows name.
const named = new Set(["resultErrorIgnored", "resultErrorLogOnly", "logAndContinue"]);
const narrowed = { ...swallowedException, cases: Object.fromEntries(Object.entries(swallowedException.cases).filter(([id]) => named.has(id))) } as typeof swallowedException;

// A route that inserts a request, then `use`s the row, in a try whose catch does `answer`.
const route = (use: string, answer: string): string => dedent`
  export async function POST(req: Request) {
    try {
      const { senderId, recipientId } = await req.json();
      const { data: request } = await supabase
        .from("requests")
        .insert({ senderId, recipientId })
        .select()
        .single();
      ${use}
      return NextResponse.json({ success: true, request });
    } catch (error) {
      console.error("Error creating request:", error);
      ${answer}
    }
  }
`;

const failure = 'return NextResponse.json({ error: "Failed to create request" }, { status: 500 });';
const optional = route("await sendRequestEmail(recipientId, `/connections?request=${request?.id}`);", failure);
const later = route("await notifyAdmins(senderId);\n    await sendRequestEmail(recipientId, `/connections?request=${request.id}`);", failure);

// The safe fix: the write's error bound and logged (resultErrorIgnored's fix).
const bound = (code: string, check: string): string => code.replace("const { data: request } = await supabase", "const { data: request, error: insertError } = await supabase").replace("      .single();\n", `      .single();\n    ${check}\n`);
const logged = (code: string): string => bound(code, 'if (insertError) console.error("insert into requests failed", insertError);');
const thrown = (code: string) => [{ title: "Throw the error", output: bound(code, "if (insertError) throw insertError;") }];

// A WhatsApp message handler whose try does \`work\` before the reply.
const typing = (work: string): string => dedent`
  export async function onMessage(config: Config, message: Message) {
    try {
      ${work}
      console.log("typing indicator sent");
    } catch (e) {
      console.warn("typing indicator failed", e);
    }
    await replyTo(config, message);
  }
`;
const alsoReplies = typing("await sendTypingIndicator(config, message.id);\n      await saveHistory(message);");

new RuleTester().run(narrowed, {
  valid: [
    { name: "the row read right after without ?., in a try whose catch answers 500 (held round 32's lead decision)", code: route("await sendRequestEmail(recipientId, `/connections?request=${request.id}`);", failure) },
    { name: "a project's typing-indicator helper is a cosmetic acknowledgement (held round 32)", code: typing("await sendTypingIndicator(config, message.id);") },
  ],
  invalid: [
    { name: "neighbour: a try that also saves the history", code: alsoReplies, findings: [{ case: "logAndContinue", line: 6, column: 5, endColumn: 14, suggestions: [
      { title: "Mark as intentionally ignored…", output: alsoReplies.replace("} catch (e) {\n", "} catch (e) {\n    // Intentionally ignored: <reason>\n") },
    ] }], output: null },
    { name: "neighbour: a read through ?. goes on without the row", code: optional, findings: [{ case: "resultErrorIgnored", line: 4, column: 31, endLine: 8, endColumn: 16, suggestions: thrown(optional) }], output: logged(optional) },
    { name: "neighbour: the row read only after other work", code: later, findings: [{ case: "resultErrorIgnored", line: 4, column: 31, endLine: 8, endColumn: 16, suggestions: thrown(later) }], output: logged(later) },
    { name: "neighbour: the error only logged, then the row read through ?.", code: logged(optional), findings: [{ case: "resultErrorLogOnly", line: 4, column: 51, endLine: 9, endColumn: 21, suggestions: [
      { title: "Throw the error after logging it", output: bound(optional, 'if (insertError) { console.error("insert into requests failed", insertError); throw insertError; }') },
    ] }], output: null },
  ],
});
