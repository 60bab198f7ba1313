import swallowedException from "../../../src/rules/swallowed-exception/rule";
import { dedent, RuleTester } from "../../helpers/rule-tester";

// One expected error picked out by a predicate named for it (issue 11: unkeyed/unkey production
// audit, hand-written analogues). This table declares only the case its invalid rows name.
const narrowed = { ...swallowedException, cases: { rethrowWithoutCause: swallowedException.cases.rethrowWithoutCause } } as typeof swallowedException;

new RuleTester().run(narrowed, {
  valid: [
    {
      name: "a not-found picked out by a method predicate, mapped to the project's error, the rest rethrown",
      code: dedent`
        export class Members {
          private isNotFoundError(error: unknown): boolean {
            return typeof error === "object" && error !== null && (error as { status?: number }).status === 404;
          }
          async assertInOrg(id: string, orgId: string) {
            let owner: string;
            try {
              owner = (await this.api.getMembership(id)).orgId;
            } catch (error) {
              if (this.isNotFoundError(error)) {
                throw new ScopeError("membership", id);
              }
              throw error;
            }
            if (owner !== orgId) throw new ScopeError("membership", id);
          }
        }
      `,
    },
    {
      name: "a unique violation picked out by a function predicate, the rest rethrown",
      code: dedent`
        export async function createUser(db: Db, email: string) {
          try {
            return await db.insert(users).values({ email });
          } catch (err) {
            if (isUniqueViolation(err)) throw new SignupError("email already registered");
            throw err;
          }
        }
      `,
    },
  ],
  invalid: [
    {
      name: "a family test (isAxiosError) picks out a kind, not one expected error: reported",
      code: dedent`
        export async function load(id: string) {
          try {
            return (await http.get("/items/" + id)).data;
          } catch (err) {
            if (isAxiosError(err)) throw new ItemError("could not load " + id);
            throw err;
          }
        }
      `,
      findings: [
        { case: "rethrowWithoutCause", line: 4, column: 5, endLine: 4, endColumn: 16, suggestions: [
          { title: "Pass the caught error to ItemError as { cause }", output: dedent`
            export async function load(id: string) {
              try {
                return (await http.get("/items/" + id)).data;
              } catch (err) {
                if (isAxiosError(err)) throw new ItemError("could not load " + id, { cause: err });
                throw err;
              }
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "a not-found predicate whose other errors are not rethrown is reported (once for the catch)",
      code: dedent`
        export async function find(id: string) {
          try {
            return await api.get(id);
          } catch (error) {
            if (isNotFoundError(error)) throw new MissingError(id);
            throw new Error("lookup failed");
          }
        }
      `,
      findings: [
        // Reported at the throw every other error reaches; once it keeps the cause, the not-found branch is mapped.
        { case: "rethrowWithoutCause", line: 4, column: 5, endLine: 4, endColumn: 18, suggestions: [] },
      ],
      output: dedent`
        export async function find(id: string) {
          try {
            return await api.get(id);
          } catch (error) {
            if (isNotFoundError(error)) throw new MissingError(id);
            throw new Error("lookup failed", { cause: error });
          }
        }
      `,
    },
  ],
});
