import unvalidatedBoundary from "../../../src/rules/unvalidated-boundary/rule";
import { dedent, RuleTester } from "../../helpers/rule-tester";

// Session 34, developer prodx34 (production homarr's sampled false finding: an error body read in the
// `!response.ok` branch only to word the error a component shows later, kept in a React ref; hand-written
// analogues, no fetched code). This table declares only the case its invalid row names.
const narrowed = { ...unvalidatedBoundary, cases: { fetchJson: unvalidatedBoundary.cases.fetchJson } } as typeof unvalidatedBoundary;

// A restore hook that keeps the server's error text in a ref, shown when the animation ends.
const restoreHook = dedent`
  "use client";
  export function useRestore(file: File, t: (k: string) => string) {
    const apiErrorRef = useRef<string | null>(null);
    return async () => {
      try {
        const formData = new FormData();
        formData.append("file", file);
        const response = await fetch("/api/backup/import", { method: "POST", body: formData });
        if (!response.ok) {
          try {
            const data = await response.json();
            apiErrorRef.current = data.error ?? t("failed.title");
          } catch {
            apiErrorRef.current = \`Server returned \${response.status}\`;
          }
        }
      } catch {
        apiErrorRef.current = t("failed.title");
      } finally {
        done();
      }
    };
  }
`;

// Another shape: a store class keeping the text in a field of its own, then carrying on.
const uploadStore = (target: string): string => dedent`
  export class UploadStore {
    lastError: string | null = null;
    async upload(file: Blob) {
      const res = await fetch("https://files.example.com/upload", { method: "PUT", body: file });
      if (!res.ok) {
        const body = await res.json();
        ${target} = body.message || "Upload failed";
      }
      this.busy = false;
    }
  }
`;

const intoJob = uploadStore("this.job.error");

new RuleTester().run(narrowed, {
  valid: [
    { name: "an error body's text kept in a React ref the component shows", code: restoreHook, filename: "src/components/restore.tsx" },
    { name: "another shape: the text kept in a field of the class itself", code: uploadStore("this.lastError"), filename: "src/upload-store.ts" },
  ],
  invalid: [
    { name: "neighbour: the text stored in a field of another object (a job about to be saved)", code: intoJob, filename: "src/upload-store.ts", findings: [{ case: "fetchJson", line: 6, column: 26, endColumn: 36, suggestions: [
      { title: "Mark as validated elsewhere…", output: intoJob.replace("      const body", "      // hardening-hints-ignore-next-line unvalidated-boundary/fetchJson -- <reason>\n      const body") },
    ] }], output: null },
  ],
});
