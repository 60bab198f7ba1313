import swallowedException from "../../../src/rules/swallowed-exception/rule";
import { dedent, RuleTester } from "../../helpers/rule-tester";

// Classes of session 24's production records (issue 11; typebot, ghostfolio and vendure, false
// findings still reported at main; hand-written analogues, no fetched code): an Angular signal read
// in a try that only formats for display, and an Intl display name of the code given (through a
// local bound to the Intl constructor, or of the code's spelling normalised) answered as that code
// when the rendering fails. This table declares only the cases its invalid rows name.
const named = new Set(["emptyCatch", "catchReturnsDefault", "logAndContinue"]);
const narrowed = { ...swallowedException, cases: Object.fromEntries(Object.entries(swallowedException.cases).filter(([id]) => named.has(id))) } as typeof swallowedException;

new RuleTester().run(narrowed, {
  valid: [
    // An Angular signal read is a memory read; a computed is as pure as its callback.
    { name: "an empty catch around toLocaleString given an Angular input and a computed of it", code: dedent`
        import { Component, computed, input } from "@angular/core";

        @Component({ selector: "app-amount", template: "{{ label }}" })
        export class AmountComponent {
          readonly digits = input<number>();
          readonly amount = input.required<number>();
          private readonly options = computed(() => ({ minimumFractionDigits: this.digits() ?? 2 }));
          label = "";

          ngOnChanges() {
            try {
              this.label = this.amount().toLocaleString("en-US", this.options());
            } catch {}
          }
        }
      ` },
    // An Intl display name answered as the code it was given.
    { name: "an Intl constructor bound to a local before the try, the code's spelling normalised", code: dedent`
        export function languageName(code: string, locale: string): string {
          const DisplayNames = (Intl as any).DisplayNames;
          try {
            return new DisplayNames([locale.replace("_", "-")], { type: "language" }).of(code.replace("_", "-"));
          } catch (e) {
            return code;
          }
        }
      ` },
    { name: "an Intl display name of the code trimmed and upper-cased, else the code", code: dedent`
        export const regionName = (code: string, lang: string): string => {
          try {
            return new Intl.DisplayNames([lang], { type: "region" }).of(code.trim().toUpperCase()) ?? code;
          } catch {
            return code;
          }
        };
      ` },
  ],
  invalid: [
    {
      name: "a catch that logs and carries on around the same signal reads: judged by its own case, stays reported",
      code: dedent`
        import { Component, input } from "@angular/core";

        @Component({ selector: "app-amount", template: "{{ label }}" })
        export class AmountComponent {
          readonly amount = input.required<number>();
          label = "";

          ngOnChanges() {
            try {
              this.label = this.amount().toLocaleString("en-US");
            } catch (err) {
              console.warn("could not format", err);
            }
          }
        }
      `,
      findings: [
        { case: "logAndContinue", line: 11, column: 7, endLine: 11, endColumn: 18, suggestions: [
          { title: "Mark as intentionally ignored…", output: dedent`
            import { Component, input } from "@angular/core";

            @Component({ selector: "app-amount", template: "{{ label }}" })
            export class AmountComponent {
              readonly amount = input.required<number>();
              label = "";

              ngOnChanges() {
                try {
                  this.label = this.amount().toLocaleString("en-US");
                } catch (err) {
                  // Intentionally ignored: <reason>
                  console.warn("could not format", err);
                }
              }
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "a computed-like property made by a function not from @angular/core: stays reported",
      code: dedent`
        import { computed } from "./store";

        export class Amount {
          private readonly options = computed(() => loadOptions());
          label = "";

          refresh(amount: number) {
            try {
              this.label = amount.toLocaleString("en-US", this.options());
            } catch {}
          }
        }
      `,
      findings: [
        { case: "emptyCatch", line: 10, column: 13, endLine: 10, endColumn: 15, suggestions: [
          { title: "Log with console and rethrow", output: dedent`
            import { computed } from "./store";

            export class Amount {
              private readonly options = computed(() => loadOptions());
              label = "";

              refresh(amount: number) {
                try {
                  this.label = amount.toLocaleString("en-US", this.options());
                } catch (err) {
                  console.error("Amount.refresh failed", err);
                  throw err;
                }
              }
            }
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            import { computed } from "./store";

            export class Amount {
              private readonly options = computed(() => loadOptions());
              label = "";

              refresh(amount: number) {
                try {
                  this.label = amount.toLocaleString("en-US", this.options());
                } catch {
                  // Intentionally ignored: <reason>
                }
              }
            }
          ` },
        ] },
      ],
      output: dedent`
        import { computed } from "./store";

        export class Amount {
          private readonly options = computed(() => loadOptions());
          label = "";

          refresh(amount: number) {
            try {
              this.label = amount.toLocaleString("en-US", this.options());
            } catch (err) {
              console.error("Amount.refresh failed", err);
            }
          }
        }
      `,
    },
    {
      name: "an Intl display name of a part of the code (not its spelling normalised): stays reported",
      code: dedent`
        export function languageName(code: string, locale: string): string {
          try {
            return new Intl.DisplayNames([locale], { type: "language" }).of(code.slice(0, 2)) ?? code;
          } catch {
            return code;
          }
        }
      `,
      findings: [
        { case: "catchReturnsDefault", line: 4, column: 5, endLine: 4, endColumn: 10, suggestions: [
          { title: "Log the error with console", output: dedent`
            export function languageName(code: string, locale: string): string {
              try {
                return new Intl.DisplayNames([locale], { type: "language" }).of(code.slice(0, 2)) ?? code;
              } catch (err) {
                console.error("languageName failed", err);
                return code;
              }
            }
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            export function languageName(code: string, locale: string): string {
              try {
                return new Intl.DisplayNames([locale], { type: "language" }).of(code.slice(0, 2)) ?? code;
              } catch {
                // Intentionally ignored: <reason>
                return code;
              }
            }
          ` },
        ] },
      ],
      output: null,
    },
  ],
});
