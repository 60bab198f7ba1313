import swallowedException from "../../../src/rules/swallowed-exception/rule";
import { dedent, RuleTester } from "../../helpers/rule-tester";

// Classes from session 23, developer se25b (issue 11; decided misses and false positives of the
// tune part left by se25; hand-written analogues, no fetched code). This table declares only the
// cases its invalid rows name.
const named = new Set(["logAndContinue"]);
const narrowed = { ...swallowedException, cases: Object.fromEntries(Object.entries(swallowedException.cases).filter(([id]) => named.has(id))) } as typeof swallowedException;

new RuleTester().run(narrowed, {
  valid: [
    { name: "a logged catch answering a text put together with the caught error's message: it tells what failed", code: dedent`
        export async function orderStatus(orderId: string): Promise<string> {
          try {
            const order = await orders.find(orderId);
            return \`Order \${orderId}: \${order.state}\`;
          } catch (err) {
            console.error("status lookup", err);
            return "Order " + orderId + " is not available now: " + err.message;
          }
        }
      ` },
    { name: "a logged catch answering a text put together that says it failed", code: dedent`
        export async function orderStatus(orderId: string): Promise<string> {
          try {
            const order = await orders.find(orderId);
            return \`Order \${orderId}: \${order.state}\`;
          } catch (err) {
            console.error("status lookup", err);
            return "Could not look up order " + orderId + ", please try later.";
          }
        }
      ` },
    { name: "a logged catch answering a text built with a call's answer: unjudged", code: dedent`
        export async function orderStatus(orderId: string): Promise<string> {
          try {
            const order = await orders.find(orderId);
            return \`Order \${orderId}: \${order.state}\`;
          } catch (err) {
            console.error("status lookup", err);
            return \`Shipping update: \${describeOutage()}\`;
          }
        }
      ` },
    { name: "keys tried in turn, a question whether to go on, and \"none\" after a log line of its own", code: dedent`
        export class Deck {
          async draftSlides(topic: string): Promise<Slide[] | undefined> {
            const keys = this.apiKeys();
            for (let i = 0; i < keys.length; i += 1) {
              const key = keys[i];
              try {
                return await this.model.slides(topic, key);
              } catch (err) {
                const message = err instanceof Error ? err.message : "unknown";
                this.logger.warn(\`model call failed: \${message}\`);
                const hasNextKey = i < keys.length - 1;
                if (!hasNextKey || !this.shouldTryNextKey(err)) {
                  break;
                }
              }
            }
            this.logger.warn("slides skipped");
            return undefined;
          }
        }
      ` },
    { name: "keys tried in turn, and the input the try converts after the loop", code: dedent`
        export class Deck {
          async cleanTopic(topic: string): Promise<Slide[] | undefined> {
            const keys = this.apiKeys();
            for (let i = 0; i < keys.length; i += 1) {
              const key = keys[i];
              try {
                return await this.model.clean(topic, key);
              } catch (err) {
                const message = err instanceof Error ? err.message : "unknown";
                this.logger.warn(\`model call failed: \${message}\`);
                const hasNextKey = i < keys.length - 1;
                if (!hasNextKey || !this.shouldTryNextKey(err)) {
                  break;
                }
              }
            }
            return topic;
          }
        }
      ` },
    { name: "keys tried in turn, and after the loop an answer the try itself gives", code: dedent`
        export class Deck {
          async pickSlide(topic: string): Promise<Slide | undefined> {
            const keys = this.apiKeys();
            const slides = this.slidesFor(topic);
            for (let i = 0; i < keys.length; i += 1) {
              const key = keys[i];
              try {
                return slides[await this.model.rank(slides, key)] ?? slides[0];
              } catch (err) {
                const message = err instanceof Error ? err.message : "unknown";
                this.logger.warn(\`model call failed: \${message}\`);
                const hasNextKey = i < keys.length - 1;
                if (!hasNextKey || !this.shouldTryNextKey(err)) {
                  break;
                }
              }
            }
            return slides[0];
          }
        }
      ` },
    { name: "a log line that says what goes on with less after the failure: posting text only", code: dedent`
        export async function publish(text: string, image?: Buffer) {
          const post: Post = { text };
          if (image) {
            try {
              const blob = await social.upload(image);
              post.media = [blob.ref];
            } catch (err) {
              console.warn("Could not upload the image, posting text only:", err);
            }
          }
          return social.post(post);
        }
      ` },
    { name: "a local check that only reads and logs what it read, whose every caller discards its answer", code: dedent`
        export async function linkScorecard(scorecardId: string, callId: string) {
          async function verifyLinks(fromType: string, fromId: string) {
            try {
              const data = await crm.associations(fromType, fromId);
              const count = (data?.results || []).length;
              console.log(\`verify \${fromType}:\${fromId}: \${count} linked\`);
              return count;
            } catch (e) {
              console.warn(\`verify failed for \${fromType}:\${fromId}\`, e.message);
              return 0;
            }
          }

          await crm.link("calls", callId, "scorecards", scorecardId);
          await verifyLinks("calls", callId);
        }
      ` },
  ],
  invalid: [
    {
      name: "a logged catch answering a made-up reply put together by concatenation of words and the input",
      code: dedent`
        export async function orderStatus(orderId: string): Promise<string> {
          try {
            const order = await orders.find(orderId);
            return \`Order \${orderId}: \${order.state}\`;
          } catch (err) {
            console.error("status lookup", err);
            return "Looking up order " + orderId + "... (tracking is coming soon).";
          }
        }
      `,
      findings: [
        { case: "logAndContinue", line: 5, column: 5, endLine: 5, endColumn: 16, suggestions: [
          { title: "Rethrow the error", output: dedent`
              export async function orderStatus(orderId: string): Promise<string> {
                try {
                  const order = await orders.find(orderId);
                  return \`Order \${orderId}: \${order.state}\`;
                } catch (err) {
                  console.error("status lookup", err);
                  throw err;
                }
              }
            ` },
          { title: "Mark as intentionally ignored…", output: dedent`
              export async function orderStatus(orderId: string): Promise<string> {
                try {
                  const order = await orders.find(orderId);
                  return \`Order \${orderId}: \${order.state}\`;
                } catch (err) {
                  // Intentionally ignored: <reason>
                  console.error("status lookup", err);
                  return "Looking up order " + orderId + "... (tracking is coming soon).";
                }
              }
            ` },
        ] },
      ],
      output: null,
    },
    {
      name: "a logged catch answering a made-up reply as a template whose opening differs from the try's",
      code: dedent`
        export async function orderStatus(orderId: string): Promise<string> {
          try {
            const order = await orders.find(orderId);
            return \`Order \${orderId}: \${order.state}\`;
          } catch (err) {
            console.error("status lookup", err);
            return \`Your order \${orderId} is on its way\`;
          }
        }
      `,
      findings: [
        { case: "logAndContinue", line: 5, column: 5, endLine: 5, endColumn: 16, suggestions: [
          { title: "Rethrow the error", output: dedent`
              export async function orderStatus(orderId: string): Promise<string> {
                try {
                  const order = await orders.find(orderId);
                  return \`Order \${orderId}: \${order.state}\`;
                } catch (err) {
                  console.error("status lookup", err);
                  throw err;
                }
              }
            ` },
          { title: "Mark as intentionally ignored…", output: dedent`
              export async function orderStatus(orderId: string): Promise<string> {
                try {
                  const order = await orders.find(orderId);
                  return \`Order \${orderId}: \${order.state}\`;
                } catch (err) {
                  // Intentionally ignored: <reason>
                  console.error("status lookup", err);
                  return \`Your order \${orderId} is on its way\`;
                }
              }
            ` },
        ] },
      ],
      output: null,
    },
    {
      name: "keys tried in turn with a question whether to go on, and made-up slides after the loop",
      code: dedent`
        export class Deck {
          async generateSlides(topic: string): Promise<Slide[] | undefined> {
            const keys = this.apiKeys();
            for (let i = 0; i < keys.length; i += 1) {
              const key = keys[i];
              try {
                return await this.model.slides(topic, key);
              } catch (err) {
                const message = err instanceof Error ? err.message : "unknown";
                this.logger.warn(\`model call failed: \${message}\`);
                const hasNextKey = i < keys.length - 1;
                if (!hasNextKey || !this.shouldTryNextKey(err)) {
                  break;
                }
              }
            }
            return this.fallbackSlides(topic);
          }
        }
      `,
      findings: [
        { case: "logAndContinue", line: 8, column: 9, endLine: 8, endColumn: 20, suggestions: [
          { title: "Mark as intentionally ignored…", output: dedent`
              export class Deck {
                async generateSlides(topic: string): Promise<Slide[] | undefined> {
                  const keys = this.apiKeys();
                  for (let i = 0; i < keys.length; i += 1) {
                    const key = keys[i];
                    try {
                      return await this.model.slides(topic, key);
                    } catch (err) {
                      // Intentionally ignored: <reason>
                      const message = err instanceof Error ? err.message : "unknown";
                      this.logger.warn(\`model call failed: \${message}\`);
                      const hasNextKey = i < keys.length - 1;
                      if (!hasNextKey || !this.shouldTryNextKey(err)) {
                        break;
                      }
                    }
                  }
                  return this.fallbackSlides(topic);
                }
              }
            ` },
        ] },
      ],
      output: dedent`
        export class Deck {
          async generateSlides(topic: string): Promise<Slide[] | undefined> {
            const keys = this.apiKeys();
            for (let i = 0; i < keys.length; i += 1) {
              const key = keys[i];
              try {
                return await this.model.slides(topic, key);
              } catch (err) {
                const message = err instanceof Error ? err.message : "unknown";
                this.logger.warn(\`model call failed: \${message}\`, err);
                const hasNextKey = i < keys.length - 1;
                if (!hasNextKey || !this.shouldTryNextKey(err)) {
                  break;
                }
              }
            }
            return this.fallbackSlides(topic);
          }
        }
      `,
    },
    {
      name: "a log line that only says the upload failed, before the post goes on",
      code: dedent`
        export async function publish(text: string, image?: Buffer) {
          const post: Post = { text };
          if (image) {
            try {
              const blob = await social.upload(image);
              post.media = [blob.ref];
            } catch (err) {
              console.warn("Could not upload the image:", err);
            }
          }
          return social.post(post);
        }
      `,
      findings: [
        { case: "logAndContinue", line: 7, column: 7, endLine: 7, endColumn: 18, suggestions: [
          { title: "Mark as intentionally ignored…", output: dedent`
              export async function publish(text: string, image?: Buffer) {
                const post: Post = { text };
                if (image) {
                  try {
                    const blob = await social.upload(image);
                    post.media = [blob.ref];
                  } catch (err) {
                    // Intentionally ignored: <reason>
                    console.warn("Could not upload the image:", err);
                  }
                }
                return social.post(post);
              }
            ` },
        ] },
      ],
      output: null,
    },
    {
      name: "a local check that only reads and logs, whose answer a caller reads",
      code: dedent`
        export async function linkScorecard(scorecardId: string, callId: string) {
          async function verifyLinks(fromType: string, fromId: string) {
            try {
              const data = await crm.associations(fromType, fromId);
              const count = (data?.results || []).length;
              console.log(\`verify \${fromType}:\${fromId}: \${count} linked\`);
              return count;
            } catch (e) {
              console.warn(\`verify failed for \${fromType}:\${fromId}\`, e.message);
              return 0;
            }
          }

          await crm.link("calls", callId, "scorecards", scorecardId);
          if ((await verifyLinks("calls", callId)) === 0) await crm.link("calls", callId, "scorecards", scorecardId);
        }
      `,
      findings: [
        { case: "logAndContinue", line: 8, column: 7, endLine: 8, endColumn: 16, suggestions: [
          { title: "Mark as intentionally ignored…", output: dedent`
              export async function linkScorecard(scorecardId: string, callId: string) {
                async function verifyLinks(fromType: string, fromId: string) {
                  try {
                    const data = await crm.associations(fromType, fromId);
                    const count = (data?.results || []).length;
                    console.log(\`verify \${fromType}:\${fromId}: \${count} linked\`);
                    return count;
                  } catch (e) {
                    // Intentionally ignored: <reason>
                    console.warn(\`verify failed for \${fromType}:\${fromId}\`, e.message);
                    return 0;
                  }
                }

                await crm.link("calls", callId, "scorecards", scorecardId);
                if ((await verifyLinks("calls", callId)) === 0) await crm.link("calls", callId, "scorecards", scorecardId);
              }
            ` },
        ] },
      ],
      output: null,
    },
  ],
});
