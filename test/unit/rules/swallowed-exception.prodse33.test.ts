import swallowedException from "../../../src/rules/swallowed-exception/rule";
import { dedent, RuleTester } from "../../helpers/rule-tester";

// Classes from session 33, developer prodse33 (production docmost/docmost, triaged blind at a13eaded;
// hand-written analogues in other libraries and shapes, no copied code).
// This table declares only the cases its invalid rows name.
const named = new Set(["logAndContinue", "emptyCatch", "promiseCatchNoop", "promiseCatchLogOnly"]);
const narrowed = { ...swallowedException, cases: Object.fromEntries(Object.entries(swallowedException.cases).filter(([id]) => named.has(id))) } as typeof swallowedException;

// --- A project's own mutation hook whose body hands `onError` to the mutation it makes.

// React + Mantine notifications, the hook in a module under the `@/` alias.
const ssoHooks = (onError: string): Record<string, string> => ({
  "src/ee/security/queries/sso-query.ts": dedent`
    import { useMutation, useQueryClient } from "@tanstack/react-query";
    import { notifications } from "@mantine/notifications";
    import { createProvider } from "../services/sso-service";
    export function useCreateProviderMutation() {
      const queryClient = useQueryClient();
      return useMutation({
        mutationFn: (data: Partial<Provider>) => createProvider(data),
        onSuccess: () => queryClient.invalidateQueries({ queryKey: ["providers"] }),
        ${onError}
      });
    }
  `,
});
const ssoButton = dedent`
  import { useState } from "react";
  import { useCreateProviderMutation } from "@/ee/security/queries/sso-query.ts";
  export default function CreateProvider() {
    const [provider, setProvider] = useState(null);
    const createProvider = useCreateProviderMutation();
    const handleCreate = async () => {
      try {
        const created = await createProvider.mutateAsync({ type: "saml" });
        setProvider(created);
      } catch (error) {
        console.error("Failed to create provider", error);
      }
    };
    return <button onClick={handleCreate}>{String(provider)}</button>;
  }
`;
const shows = 'onError: (error) => {\n          notifications.show({ message: error.message, color: "red" });\n        },';
const onlyLogs = 'onError: (error) => console.error("create failed", error),';

// Vue + TanStack Vue Query: a composable of a relative module, an arrow hook, `mutateAsync` destructured,
// an empty catch.
const todoComposable = (options: string): Record<string, string> => ({
  "src/composables/todos.ts": dedent`
    import { useMutation } from "@tanstack/vue-query";
    import { useToast } from "primevue/usetoast";
    export const useAddTodo = () => {
      const toast = useToast();
      return useMutation({ mutationFn: (title: string) => api.post("/todos", { title })${options} });
    };
  `,
});
const todoForm = dedent`
  import { ref } from "vue";
  import { useAddTodo } from "../composables/todos";
  export function useTodoForm() {
    const title = ref("");
    const { mutateAsync } = useAddTodo();
    async function submit() {
      try {
        await mutateAsync(title.value);
        title.value = "";
      } catch {}
    }
    return { title, submit };
  }
`;
const toasts = ', onError: (e) => toast.add({ severity: "error", summary: e.message })';

// tRPC: a hook that picks one of two procedures, each with its own `onError`, and a log-only `.catch`.
const postHooks = (second: string): Record<string, string> => ({
  "src/hooks/use-post-mutation.ts": dedent`
    import { api } from "../utils/api";
    import { toast } from "sonner";
    export function usePostMutation(draft: boolean) {
      if (draft) return api.post.saveDraft.useMutation({ onError(err) { toast.error(err.message); } });
      return ${second};
    }
  `,
});
const publish = dedent`
  import { usePostMutation } from "../hooks/use-post-mutation";
  export function PublishButton({ id, draft }: { id: string; draft: boolean }) {
    const save = usePostMutation(draft);
    const onClick = () => {
      save.mutateAsync({ id }).catch((err) => console.error("publish failed", err));
    };
    return <button onClick={onClick}>Publish</button>;
  }
`;

// --- A rich-text editor's in-memory document model (doc-model.ts).

