import { dedent, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";
import { mark, runWithNamedCases } from "./unvalidated-boundary.helpers";

// Session 39 (prod39), production uptime-kuma `src/mixins/socket.js`: a browser's socket.io client hears
// its page's own server; what a listener keeps on the component (`this.monitorList = data`) or in a
// module's collection is the page's UI state, like a reply handed to a React setter or a Vue `ref`
// (docs: "Nor is a reply handed to the UI's state"), not a server's store. Its sinks (a property key)
// stay uses, and a server's `io.on("connection", …)` handlers and a Node process's socket.io-client are
// judged as before. Rows: the Vue options mixin of uptime-kuma and a hand-written DOM client in TypeScript.

const FILES = { "package.json": '{ "name": "app", "dependencies": { "socket.io-client": "^4.7.0", "vue": "^3.4.0" } }\n' };

const VUE_MIXIN = (listener: string) => dedent`
  import { io } from "socket.io-client";
  let socket;
  export default {
    data() {
      return { monitorList: {}, heartbeatList: {}, statusPageList: [] };
    },
    methods: {
      initSocketIO() {
        if (location.pathname === "/setup-database") {
          return;
        }
        socket = io();
        ${listener}
      },
    },
  };
`;

const DOM_CLIENT = dedent`
  import { io, type Socket } from "socket.io-client";

  interface Notice { id: string; title: string }
  const feed: Notice[] = [];
  const socket: Socket = io();

  socket.on("notice", (notice: Notice) => {
    feed.unshift(notice);
    document.querySelector("#count")!.textContent = String(feed.length);
  });
`;

const NODE_WORKER = dedent`
  import { io } from "socket.io-client";

  class JobRelay {
    jobs: object[] = [];
    constructor(url: string) {
      const socket = io(url, { auth: { token: process.env.RELAY_TOKEN } });
      socket.on("job", (job) => {
        this.jobs.push(job);
      });
    }
  }
  export const relay = new JobRelay(process.env.RELAY_URL ?? "");
`;

const valid: ValidCase[] = [
  { name: "uptime-kuma: a Vue mixin's socket.io client keeps its own server's list on the component", filename: "src/mixins/socket.js", files: FILES, code: VUE_MIXIN('socket.on("monitorList", (data) => {\n          this.monitorList = data;\n        });\n        socket.on("statusPageList", (data) => {\n          this.statusPageList = data;\n        });') },
  { name: "a DOM client in TypeScript keeps a notice in the module's feed it renders", filename: "src/notices.ts", files: FILES, code: DOM_CLIENT },
];

const row = (name: string, code: string, filename: string, line: number, column: number, endColumn: number, zod?: string): InvalidCase => ({
  name,
  code,
  filename,
  files: FILES,
  findings: [{ case: "messagePayload", line, column, endColumn, suggestions: [...(zod ? [{ title: "Validate data with Zod (adds the zod dependency)", output: zod }] : []), mark(code, "messagePayload", line)] }],
  output: null,
});

const HEARTBEAT = VUE_MIXIN('socket.on("heartbeat", (data) => {\n          this.heartbeatList[data.monitorID] = [];\n        });');

const HEARTBEAT_ZOD = HEARTBEAT.replace('let socket;\n', 'import { z } from "zod";\nlet socket;\nconst OnHeartbeatPayload = z.object({ monitorID: z.string() });\n\n').replace('(data) => {\n', '(rawData) => {\n        const data = OnHeartbeatPayload.parse(rawData);\n');

const invalid: InvalidCase[] = [
  row("a browser client's field used as a plain-object key stays a use", HEARTBEAT, "src/mixins/socket.js", 14, 28, 32, HEARTBEAT_ZOD),
  row("a Node process's socket.io-client keeping a job in its own state stays a use", NODE_WORKER, "src/relay.ts", 8, 22, 25),
];

runWithNamedCases(valid, invalid);
