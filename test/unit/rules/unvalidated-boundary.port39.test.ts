import { dedent, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";
import { markedRow, runWithNamedCases } from "./unvalidated-boundary.helpers";

// Held round 42 (retired to tune), session 39, developer ub39: the `port` of an AudioWorkletNode or a
// SharedWorker the file constructs (and `this.port` in an AudioWorkletProcessor) talks only to the
// app's own processor or worker script (MDN, AudioWorkletNode.port), like a dedicated Worker's
// messages: no outside input (MeetLens `src/services/backendTranscriptionService.ts:348`, decided
// clean). Rows in a TypeScript class as in the repository, hand-made with a SharedWorker's
// `addEventListener` and in a processor script; a port the file did not make stays reported.

const lineOf = (code: string, text: string): number => code.split("\n").findIndex((l) => l.includes(text)) + 1;
const colOf = (code: string, text: string, word: string): number => code.split("\n")[lineOf(code, text) - 1]!.indexOf(word, code.split("\n")[lineOf(code, text) - 1]!.indexOf(text)) + 1;

const FOREIGN = dedent`
  export class Bridge {
    private port: MessagePort | null = null;
    attach(event: MessageEvent) {
      this.port = event.ports[0];
      this.port.onmessage = (msg) => {
        const data = msg.data;
        localStorage.setItem(data.key, data.value);
      };
    }
  }
`;

const valid: ValidCase[] = [
  { name: "AudioWorkletNode built in a class field: its port's messages come from the app's own processor (round 42, MeetLens)", filename: "src/services/recorder.ts", code: dedent`
    export class Recorder {
      private workletNode: AudioWorkletNode | null = null;
      private chunks: Record<string, ArrayBuffer> = {};
      async start(ctx: AudioContext) {
        await ctx.audioWorklet.addModule(new URL("../worklets/pcm.js", import.meta.url));
        this.workletNode = new AudioWorkletNode(ctx, "pcm-worklet");
        this.workletNode.port.onmessage = (event) => {
          const data = event.data;
          if (!data || data.type !== "chunk") return;
          this.chunks[data.id] = data.pcm;
        };
      }
    }
  ` },
  { name: "SharedWorker (hand-made): port.addEventListener on the worker the file made", filename: "src/sync.js", code: dedent`
    const shared = new SharedWorker(new URL("./sync-worker.js", import.meta.url));
    const cache = {};
    shared.port.addEventListener("message", (event) => {
      cache[event.data.key] = event.data.value;
    });
    shared.port.start();
  ` },
  { name: "AudioWorkletProcessor (hand-made): this.port hears only its own node", filename: "public/worklets/meter.js", code: dedent`
    class Meter extends AudioWorkletProcessor {
      constructor() {
        super();
        this.settings = {};
        this.port.onmessage = (event) => {
          this.settings[event.data.name] = event.data.value;
        };
      }
      process() { return true; }
    }
    registerProcessor("meter", Meter);
  ` },
];

const invalid: InvalidCase[] = [
  markedRow("a port handed over by a window message: still outside input", FOREIGN, "src/bridge.ts", {}, "postMessageData", lineOf(FOREIGN, "const data = msg.data"), colOf(FOREIGN, "const data = msg.data", "msg.data"), colOf(FOREIGN, "const data = msg.data", "msg.data") + 8),
];

describe("unvalidated-boundary: the port of the app's own AudioWorkletNode or SharedWorker (round 42)", () => {
  runWithNamedCases(valid, invalid);
});
