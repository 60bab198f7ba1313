import { dedent, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";
import { mark, runWithNamedCases } from "./unvalidated-boundary.helpers";

// Production overseerr (eval/production/sct__overseerr.json), session 32, developer ub32c: the page's own API
// read over axios, past the status test axios makes (it rejects a reply outside 2xx unless `validateStatus`
// says otherwise: the lead's ruling, session 31). A field only compared with another value, a length only
// tested and counted into a toast's text, and fields handed to a React state setter are no use. Hand-written
// analogues of UserNotificationsWebPush/index.tsx:178, UserList/PlexImportModal.tsx:49 and Selector/index.tsx:75.

const PKG = { "package.json": "{ \"name\": \"app\", \"dependencies\": { \"react\": \"18.2.0\", \"next\": \"13.4.0\", \"axios\": \"1.3.4\", \"joi\": \"^17.0.0\", \"react-toast-notifications\": \"2.5.1\" } }\n" };
const FILE = "src/components/UserSettings.tsx";

/** The stored subscription's key compared with the browser's (`test`), the branch leaving. */
const PUSH = (test: string, extra = "") => dedent`
  import axios from "axios";
  export async function checkSubscription(userId: number, key: string, setEnabled: (on: boolean) => void) {
    const current = await axios.get<UserPushSubscription>(\`/api/v1/user/\${userId}/pushSubscription/\${key}\`${extra});
    if (${test}) {
      return;
    }
    setEnabled(true);
  }
`;

/** The users the server created, their count tested and worded into `notice`. */
const IMPORT = (notice: string) => dedent`
  import axios from "axios";
  import { useToasts } from "react-toast-notifications";
  import { useIntl } from "react-intl";
  export function useImport(selected: string[]) {
    const { addToast } = useToasts();
    const intl = useIntl();
    return async () => {
      const { data: created } = await axios.post("/api/v1/user/import-from-plex", { plexIds: selected });
      if (!created.length) {
        throw new Error("No users were imported.");
      }
      ${notice};
    };
  }
`;

/** A studio's fields handed to `sink`, a React state setter of the component (or not). */
const STUDIO = (sink: string, declared = "const [value, setValue] = useState<Option[] | null>(null);") => dedent`
  import axios from "axios";
  import { useEffect, useState } from "react";
  export const CompanySelector = ({ defaultValue }: { defaultValue?: string }) => {
    ${declared}
    useEffect(() => {
      const load = async (): Promise<void> => {
        const response = await axios.get<ProductionCompany>(\`/api/v1/studio/\${defaultValue}\`);
        const studio = response.data;
        ${sink}([{ label: studio.name ?? "", value: studio.id ?? 0 }]);
      };
      load();
    }, [defaultValue]);
    return null;
  };
`;

const TOAST = "addToast(intl.formatMessage(messages.imported, { userCount: created.length, strong: (m: string) => m }), { appearance: \"success\" })";

/** A valid row: nothing reported. */
function ok(name: string, code: string): ValidCase {
  return { name, code, filename: FILE, files: PKG };
}

const valid: ValidCase[] = [
  ok("fetchJson: an awaited axios reply's field only compared with another value", PUSH("current.data.p256dh !== key")),
  ok("fetchJson: the same with ===", PUSH("current.data.endpoint === \"\" || current.data.p256dh === key")),
  ok("fetchJson: a reply's length tested and counted into react-toast-notifications' addToast through formatMessage", IMPORT(TOAST)),
  ok("fetchJson: a reply's fields handed to the component's React state setter", STUDIO("setValue")),
  ok("fetchJson: the same through React.useState", STUDIO("setValue", "const [value, setValue] = React.useState<Option[] | null>(null);")),
];

/** An invalid row: one fetchJson finding at `line`, the directive its only suggestion (a joi project: no Zod fix). */
function row(name: string, code: string, line: number, column: number, endColumn: number): InvalidCase {
  return { name, code, filename: FILE, findings: [{ case: "fetchJson", line, column, endColumn, suggestions: [mark(code, "fetchJson", line)] }], files: PKG, output: null };
}

const invalid: InvalidCase[] = [
  row("fetchJson: the comparison where the file sets validateStatus (every status comes through)", PUSH("current.data.p256dh !== key", ", { validateStatus: () => true }"), 4, 7, 19),
  row("fetchJson: a count equal to a number literal (session 23's rows: a use)", PUSH("current.data.count === 0"), 4, 7, 19),
  row("fetchJson: the count handed to a function of the code's own, not a toast", IMPORT("recordImported(intl.formatMessage(messages.imported, { userCount: created.length }))"), 8, 37, 103),
  row("fetchJson: formatMessage's descriptor read from the reply", IMPORT("addToast(intl.formatMessage(created.message))"), 8, 37, 103),
  row("fetchJson: the fields handed to a function that is not a state setter", STUDIO("saveOptions", "const value = null;"), 8, 22, 35),
  row("fetchJson: the state's value, not its setter", STUDIO("value"), 8, 22, 35),
];

runWithNamedCases(valid, invalid);