// CodeMirror 6: a line looked up in the document and a cursor dispatched to the view.
const jumpTo = (extra: string): string => dedent`
  import { EditorSelection } from "@codemirror/state";
  import type { EditorView } from "@codemirror/view";
  export async function jumpToLine(view: EditorView, line: number) {
    try {
      const pos = view.state.doc.line(line).from;
      view.dispatch({ selection: EditorSelection.cursor(pos), scrollIntoView: true });${extra}
    } catch {}
  }
`;
// Plain prosemirror-view: a position probe on a DOM node answering null like its guard.
const nodePos = dedent`
  import { NodeSelection } from "prosemirror-state";
  export function selectNodeAt(pmView, dom) {
    if (!dom) return null;
    try {
      const pos = pmView.posAtDOM(dom, 0);
      return NodeSelection.create(pmView.state.doc, pos);
    } catch {
      return null;
    }
  }
`;
// A rank between two neighbours (fractional-indexing), put back to the bare let's undefined.
const rankOf = dedent`
  import { generateKeyBetween } from "fractional-indexing";
  export async function moveCard(api: Api, id: string, before?: Card, after?: Card) {
    let rank: string | undefined;
    try {
      rank = generateKeyBetween(before?.rank ?? null, after?.rank ?? null);
    } catch {
      rank = undefined;
    }
    await api.moveCard({ id, rank });
  }
`;
// A Tiptap command: commands are the editor's extensions, which may upload or save.
const dropImage = dedent`
  import type { Editor } from "@tiptap/react";
  export function onDrop(editor: Editor, file: File) {
    try {
      editor.commands.uploadImage({ file, pos: editor.state.selection.from });
    } catch {}
  }
`;
const savesToo = jumpTo("\n      await saveDraft(view.state.doc.toString());");

// --- Work a timer's next tick retries (retried-tick.ts), and an item of a nested loop of a scheduled job.

// A module-level event buffer flushed every 5 s while `pending`; `flush` clears it `where`.
const flusher = (clear: string, after: string): string => dedent`
  let pending = false;
  const queue: Event[] = [];
  export function track(e: Event) {
    queue.push(e);
    pending = true;
  }
  async function flush() {
    const batch = queue.slice();
    ${clear}await fetch("/api/events", { method: "POST", body: JSON.stringify(batch) });
    queue.splice(0, batch.length);${after}
  }
  setInterval(() => {
    if (pending) flush().catch(() => {});
  }, 5000);
`;
const onSuccess = flusher("", "\n    pending = false;");
const clearedFirst = flusher("pending = false;\n    ", "");
// A Vue composable's sync, an empty catch in the tick, a flag on a reactive object.
const syncer = dedent`
  import { reactive, onMounted } from "vue";
  export function useNotesSync(api: Api) {
    const state = reactive({ unsynced: false, notes: [] as Note[] });
    const sync = async () => {
      await api.put("/notes", state.notes);
      state.unsynced = false;
    };
    onMounted(() => {
      setInterval(async () => {
        if (state.unsynced) {
          try {
            await sync();
          } catch {}
        }
      }, 10_000);
    });
    return state;
  }
`;
// node-cron: expired sessions purged per tenant; \`after\` runs once a tenant's loop is done.
const purge = (after: string): string => dedent`
  import cron from "node-cron";
  cron.schedule("0 3 * * *", async () => {
    const tenants = await db.tenant.findMany();
    for (const tenant of tenants) {
      const expired = await db.session.findMany({ where: { tenantId: tenant.id, expiresAt: { lt: new Date() } } });
      for (const s of expired) {
        try {
          await db.session.delete({ where: { id: s.id } });
        } catch (e) {
          logger.error(e, "purge failed");
        }
      }${after}
    }
  });
`;
const purgeThenMark = purge("\n      await db.tenant.update({ where: { id: tenant.id }, data: { purgedAt: new Date() } });");

// --- A method that only ends a decorated event listener of its class (event-step.ts, decorated-job.ts).

