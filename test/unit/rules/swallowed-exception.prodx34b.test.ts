import swallowedException from "../../../src/rules/swallowed-exception/rule";
import { dedent, RuleTester } from "../../helpers/rule-tester";

// Session 34, developer prodx34 (production homarr's sampled false findings: a decode error rethrown with
// a message that says the value could not be read and carries it; a log line whose error object says the
// catch falls back; a Next.js generateMetadata lookup the page repeats; hand-written analogues, no fetched code). This table declares only the cases its
// invalid rows name.
const named = new Set(["rethrowWithoutCause", "logAndContinue", "promiseCatchNoop", "promiseCatchLogOnly"]);
const narrowed = { ...swallowedException, cases: Object.fromEntries(Object.entries(swallowedException.cases).filter(([id]) => named.has(id))) } as typeof swallowedException;

// An LDAP client's decode of the entry's escaped dn, rethrown with \`message\`.
const dnDecode = (message: string): string => dedent`
  export class LdapClient {
    private static getEntryDn(entry: Entry) {
      try {
        return decodeURIComponent(entry.dn.replace(/(?<!\\\\)\\\\([0-9a-fA-F]{2})/g, "%$1"));
      } catch {
        throw new Error(${message});
      }
    }
  }
`;

// Another shape: a token segment decoded from base64url, a function of its own.
const segment = dedent`
  export function decodeSegment(segment: string) {
    try {
      return JSON.parse(Buffer.from(segment, "base64url").toString("utf8"));
    } catch {
      throw new Error(\`Failed to decode token segment \${segment}\`);
    }
  }
`;

// A state mapper whose catch logs an error object that says it falls back, then answers that value.
const stateMapper = dedent`
  export function mapState(item: Item): Status {
    try {
      const states = item.state.split(",").map((s) => s.trim());
      if (states.includes("Failed")) return "failed";
      if (states.includes("Completed")) return "completed";
      return "unknown";
    } catch (error) {
      logger.error(new ErrorWithMetadata(\`Unable to map the transfer states '\${item.state}'. Will fall back to 'unknown'.\`, undefined, { cause: error }));
      return "unknown";
    }
  }
`;

// Another shape: console.warn of a plain Error, its message \`says\`.
const colorParse = (says: string): string => dedent`
  export function parseColor(input: string): Rgb {
    try {
      return hexToRgb(input);
    } catch (cause) {
      console.warn(new Error(\`Unreadable color "\${input}"${says}\`, { cause }));
      return { r: 0, g: 0, b: 0 };
    }
  }
`;

// A Next.js page whose metadata looks the user up, answered null on failure, and whose page does the same.
const userPage = dedent`
  export async function generateMetadata(props: Props) {
    const params = await props.params;
    const user = await api.user.getById({ userId: params.userId }).catch(() => null);
    if (!user) return {};
    return { title: user.name };
  }
  export default async function EditUserPage(props: Props) {
    const params = await props.params;
    const user = await api.user.getById({ userId: params.userId }).catch(catchTrpcNotFound);
    return <UserForm user={user} />;
  }
`;

// Another shape: a layout with Prisma, its default export a \`const\` named by \`export default\`, loading \`loads\`.
const teamLayout = (loads: string): string => dedent`
  export async function generateMetadata({ params }: Props) {
    const { slug } = await params;
    const team = await db.team.findUnique({ where: { slug } }).catch(() => undefined);
    return team ? { title: team.name } : {};
  }
  const TeamLayout = async ({ params, children }: LayoutProps) => {
    const { slug } = await params;
    const found = await ${loads};
    return <TeamShell data={found}>{children}</TeamShell>;
  };
  export default TeamLayout;
`;

const fixedMessage = dnDecode('"Cannot resolve distinguishedName"');
const silentColor = colorParse("");
const otherLoad = teamLayout("db.member.findMany({ where: { teamSlug: slug } })");
const otherLoadLogged = otherLoad.replace(".catch(() => undefined)", ".catch((err) => console.warn(err))");

new RuleTester().run(narrowed, {
  valid: [
    { name: "a decode of a value in hand rethrown with a message that carries the value", code: dnDecode("`Cannot resolve distinguishedName for the entry ${entry.dn}`") },
    { name: "another shape: a base64url segment that fails to decode, its message carrying the segment", code: segment },
    { name: "a logged error object whose message says the catch falls back", code: stateMapper },
    { name: "another shape: console.warn of a plain Error that says it falls back", code: colorParse(", falling back to black") },
    { name: "a page's metadata lookup answered null, the page making the same lookup", code: userPage, filename: "app/[locale]/users/[userId]/page.tsx" },
    { name: "another shape: a layout held by a const, making the same Prisma lookup", code: teamLayout("db.team.findUnique({ where: { slug } })"), filename: "app/teams/[slug]/layout.tsx" },
  ],
  invalid: [
    { name: "neighbour: the same decode rethrown with a fixed message", code: fixedMessage, findings: [{ case: "rethrowWithoutCause", line: 5, column: 7, endColumn: 12 }], output: fixedMessage.replace("} catch {\n      throw new Error(\"Cannot resolve distinguishedName\");", "} catch (err) {\n      throw new Error(\"Cannot resolve distinguishedName\", { cause: err });") },
    { name: "neighbour: a logged error object that says nothing of a fallback", code: silentColor, findings: [{ case: "logAndContinue", line: 4, column: 5, endColumn: 18, suggestions: [
      { title: "Mark as intentionally ignored…", output: silentColor.replace("} catch (cause) {\n", "} catch (cause) {\n    // Intentionally ignored: <reason>\n") },
    ] }], output: null },
    { name: "neighbour: the same metadata lookup where the layout loads something else", code: otherLoad, filename: "app/teams/[slug]/layout.tsx", findings: [{ case: "promiseCatchNoop", line: 3, column: 68, endColumn: 83, suggestions: [
      { title: "Mark as intentionally ignored…", output: otherLoad.replace("catch(() => undefined)", "catch(() => /* Intentionally ignored: <reason> */ undefined)") },
    ] }], output: otherLoad.replace("catch(() => undefined);", 'catch((err) => {\n    console.error("db.team.findUnique failed in generateMetadata", { slug }, err);\n    return undefined;\n  });') },
    { name: "neighbour: the same, its failure only logged", code: otherLoadLogged, filename: "app/teams/[slug]/layout.tsx", findings: [{ case: "promiseCatchLogOnly", line: 3, column: 68, endColumn: 94, suggestions: [
      { title: "Mark as intentionally ignored…", output: otherLoadLogged.replace("(err) => console", "(err) => /* Intentionally ignored: <reason> */ console") },
    ] }], output: null },
    { name: "neighbour: the same lookup outside a page or layout module", code: userPage, filename: "app/[locale]/users/[userId]/user-view.tsx", findings: [{ case: "promiseCatchNoop", line: 3, column: 72, endColumn: 82, suggestions: [
      { title: "Mark as intentionally ignored…", output: userPage.replace("catch(() => null)", "catch(() => /* Intentionally ignored: <reason> */ null)") },
    ] }], output: userPage.replace("catch(() => null);", 'catch((err) => {\n    console.error("api.user.getById failed in generateMetadata", err);\n    return null;\n  });') },
  ],
});
