import { dedent, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";
import { mark, runWithNamedCases } from "./unvalidated-boundary.helpers";

// Session 23 (issue 11): the classes of fetchJson's misses and false positives over the tune part
// (held round 22 retired), written into docs/rules/unvalidated-boundary.md. Hand-written
// analogues, not the repositories' code.

// An API client class holding an axios instance in a field assigned in the constructor.
const CLASS_FIELD_AXIOS = dedent`
  import axios, { AxiosInstance } from "axios";
  export class JobsClient {
    private client: AxiosInstance;
    constructor(key: string) {
      this.client = axios.create({ baseURL: "https://jobs.example.com", headers: { key } });
    }
    async start(prompt: string) {
      const response = await this.client.post("/jobs", { prompt });
      return { id: response.data.id, state: response.data.state };
    }
  }
`;

// The same, the instance a field initializer; another field (not made by axios.create) is no instance.
const CLASS_FIELD_INIT = dedent`
  import axios from "axios";
  import { http } from "./http";
  export class Pages {
    private api = axios.create({ baseURL: "https://pages.example.com" });
    private other = http;
    async title(id: string) {
      const res = await this.api.get(\`/pages/\${id}\`);
      const more = await this.other.get(\`/pages/\${id}\`);
      return [res.data.title, more.data.title];
    }
  }
`;

// A `let` declared empty, given an axios response in each branch: one input, read below.
const LET_AXIOS = dedent`
  import axios from "axios";
  export async function callSite(method: string, url: string, data: unknown) {
    let resp;
    if (method === "GET") {
      resp = await axios.get(url, { timeout: 5000 });
    } else {
      resp = await axios.post(url, data, { timeout: 5000 });
    }
    return resp.data.items.map((i: { id: string }) => i.id);
  }
`;

// A field that is not an axios instance: nothing to report.
const CLASS_FIELD_OTHER = dedent`
  import axios from "axios";
  import { makeClient } from "./client";
  export class Feed {
    private client = makeClient();
    ping() {
      return axios.isAxiosError(null);
    }
    async items() {
      const res = await this.client.get("/items");
      return res.data.items;
    }
  }
`;

const valid: ValidCase[] = [{ name: "class field: not made by axios.create", code: CLASS_FIELD_OTHER, filename: "src/feed.ts" }];

const invalid: InvalidCase[] = [
  {
    name: "class field: axios instance assigned in the constructor",
    code: CLASS_FIELD_AXIOS,
    filename: "src/jobs.ts",
    findings: [{ case: "fetchJson", line: 9, column: 18, endColumn: 31, suggestions: [mark(CLASS_FIELD_AXIOS, "fetchJson", 9)] }],
    output: null,
  },
  {
    name: "class field: axios instance as the field's initializer",
    code: CLASS_FIELD_INIT,
    filename: "src/pages.ts",
    findings: [{ case: "fetchJson", line: 9, column: 13, endColumn: 21, suggestions: [mark(CLASS_FIELD_INIT, "fetchJson", 9)] }],
    output: null,
  },
  {
    name: "let: one axios response assigned in two branches",
    code: LET_AXIOS,
    filename: "src/site.ts",
    findings: [{ case: "fetchJson", line: 9, column: 10, endColumn: 19, suggestions: [mark(LET_AXIOS, "fetchJson", 9)] }],
    output: null,
  },
];

describe("unvalidated-boundary: session 23 fetchJson classes (ub23)", () => {
  runWithNamedCases(valid, invalid);
});