// @nestjs/bull: a failed mail job closed by a helper of the failed-job listener; `extra` in the class.
const mailer = (tail: string, extra: string): string => dedent`
  import { Processor, Process, OnQueueFailed } from "@nestjs/bull";
  import { Job } from "bull";
  @Processor("mail")
  export class MailProcessor {
    constructor(private readonly prisma: PrismaService, private readonly logger: Logger) {}
    @Process()
    async send(job: Job<Mail>) {
      await this.smtp.send(job.data);
    }
    @OnQueueFailed()
    async onFailed(job: Job<Mail>, err: Error) {
      this.logger.error(\`mail \${job.id} failed: \${err.message}\`);
      await this.closeJob(job);${tail}
    }
    private async closeJob(job: Job<Mail>) {
      try {
        await this.prisma.mail.update({ where: { id: job.data.id }, data: { closedAt: new Date() } });
      } catch (e) {
        this.logger.error(e);
      }
    }${extra}
  }
`;
// @nestjs/bullmq: a completed export recorded by a helper awaited in the branches that end the listener.
const exporter = dedent`
  import { OnWorkerEvent, Processor, WorkerHost } from "@nestjs/bullmq";
  @Processor("export")
  export class ExportWorker extends WorkerHost {
    async process(job: Job) {
      return this.exporter.run(job.data);
    }
    @OnWorkerEvent("completed")
    async onDone(job: Job) {
      if (job.data.userId) {
        await this.recordExport(job.id, job.data.userId);
      } else {
        this.logger.debug("anonymous export");
      }
    }
    private async recordExport(jobId: string, userId: string) {
      try {
        await this.db.insertInto("export_log").values({ jobId, userId }).execute();
      } catch (err) {
        this.logger.warn(\`could not record export \${jobId}\`, err);
      }
    }
  }
`;
const alsoRetried = mailer("", "\n  async retry(job: Job<Mail>) {\n    await this.closeJob(job);\n    return this.queue.add(job.data);\n  }");
const thenNotified = mailer("\n    await this.alerts.notify(job.data.to);", "");

