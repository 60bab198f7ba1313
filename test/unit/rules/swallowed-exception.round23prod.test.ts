import swallowedException from "../../../src/rules/swallowed-exception/rule";
import { dedent, RuleTester } from "../../helpers/rule-tester";

// Production false class (typebot, session 22): oRPC's `ORPCError` is the same HTTP answer as tRPC's
// `TRPCError`; thrown after a log that carries the error itself it is not reported, and after a log
// of the message alone it stays rethrowWithoutCause. A cache read (ghostfolio) whose empty catch
// falls through to the miss path is not reported; an empty catch that also awaits the real work is,
// and so is the log its fix writes there.
// Hand-written rows, no fetched code.
const named = new Set(["rethrowWithoutCause", "emptyCatch", "logAndContinue"]);
const narrowed = { ...swallowedException, cases: Object.fromEntries(Object.entries(swallowedException.cases).filter(([id]) => named.has(id))) } as typeof swallowedException;

new RuleTester().run(narrowed, {
  valid: [
    { name: "an oRPC error answer after a console log of the error", code: dedent`
        export async function saveDraft(input: DraftInput) {
          try {
            return await db.draft.create({ data: input });
          } catch (error) {
            console.error(error);
            throw new ORPCError("INTERNAL_SERVER_ERROR", { message: "Could not save the draft" });
          }
        }
      ` },
    { name: "a cache read whose empty catch falls through to the computation, as a miss does", code: dedent`
        export class RatesService {
          async getRates() {
            try {
              const hit = JSON.parse(await this.redisCache.get("rates"));
              if (hit) return hit;
            } catch {}
            return this.computeRates();
          }
        }
      ` },
  ],
  invalid: [
    { name: "an empty catch around a cache read and the real work", code: dedent`
        export class RatesService {
          async getRates() {
            try {
              const hit = JSON.parse(await this.redisCache.get("rates"));
              if (hit) return hit;
              return await this.api.fetchRates();
            } catch {}
            return [];
          }
        }
      `, findings: [{ case: "emptyCatch", line: 7, column: 13, endLine: 7, endColumn: 15, suggestions: [
        { title: "Log with console and rethrow", output: dedent`
            export class RatesService {
              async getRates() {
                try {
                  const hit = JSON.parse(await this.redisCache.get("rates"));
                  if (hit) return hit;
                  return await this.api.fetchRates();
                } catch (err) {
                  console.error("RatesService.getRates failed", err);
                  throw err;
                }
                return [];
              }
            }
          ` },
        { title: "Mark as intentionally ignored…", output: dedent`
            export class RatesService {
              async getRates() {
                try {
                  const hit = JSON.parse(await this.redisCache.get("rates"));
                  if (hit) return hit;
                  return await this.api.fetchRates();
                } catch {
                  // Intentionally ignored: <reason>
                }
                return [];
              }
            }
          ` },
      ] }], output: dedent`
        export class RatesService {
          async getRates() {
            try {
              const hit = JSON.parse(await this.redisCache.get("rates"));
              if (hit) return hit;
              return await this.api.fetchRates();
            } catch (err) {
              console.error("RatesService.getRates failed", err);
            }
            return [];
          }
        }
      ` },
    { name: "an oRPC error answer after a log of the message alone", code: dedent`
        export async function saveDraft(input: DraftInput) {
          try {
            return await db.draft.create({ data: input });
          } catch (error) {
            console.error(error.message);
            throw new ORPCError("INTERNAL_SERVER_ERROR", { message: "Could not save the draft" });
          }
        }
      `, findings: [{ case: "rethrowWithoutCause", line: 4, column: 5, endLine: 4, endColumn: 18 }], output: null },
    { name: "a log-only catch around a cache read and the real work", code: dedent`
        export class RatesService {
          async getRates() {
            try {
              const hit = JSON.parse(await this.redisCache.get("rates"));
              if (hit) return hit;
              return await this.api.fetchRates();
            } catch (err) {
              console.error("RatesService.getRates failed", err);
            }
            return [];
          }
        }
      `, findings: [{ case: "logAndContinue", line: 7, column: 7, endLine: 7, endColumn: 18, suggestions: [
        { title: "Rethrow the error", output: dedent`
            export class RatesService {
              async getRates() {
                try {
                  const hit = JSON.parse(await this.redisCache.get("rates"));
                  if (hit) return hit;
                  return await this.api.fetchRates();
                } catch (err) {
                  console.error("RatesService.getRates failed", err);
                  throw err;
                }
                return [];
              }
            }
          ` },
        { title: "Mark as intentionally ignored…", output: dedent`
            export class RatesService {
              async getRates() {
                try {
                  const hit = JSON.parse(await this.redisCache.get("rates"));
                  if (hit) return hit;
                  return await this.api.fetchRates();
                } catch (err) {
                  // Intentionally ignored: <reason>
                  console.error("RatesService.getRates failed", err);
                }
                return [];
              }
            }
          ` },
      ] }], output: null },
  ],
});
