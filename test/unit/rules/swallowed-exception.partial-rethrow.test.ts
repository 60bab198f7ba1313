import swallowedException from "../../../src/rules/swallowed-exception/rule";
import { dedent, RuleTester, type InvalidCase } from "../../helpers/rule-tester";

// Session 37, the lead: production AmruthPillai/Reactive-Resume (eval/production, seed 20261370) read by
// hand. A catch whose only statements are checks for one specific error that pass that error on
// (`if (error.code === "P2025") throw new InternalServerErrorException(error);`) lets every other error
// fall out of the catch: the method answers undefined as if the update went through. A rethrow in the
// check used to count as letting the others out whatever the check's polarity. A negated check, more
// statements in the catch, a loop around the try (the next pass retries) or a throw after the try
// still handle the others.
const named = new Set(["partialErrorCheck"]);
const narrowed = { ...swallowedException, cases: Object.fromEntries(Object.entries(swallowedException.cases).filter(([id]) => named.has(id))) } as typeof swallowedException;

const NEST = dedent`
  import { Injectable, InternalServerErrorException, Logger } from "@nestjs/common";

  @Injectable()
  export class ResumeService {
    constructor(private readonly prisma: PrismaService) {}

    async update(userId: string, id: string, dto: UpdateResumeDto) {
      try {
        return await this.prisma.resume.update({ data: { title: dto.title }, where: { userId_id: { userId, id } } });
      } catch (error) {
        if (error.code === "P2025") {
          Logger.error(error);
          throw new InternalServerErrorException(error);
        }
      }
    }
  }
`;
// Another style: plain JavaScript, a file read whose expected error is wrapped with its cause.
const FS = dedent`
  const fs = require("node:fs/promises");

  async function loadTemplate(file) {
    try {
      return await fs.readFile(file, "utf8");
    } catch (err) {
      if (err.code === "ENOENT") throw new Error(\`template \${file} missing\`, { cause: err });
    }
  }
  module.exports = { loadTemplate };
`;
const RETRY = dedent`
  export async function withRetry<T>(fn: () => Promise<T>, tries = 5): Promise<T> {
    let attempt = 0;
    while (true) {
      try {
        return await fn();
      } catch (err) {
        attempt++;
        if (attempt >= tries || err instanceof PermanentError) throw err;
        await sleep(200 * attempt);
      }
    }
  }
`;
const FALLBACK_MODELS = dedent`
  export async function complete(prompt: string) {
    for (const model of MODELS) {
      try {
        return await runCompletion(prompt, { model });
      } catch (e) {
        if (e instanceof QuotaError) throw e;
      }
    }
    throw new Error("all models failed");
  }
`;
const THROW_AFTER = dedent`
  export async function readConfig(path: string) {
    try {
      return JSON.parse(await readFile(path, "utf8"));
    } catch (e) {
      if (e.code === "EACCES") throw e;
    }
    throw new Error(\`no readable config at \${path}\`);
  }
`;
const NEGATED = dedent`
  export async function removeLock(path: string) {
    try {
      await unlink(path);
    } catch (e) {
      if (e.code !== "ENOENT") throw e;
    }
  }
`;
const DENY = dedent`
  export async function getSession(token: string) {
    try {
      return await verifyToken(token);
    } catch (error) {
      if (isConfigError(error)) throw error;
      return null;
    }
  }
`;

/** An invalid row: the finding on the catch, its two suggestions and the safe log added where the others fall out (after `tail`'s first line). */
function partialRow(name: string, code: string, filename: string, [line, column, endColumn]: number[], at: { tail: string; rethrow: string; header: string; indent: string; log: string }): InvalidCase {
  const cut = at.tail.indexOf("\n") + 1;
  const after = (added: string): string => code.replace(at.tail, at.tail.slice(0, cut) + added + at.tail.slice(cut));
  return {
    name,
    code,
    filename,
    findings: [{ case: "partialErrorCheck", line, column, endColumn, suggestions: [
      { title: "Rethrow the errors the check does not expect", output: after(at.rethrow) },
      { title: "Mark as intentionally ignored…", output: code.replace(at.header, `${at.header}${at.indent}// Intentionally ignored: <reason>\n`) },
    ] }],
    output: after(at.log),
  };
}

new RuleTester().run(narrowed, {
  valid: [
    { name: "a retry loop: a catch that falls through goes round again", code: RETRY, filename: "src/retry.ts" },
    { name: "a loop over fallback models, then a throw when every one failed", code: FALLBACK_MODELS, filename: "src/ai.ts" },
    { name: "a throw after the try takes the errors the check lets fall out", code: THROW_AFTER, filename: "src/config.ts" },
    { name: "a negated check rethrows every other error", code: NEGATED, filename: "src/lock.ts" },
    { name: "a statement after the check answers the others (a deny result)", code: DENY, filename: "src/session.ts" },
  ],
  invalid: [
    partialRow("NestJS: only P2025 is logged and rethrown, every other error answers undefined", NEST, "apps/server/src/resume/resume.service.ts", [10, 7, 20], {
      tail: "      }\n    }\n  }\n}", rethrow: "      throw error;\n", header: "(error) {\n", indent: "      ",
      log: "      Logger.error(\"prisma.resume.update failed\", { userId, id }, error);\n",
    }),
    partialRow("plain JavaScript: only ENOENT is wrapped and thrown, the rest are dropped", FS, "src/templates.js", [6, 5, 16], {
      tail: "{ cause: err });\n", rethrow: "    throw err;\n", header: "(err) {\n", indent: "    ",
      log: "    console.error(\"fs.readFile failed in loadTemplate\", { file }, err);\n",
    }),
  ],
});
