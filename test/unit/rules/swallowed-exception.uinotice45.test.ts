import swallowedException from "../../../src/rules/swallowed-exception/rule";
import { dedent, RuleTester } from "../../helpers/rule-tester";

const named = new Set(["logAndContinue", "promiseCatchLogOnly", "partialErrorCheck"]);
const narrowed = { ...swallowedException, cases: Object.fromEntries(Object.entries(swallowedException.cases).filter(([id]) => named.has(id))) } as typeof swallowedException;

// Session 45, developer prodse2: production OpenSign's and homepage's false findings (hand-written
// analogues, no fetched code). A page's own failure notice in a catch tells the user: an alert given
// the failure kind or a translation key that says it failed (`showAlert("danger",
// t("something-went-wrong-mssg"))`), an alert-state setter given such a message in an object, an
// error-message setter, a status literal naming a failure after `_`. A test of the logger beside the
// caught value (`if (logger && e)`) is no check for a specific error.

// A React page whose action's catch does `notice` after a log.
const page = (notice: string): string => dedent`
  import { useState } from "react";
  import { useTranslation } from "react-i18next";
  import { duplicateTemplate } from "./api";
  import { showAlert } from "./alerts";

  export default function Templates(props) {
    const { t } = useTranslation();
    const [errMsg, setErrMsg] = useState("");
    const [state, setState] = useState("");
    const duplicate = async (id) => {
      try {
        const created = await duplicateTemplate(id);
        props.setList((prev) => [created, ...prev]);
      } catch (err) {
        console.error("create duplicate template error", err);
        ${notice}
      }
    };
    return <button onClick={() => duplicate(props.id)}>{errMsg || state}</button>;
  }
`;
const dangerAlert = page('showAlert("danger", t("something-went-wrong-mssg"));');
const keyAlert = page('showAlert(t("something-went-wrong-mssg"));');
const alertObject = page('props.setIsAlert({ isShow: true, alertMessage: t("something-went-wrong-mssg") });');
const errMessage = page('setErrMsg(t("something-went-wrong-mssg"));');
const failedState = page('setState("certificate_err");');
const successAlert = page('showAlert("success", t("duplicate-template-created"));');
const clearedMessage = page('setErrMsg("");');
const otherState = page('setState("downloading");');

// The same in a rejection handler.
const deleted = (notice: string): string => dedent`
  import axios from "axios";

  export function deleteDoc(props, t, docId) {
    axios
      .post("/api/deletedoc", { docId })
      .then(() => props.setPdfData(props.pdfData.filter((x) => x.objectId !== docId)))
      .catch((err) => {
        console.error("Err in delete doc", err);
        ${notice}
      });
  }
`;
const deletedAlert = deleted('props.setIsAlert({ isShow: true, alertMessage: t("something-went-wrong-mssg") });');
const deletedShown = deleted('props.setIsAlert({ isShow: true, alertMessage: t("document-deleted") });');

// Next.js getServerSideProps whose catch logs when a logger is there, then answers empty props.
const serverProps = (test: string): string => dedent`
  import createLogger from "utils/logger";
  import { loadSettings } from "utils/config";

  const logger = createLogger("index");

  export async function getServerSideProps() {
    try {
      const settings = await loadSettings();
      return { props: { settings } };
    } catch (e) {
      if (${test}) {
        logger.error(e);
      }
      return { props: { settings: {} } };
    }
  }
`;
const loggerPresent = serverProps("logger && e");
const byCode = serverProps('logger && e.code === "ENOENT"');

new RuleTester().run(narrowed, {
  valid: [
    { name: "an alert given the failure kind", code: dangerAlert, filename: "src/pages/Templates.jsx" },
    { name: "an alert given a translation key that says it went wrong", code: keyAlert, filename: "src/pages/Templates.jsx" },
    { name: "an alert-state setter given an object whose message says it went wrong", code: alertObject, filename: "src/pages/Templates.jsx" },
    { name: "an error-message setter given a message", code: errMessage, filename: "src/pages/Templates.jsx" },
    { name: "a state setter given a status naming a failure after _", code: failedState, filename: "src/pages/Templates.jsx" },
    { name: "a rejection handler that sets the page alert with a failure message", code: deletedAlert, filename: "src/components/DriveBody.jsx" },
  ],
  invalid: [
    { name: "an alert given only a success message: reported", code: successAlert, filename: "src/pages/Templates.jsx",
      findings: [{ case: "logAndContinue", line: 14, column: 7, endColumn: 18,
        suggestions: [{ title: "Mark as intentionally ignored…", output: successAlert.replace("} catch (err) {\n", "} catch (err) {\n      // Intentionally ignored: <reason>\n") }] }], output: null },
    { name: "an error-message setter clearing the error: reported", code: clearedMessage, filename: "src/pages/Templates.jsx",
      findings: [{ case: "logAndContinue", line: 14, column: 7, endColumn: 18,
        suggestions: [{ title: "Mark as intentionally ignored…", output: clearedMessage.replace("} catch (err) {\n", "} catch (err) {\n      // Intentionally ignored: <reason>\n") }] }], output: null },
    { name: "a state setter given a status naming no failure: reported", code: otherState, filename: "src/pages/Templates.jsx",
      findings: [{ case: "logAndContinue", line: 14, column: 7, endColumn: 18,
        suggestions: [{ title: "Mark as intentionally ignored…", output: otherState.replace("} catch (err) {\n", "} catch (err) {\n      // Intentionally ignored: <reason>\n") }] }], output: null },
    { name: "a rejection handler whose alert says nothing failed: reported", code: deletedShown, filename: "src/components/DriveBody.jsx",
      findings: [{ case: "promiseCatchLogOnly", line: 7, column: 12, endLine: 10, endColumn: 6,
        suggestions: [{ title: "Mark as intentionally ignored…", output: deletedShown.replace("(err) => {\n", "(err) => {\n      // Intentionally ignored: <reason>\n") }] }], output: null },
    { name: "a test of the logger beside the caught value: judged as a log and a default", code: loggerPresent,
      findings: [{ case: "logAndContinue", line: 10, column: 5, endColumn: 14,
        suggestions: [{ title: "Rethrow the error", output: loggerPresent.replace("    return { props: { settings: {} } };", "    throw e;") }, { title: "Mark as intentionally ignored…", output: loggerPresent.replace("} catch (e) {\n", "} catch (e) {\n    // Intentionally ignored: <reason>\n") }] }], output: null },
    { name: "a test of the logger beside the error's code: a check for one error", code: byCode,
      findings: [{ case: "partialErrorCheck", line: 10, column: 5, endColumn: 14,
        suggestions: [{ title: "Rethrow the errors the check does not expect", output: byCode.replace("      logger.error(e);\n    }\n", "      logger.error(e);\n    } else {\n      throw e;\n    }\n") }, { title: "Mark as intentionally ignored…", output: byCode.replace("} catch (e) {\n", "} catch (e) {\n    // Intentionally ignored: <reason>\n") }] }], output: null },
  ],
});
