import { dedent, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";
import { mark, runWithNamedCases } from "./unvalidated-boundary.helpers";

// Session 44, developer produb: production maxun (getmaxun/maxun, triaged blind at c62c85f6),
// `server/src/workflow-management/classes/Interpreter.ts:344`. In a module that imports socket.io, the listener of an
// object the function builds itself from a class that is no transport (`const interpreter = new Interpreter(workflow,
// options); interpreter.on("flag", async (page, resume) => …)`, maxun-core's workflow interpreter; also a plain
// `EventEmitter`) hears only this process: its arguments are not a socket's payload. A socket, a socket.io `Server`,
// a Redis subscriber or a worker built the same way stays a source.

const PKG = { "package.json": '{ "dependencies": { "socket.io": "^4.7.0", "maxun-core": "^0.0.1", "ioredis": "^5.0.0" } }' };

const runner = (build: string, event: string) => dedent`
  import { Socket } from "socket.io";
  import Interpreter from "maxun-core";
  import { EventEmitter } from "node:events";
  import Redis from "ioredis";
  import fs from "node:fs";

  export class WorkflowInterpreter {
    constructor(private socket: Socket) {}

    async run(workflow: object) {
      const interpreter = ${build};
      interpreter.on("${event}", async (payload) => {
        fs.writeFileSync(payload.file, "done");
        this.socket.emit("log", "stored");
      });
    }
  }
`;

const INTERPRETER = runner("new Interpreter(workflow, { maxConcurrency: 1 })", "flag");
const EMITTER = runner("new EventEmitter()", "rows");
const REDIS = runner("new Redis(process.env.REDIS_URL)", "message");

const valid: ValidCase[] = [
  { name: "a workflow interpreter the method builds itself, heard in a socket.io module (maxun Interpreter.ts:344)", code: INTERPRETER, filename: "src/interpreter.ts", files: PKG },
  { name: "another style: a plain EventEmitter built in the function", code: EMITTER, filename: "src/interpreter.ts", files: PKG },
];

const invalid: InvalidCase[] = [
  { name: "a Redis subscriber built the same way stays a message source", code: REDIS, filename: "src/interpreter.ts", files: PKG, findings: [{ case: "messagePayload", line: 13, column: 24, endColumn: 31, suggestions: [mark(REDIS, "messagePayload", 13)] }], output: null },
];

runWithNamedCases(valid, invalid);
