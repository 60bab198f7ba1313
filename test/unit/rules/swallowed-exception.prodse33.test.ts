import swallowedException from "../../../src/rules/swallowed-exception/rule";
import { dedent, RuleTester } from "../../helpers/rule-tester";

// Classes from session 33, developer prodse33 (production docmost/docmost, triaged blind at a13eaded;
// hand-written analogues in other libraries and shapes, no copied code).
// This table declares only the cases its invalid rows name.
const named = new Set(["logAndContinue", "emptyCatch", "promiseCatchLogOnly"]);
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

new RuleTester().run(narrowed, {
  valid: [
    { name: "a log-only catch around mutateAsync of a project hook (under `@/`) whose useMutation shows the failure in onError", code: ssoButton, filename: "src/ee/security/components/create-provider.tsx", files: ssoHooks(shows) },
    { name: "an empty catch around a destructured mutateAsync of a Vue Query composable (relative module) whose onError toasts", code: todoForm, filename: "src/forms/todo-form.ts", files: todoComposable(toasts) },
    { name: "a log-only .catch on a tRPC project hook whose every answer is a mutation with onError", code: publish, filename: "src/components/publish.tsx", files: postHooks('api.post.publish.useMutation({ onError: (err) => toast.error(err.message) })') },
    { name: "an empty catch around a CodeMirror 6 line lookup and a dispatched cursor (the view's own state)", code: jumpTo(""), filename: "src/editor/jump.ts" },
    { name: "a ProseMirror position probe on a DOM node and a node selection, null like the guard", code: nodePos, filename: "src/editor/select.js" },
    { name: "a fractional rank between neighbours reset to the bare let's undefined", code: rankOf, filename: "src/board/move.ts" },
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
  ],
});
