import { dedent, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";
import { mark, runWithNamedCases } from "./unvalidated-boundary.helpers";

// Classes found in session 21 (issue 11): the tool's own self-audit and the retired held round 20.
// Hand-written analogues, not the repositories' code.

// A cache class: the static factory reads the path it hands to the constructor, whose parameter
// property the instance writes back through the project's own atomic writer, as bytes.
const CACHE_CLASS = dedent`
  import * as fs from "node:fs";
  import { writeFileSafely } from "./io";
  interface Store { version: number; items: Record<string, string> }
  export class DiskCache {
    private constructor(readonly file: string, private items: Record<string, string>) {}
    static open(file: string): DiskCache {
      let text: string;
      try {
        text = fs.readFileSync(file, "utf8");
      } catch {
        return new DiskCache(file, {});
      }
      const store = JSON.parse(text) as Store;
      return new DiskCache(file, Object.assign(Object.create(null), store.items));
    }
    save(): void {
      writeFileSafely(this.file, Buffer.from(JSON.stringify({ version: 1, items: this.items })));
    }
  }
`;

// The same with a field the constructor assigns, and fs's own writer.
const CACHE_FIELD = dedent`
  import { readFileSync, writeFileSync } from "node:fs";
  export class Counters {
    private path: string;
    private counts: Record<string, number>;
    constructor(path: string, counts: Record<string, number>) {
      this.path = path;
      this.counts = counts;
    }
    static load(path: string): Counters {
      const saved = JSON.parse(readFileSync(path, "utf8"));
      return new Counters(path, saved.counts);
    }
    bump(name: string): number {
      this.counts[name] = (this.counts[name] ?? 0) + 1;
      writeFileSync(this.path, JSON.stringify({ counts: this.counts }));
      return this.counts[name];
    }
  }
`;

const valid: ValidCase[] = [
  { name: "a cache file read by a static factory and written by the instance at the path handed to its constructor", code: CACHE_CLASS, filename: "src/cache.ts" },
  { name: "the same with a field the constructor assigns from its parameter", code: CACHE_FIELD, filename: "src/counters.ts" },
];

// The factory reads one path and hands the constructor another: the file read is not the one written.
const OTHER_PATH = dedent`
  import { readFileSync, writeFileSync } from "node:fs";
  export class Counters {
    constructor(readonly path: string, private counts: Record<string, number>) {}
    static importFrom(source: string, target: string): Counters {
      const saved = JSON.parse(readFileSync(source, "utf8"));
      return new Counters(target, saved.counts);
    }
    save(): void {
      writeFileSync(this.path, JSON.stringify({ counts: this.counts }));
    }
  }
`;

const invalid: InvalidCase[] = [
  {
    name: "a factory that reads one path and constructs the instance with another",
    code: OTHER_PATH,
    filename: "src/counters.ts",
    findings: [{ case: "jsonParseExternal", line: 5, column: 19, endColumn: 59, suggestions: [mark(OTHER_PATH, "jsonParseExternal", 5)] }],
    output: null,
  },
];

describe("unvalidated-boundary: session 21 classes (ub21b)", () => {
  runWithNamedCases(valid, invalid);
});
