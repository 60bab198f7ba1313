import swallowedException from "../../../src/rules/swallowed-exception/rule";
import { dedent, RuleTester } from "../../helpers/rule-tester";

// Session 28, developer prodse28 (unseen production langfuse, triaged blind at 81cf737; hand-written
// analogues, no fetched code): a `.catch` on a local wrapper whose every `await` is a mutation with
// its own `onError`. This table declares only the cases its invalid rows name.
const named = new Set(["promiseCatchNoop", "promiseCatchLogOnly"]);
const narrowed = { ...swallowedException, cases: Object.fromEntries(Object.entries(swallowedException.cases).filter(([id]) => named.has(id))) } as typeof swallowedException;

// A switch whose wrapper is `wrapper`, over a mutation made with `options`, started as `start`.
const toggle = (options: string, wrapper: string, start = "onToggle(enabled).catch(() => undefined);"): string => dedent`
  export function ActiveSwitch({ rule }: { rule: Rule }) {
    const setEnabled = api.rules.setEnabled.useMutation(${options});
    const onToggle = ${wrapper};
    return <Switch onCheckedChange={(enabled) => { ${start} }} />;
  }
`;

const wrapped = "async (enabled: boolean) => {\n      await setEnabled.mutateAsync({ id: rule.id, enabled });\n    }";
const withOnError = toggle("{ onError: trpcErrorToast }", wrapped);
const inCallback = toggle("{ onError: (e) => toast.error(e.message) }", "useCallback(async (enabled: boolean) => {\n      await setEnabled.mutateAsync({ id: rule.id, enabled });\n    }, [rule.id])");
const noOnError = toggle("{ onSuccess: () => refetch() }", wrapped);
const moreWork = toggle("{ onError: trpcErrorToast }", "async (enabled: boolean) => {\n      await setEnabled.mutateAsync({ id: rule.id, enabled });\n      await fetch(`/api/rules/${rule.id}/audit`);\n    }");

const logOnly = 'onToggle(enabled).catch((e) => console.error("toggle failed", e));';
const loggedWithOnError = toggle("{ onError: trpcErrorToast }", wrapped, logOnly);
const loggedNoOnError = toggle("{ onSuccess: () => refetch() }", wrapped, logOnly);

// The handler's fix on a line of `code`: mark it as ignored.
const ignored = (code: string) => ({ title: "Mark as intentionally ignored…", output: code.replace(".catch(() => undefined)", ".catch(() => /* Intentionally ignored: <reason> */ undefined)") });

// The safe fix: log the rejection where it was dropped.
const logged = (code: string): string => code.replace(".catch(() => undefined)", '.catch((err) => {\n    console.error("onToggle failed", err);\n    return undefined;\n  })');

new RuleTester().run(narrowed, {
  valid: [
    { name: "a local wrapper whose only await is a mutation with onError", code: withOnError, filename: "switch.tsx" },
    { name: "the same wrapper held by useCallback", code: inCallback, filename: "switch.tsx" },
    { name: "a log-only handler on the wrapper", code: loggedWithOnError, filename: "switch.tsx" },
  ],
  invalid: [
    { name: "a wrapper of a mutation without onError", code: noOnError, filename: "switch.tsx", findings: [{ case: "promiseCatchNoop", line: 6, column: 74, endColumn: 89, suggestions: [ignored(noOnError)] }], output: logged(noOnError) },
    { name: "a wrapper that also awaits other work", code: moreWork, filename: "switch.tsx", findings: [{ case: "promiseCatchNoop", line: 7, column: 74, endColumn: 89, suggestions: [ignored(moreWork)] }], output: logged(moreWork) },
    { name: "a log-only handler on a wrapper of a mutation without onError", code: loggedNoOnError, filename: "switch.tsx", findings: [{ case: "promiseCatchLogOnly", line: 6, column: 74, endColumn: 114, suggestions: [{ title: "Mark as intentionally ignored…", output: loggedNoOnError.replace(".catch((e) => console", ".catch((e) => /* Intentionally ignored: <reason> */ console") }] }], output: null },
  ],
});
