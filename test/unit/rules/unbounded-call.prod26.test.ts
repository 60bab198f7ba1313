import unboundedCall from "../../../src/rules/unbounded-call/rule";
import { dedent, RuleTester } from "../../helpers/rule-tester";

// Production codebase dittofeed (eval/production, seed 20261236): a Next.js dashboard whose
// `src/lib/` holds TanStack Query hooks. A request function handed by name only to browser code
// (`useMutation({ mutationFn })`, `useQuery({ queryFn })`, a React effect, a JSX handler) runs
// where the same function written inline does: not reported. One the file exports, or also calls
// elsewhere, stays reported. A request helper that imports a toast or snackbar queue
// (`notistack`) or FileSaver runs on a page. And `axios(config)` of an object literal is judged
// as the configuration (it was read as a URL); `axios(requestConfig)` is fixed by spreading the
// configuration. Hand-written rows.

const files = { "package.json": '{ "dependencies": { "next": "15.0.0", "react": "19.0.0", "react-dom": "19.0.0", "axios": "1.7.0", "@tanstack/react-query": "5.64.1" } }\n' };

const MUTATION = dedent`
  import { useMutation } from "@tanstack/react-query";
  import axios from "axios";

  export function useDeleteJourneyMutation(baseApiUrl: string) {
    const mutationFn = async (id: string) => {
      await axios.delete(\`\${baseApiUrl}/journeys\`, { params: { id } });
    };
    return useMutation({ mutationFn });
  }
`;

const QUERY = dedent`
  import { useQuery } from "@tanstack/react-query";
  import axios from "axios";

  export function useUsersQuery(baseApiUrl: string) {
    const queryFn = async () => {
      const response = await axios.post(\`\${baseApiUrl}/users\`, {});
      return response.data;
    };
    return useQuery({ queryKey: ["users"], queryFn: queryFn });
  }
`;

const EFFECT = dedent`
  import { useEffect, useState } from "react";
  import axios from "axios";

  export function useStats(baseApiUrl: string) {
    const [stats, setStats] = useState(null);
    async function load() {
      const response = await axios.get(\`\${baseApiUrl}/stats\`);
      return response.data;
    }
    useEffect(() => {
      load().then(setStats);
    }, []);
    return stats;
  }
`;

const FACTORY = dedent`
  import axios, { AxiosRequestConfig } from "axios";
  import { enqueueSnackbar } from "notistack";

  export default function apiRequestHandlerFactory({ requestConfig, setResponse }: { requestConfig: AxiosRequestConfig; setResponse: (r: unknown) => void }) {
    return async function apiRequestHandler() {
      const response = await axios(requestConfig);
      setResponse(response.data);
      enqueueSnackbar("Saved", { variant: "success" });
    };
  }
`;
const RUNNER = FACTORY.replace('import { enqueueSnackbar } from "notistack";\n', "").replace('      enqueueSnackbar("Saved", { variant: "success" });\n', "");

const EXPORTED = dedent`
  import { useQuery } from "@tanstack/react-query";
  import axios from "axios";

  export const fetchUsers = async () => {
    const response = await axios.get("https://api.example.com/users");
    return response.data;
  };

  export function useUsersQuery() {
    return useQuery({ queryKey: ["users"], queryFn: fetchUsers });
  }
`;

const ALSO_ELSEWHERE = dedent`
  import { useQuery } from "@tanstack/react-query";
  import axios from "axios";

  const fetchUsers = async () => {
    const response = await axios.get("https://api.example.com/users");
    return response.data;
  };

  export function useUsersQuery() {
    return useQuery({ queryKey: ["users"], queryFn: fetchUsers });
  }

  export async function countUsers() {
    return (await fetchUsers()).length;
  }
`;

const LOCAL_CONFIG = dedent`
  import axios from "axios";

  export async function notify(text: string) {
    const config = { url: "https://hooks.example.com/notify", method: "post", data: { text } };
    return axios(config);
  }
`;

const narrowed = { ...unboundedCall, cases: Object.fromEntries(Object.entries(unboundedCall.cases).filter(([id]) => id === "call")) } as typeof unboundedCall;

new RuleTester().run(narrowed, {
  valid: [
    { name: "a mutation hook's request function handed to useMutation by name", filename: "src/lib/useDeleteJourneyMutation.ts", files, code: MUTATION },
    { name: "a query hook's request function handed to useQuery as queryFn: name", filename: "src/lib/useUsersQuery.ts", files, code: QUERY },
    { name: "a function declaration only called from a React effect", filename: "src/lib/useStats.ts", files, code: EFFECT },
    { name: "a request helper that shows a snackbar (notistack) runs on a page", filename: "src/lib/apiRequestHandlerFactory.ts", files, code: FACTORY },
    { name: "axios(config) of a literal with a timeout", filename: "src/server/notify.ts", files, code: LOCAL_CONFIG.replace("data: { text } }", "data: { text }, timeout: 5000 }") },
  ],
  invalid: [
    {
      name: "an exported request function: other code may call it",
      filename: "src/lib/useUsersQuery.ts",
      files,
      code: EXPORTED,
      findings: [{ case: "call", line: 5, column: 26, endColumn: 35, suggestions: [{ title: "Set timeout to 10000 ms", output: EXPORTED.replace('users")', 'users", { timeout: 10000 })') }] }],
      output: null,
    },
    {
      name: "a request function also called outside a browser callback",
      filename: "src/lib/useUsersQuery.ts",
      files,
      code: ALSO_ELSEWHERE,
      findings: [{ case: "call", line: 5, column: 26, endColumn: 35, suggestions: [{ title: "Set timeout to 10000 ms", output: ALSO_ELSEWHERE.replace('users")', 'users", { timeout: 10000 })') }] }],
      output: null,
    },
    {
      name: "axios(requestConfig) without a browser sign: reported, the fix spreads the configuration",
      filename: "src/lib/apiRequestHandlerFactory.ts",
      files,
      code: RUNNER,
      findings: [{ case: "call", line: 5, column: 28, endColumn: 33, suggestions: [{ title: "Set timeout to 10000 ms", output: RUNNER.replace("axios(requestConfig)", "axios({ ...requestConfig, timeout: 10000 })") }] }],
      output: null,
    },
    {
      name: "axios.get(requestConfig): its one argument is the URL, so the timeout goes into a second argument, not a spread",
      filename: "src/lib/apiRequestHandlerFactory.ts",
      files,
      code: RUNNER.replace("axios(requestConfig)", "axios.get(requestConfig)"),
      findings: [{ case: "call", line: 5, column: 28, endColumn: 37, suggestions: [{ title: "Set timeout to 10000 ms", output: RUNNER.replace("axios(requestConfig)", "axios.get(requestConfig, { timeout: 10000 })") }] }],
      output: null,
    },
    {
      name: "axios(config) of a literal without a timeout: judged as the configuration",
      filename: "src/server/notify.ts",
      files,
      code: LOCAL_CONFIG,
      findings: [{ case: "call", line: 5, column: 10, endColumn: 15, suggestions: [{ title: "Set timeout to 10000 ms", output: LOCAL_CONFIG.replace("axios(config)", "axios({ ...config, timeout: 10000 })") }] }],
      output: null,
    },
  ],
});
