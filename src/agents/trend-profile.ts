/**
 * What a file's analysis read of its project profile, so that `trend` can reuse the result in a
 * commit whose profile differs elsewhere. A dependency added to package.json changes the profile
 * of every file, but a rule that asked only `dependencies.has("express")` and `runtime` gets the
 * same answers: its result stands. Each read is noted with its answer; the result is reused when
 * every answer is the same under the new profile.
 */
import type { ProjectProfile } from "../profile/types";

/** A read and its answer: `f:NAME` a field (as JSON), `h:NAME` a dependency lookup, `r:…` a runtimeOf call. */
export type ProfileReads = Map<string, { answer: string; file?: string; text?: string; self?: boolean }>;

/**
 * A view of `profile` that notes every read in `reads`. `runtimeOf(file, text)` with the analyzed
 * file's own text is noted as `self`, so the text need not be kept: the check reads it again.
 */
export function recordingProfile(profile: ProjectProfile, reads: ProfileReads, selfText: string): ProjectProfile {
  const deps = profile.dependencies;
  const whole = () => reads.set("f:dependencies", { answer: JSON.stringify([...deps].sort()) });
  const dependencies: ReadonlySet<string> = {
    has(name: string) {
      const answer = deps.has(name);
      reads.set(`h:${name}`, { answer: String(answer) });
      return answer;
    },
    get size() {
      whole();
      return deps.size;
    },
    forEach(fn, thisArg) {
      whole();
      deps.forEach((v, k) => fn.call(thisArg, v, k, dependencies));
    },
    entries: () => (whole(), deps.entries()),
    keys: () => (whole(), deps.keys()),
    values: () => (whole(), deps.values()),
    [Symbol.iterator]: () => (whole(), deps[Symbol.iterator]()),
  } as ReadonlySet<string>;
  const runtimeOf = (file: string, text?: string) => {
    const answer = profile.runtimeOf(file, text);
    const self = text !== undefined && text === selfText;
    reads.set(`r:${file}\u0000${text === undefined ? "-" : self ? "self" : text}`, { answer, file, self, ...(text !== undefined && !self ? { text } : {}) });
    return answer;
  };
  return new Proxy(profile, {
    get(target, prop, receiver) {
      if (prop === "dependencies") return dependencies;
      if (prop === "runtimeOf") return runtimeOf;
      const value: unknown = Reflect.get(target, prop, receiver);
      if (typeof prop === "string") reads.set(`f:${prop}`, { answer: JSON.stringify(value) ?? "undefined" });
      return value;
    },
  });
}

/**
 * Whether `profile` answers every noted read as before: true, false, or `"text"` when only the
 * `runtimeOf` calls on the file's own text are left to check (then call again with `selfText`).
 */
export function profileReadsHold(reads: ProfileReads, profile: ProjectProfile, selfText?: string): boolean | "text" {
  let needsText = false;
  for (const [key, read] of reads) {
    const kind = key.slice(0, 2);
    if (kind === "h:") {
      if (String(profile.dependencies.has(key.slice(2))) !== read.answer) return false;
    } else if (kind === "f:") {
      const field = key.slice(2);
      const value = field === "dependencies" ? [...profile.dependencies].sort() : (profile as unknown as Record<string, unknown>)[field];
      if ((JSON.stringify(value) ?? "undefined") !== read.answer) return false;
    } else if (read.self && selfText === undefined) needsText = true;
    else if (profile.runtimeOf(read.file!, read.self ? selfText : read.text) !== read.answer) return false;
  }
  return needsText ? "text" : true;
}