new RuleTester().run(narrowed, {
  valid: [
    { name: "a log-only catch around mutateAsync of a project hook (under `@/`) whose useMutation shows the failure in onError", code: ssoButton, filename: "src/ee/security/components/create-provider.tsx", files: ssoHooks(shows) },
    { name: "an empty catch around a destructured mutateAsync of a Vue Query composable (relative module) whose onError toasts", code: todoForm, filename: "src/forms/todo-form.ts", files: todoComposable(toasts) },
    { name: "a log-only .catch on a tRPC project hook whose every answer is a mutation with onError", code: publish, filename: "src/components/publish.tsx", files: postHooks('api.post.publish.useMutation({ onError: (err) => toast.error(err.message) })') },
    { name: "an empty catch around a CodeMirror 6 line lookup and a dispatched cursor (the view's own state)", code: jumpTo(""), filename: "src/editor/jump.ts" },
    { name: "a ProseMirror position probe on a DOM node and a node selection, null like the guard", code: nodePos, filename: "src/editor/select.js" },
    { name: "a fractional rank between neighbours reset to the bare let's undefined", code: rankOf, filename: "src/board/move.ts" },
    { name: "a dropped rejection of a flush a setInterval tick starts while `pending`, which the flush clears only after its POST", code: onSuccess, filename: "src/analytics/buffer.ts" },
    { name: "an empty catch around a sync a Vue composable's tick runs while `state.unsynced`, cleared after the PUT", code: syncer, filename: "src/composables/notes-sync.ts" },
    { name: "a node-cron job's item loop that ends the body of its per-tenant loop: each item retried on the next run", code: purge(""), filename: "src/jobs/purge.ts" },
    { name: "a helper whose only call ends a Bull @OnQueueFailed listener: its log-only catch is the listener's", code: mailer("", ""), filename: "src/mail/mail.processor.ts" },
    { name: "a helper awaited in the if/else that ends a BullMQ @OnWorkerEvent listener", code: exporter, filename: "src/export/export.worker.ts" },
  ],
  invalid: [
    { name: "neighbour: the hook's onError only logs (nobody is told)", code: ssoButton, filename: "src/ee/security/components/create-provider.tsx", files: ssoHooks(onlyLogs), findings: [{ case: "logAndContinue", line: 10, column: 7, endColumn: 20, suggestions: [
      { title: "Mark as intentionally ignored…", output: ssoButton.replace("} catch (error) {\n", "} catch (error) {\n      // Intentionally ignored: <reason>\n") },
    ] }], output: null },
    { name: "neighbour: the composable's mutation has no onError", code: todoForm, filename: "src/forms/todo-form.ts", files: todoComposable(""), findings: [{ case: "emptyCatch", line: 10, column: 13, endColumn: 15, suggestions: [
      { title: "Log with console and rethrow", output: todoForm.replace("} catch {}", '} catch (err) {\n      console.error("mutateAsync failed in submit", err);\n      throw err;\n    }') },
      { title: "Mark as intentionally ignored…", output: todoForm.replace("} catch {}", "} catch {\n      // Intentionally ignored: <reason>\n    }") },
    ] }], output: todoForm.replace("} catch {}", '} catch (err) {\n      console.error("mutateAsync failed in submit", err);\n    }') },
    { name: "neighbour: one of the hook's answers is a mutation without onError", code: publish, filename: "src/components/publish.tsx", files: postHooks("api.post.publish.useMutation()"), findings: [{ case: "promiseCatchLogOnly", line: 5, column: 36, endColumn: 81, suggestions: [
      { title: "Mark as intentionally ignored…", output: publish.replace('.catch((err) => console.error("publish failed", err));', '.catch((err) => /* Intentionally ignored: <reason> */ console.error("publish failed", err));') },
    ] }], output: null },
    { name: "neighbour: the try also awaits a save of the document", code: savesToo, filename: "src/editor/jump.ts", findings: [{ case: "emptyCatch", line: 8, column: 11, endColumn: 13, suggestions: [
      { title: "Log with console and rethrow", output: savesToo.replace("} catch {}", '} catch (err) {\n    console.error("jumpToLine failed", err);\n    throw err;\n  }') },
      { title: "Mark as intentionally ignored…", output: savesToo.replace("} catch {}", "} catch {\n    // Intentionally ignored: <reason>\n  }") },
    ] }], output: savesToo.replace("} catch {}", '} catch (err) {\n    console.error("jumpToLine failed", err);\n  }') },
    { name: "neighbour: a Tiptap command (an extension's own work, an upload here)", code: dropImage, filename: "src/editor/drop.ts", findings: [{ case: "emptyCatch", line: 5, column: 11, endColumn: 13, suggestions: [
      { title: "Log with console and rethrow", output: dropImage.replace("} catch {}", '} catch (err) {\n    console.error("editor.commands.uploadImage failed in onDrop", { file }, err);\n    throw err;\n  }') },
      { title: "Mark as intentionally ignored…", output: dropImage.replace("} catch {}", "} catch {\n    // Intentionally ignored: <reason>\n  }") },
    ] }], output: dropImage.replace("} catch {}", '} catch (err) {\n    console.error("editor.commands.uploadImage failed in onDrop", { file }, err);\n  }') },
    { name: "neighbour: the flush clears `pending` before its POST (a failed batch is dropped for good)", code: clearedFirst, filename: "src/analytics/buffer.ts", findings: [{ case: "promiseCatchNoop", line: 14, column: 30, endColumn: 38, suggestions: [
      { title: "Mark as intentionally ignored…", output: clearedFirst.replace("flush().catch(() => {});", "flush().catch(() => {\n    // Intentionally ignored: <reason>\n  });") },
    ] }], output: clearedFirst.replace("flush().catch(() => {});", 'flush().catch((err) => {\n    console.error("flush failed", err);\n  });') },
    { name: "neighbour: the tenant loop marks the tenant purged after the item loop", code: purgeThenMark, filename: "src/jobs/purge.ts", findings: [{ case: "logAndContinue", line: 9, column: 9, endColumn: 18, suggestions: [
      { title: "Mark as intentionally ignored…", output: purgeThenMark.replace("} catch (e) {\n", "} catch (e) {\n        // Intentionally ignored: <reason>\n") },
    ] }], output: null },
    { name: "neighbour: the helper is also awaited by a method with a caller", code: alsoRetried, filename: "src/mail/mail.processor.ts", findings: [{ case: "logAndContinue", line: 18, column: 7, endColumn: 16, suggestions: [
      { title: "Mark as intentionally ignored…", output: alsoRetried.replace("} catch (e) {\n", "} catch (e) {\n      // Intentionally ignored: <reason>\n") },
    ] }], output: null },
    { name: "neighbour: the listener does more after the helper", code: thenNotified, filename: "src/mail/mail.processor.ts", findings: [{ case: "logAndContinue", line: 19, column: 7, endColumn: 16, suggestions: [
      { title: "Mark as intentionally ignored…", output: thenNotified.replace("} catch (e) {\n", "} catch (e) {\n      // Intentionally ignored: <reason>\n") },
    ] }], output: null },
  ],
});
