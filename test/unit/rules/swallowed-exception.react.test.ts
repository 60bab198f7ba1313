import swallowedException from "../../../src/rules/swallowed-exception/rule";
import { dedent, RuleTester } from "../../helpers/rule-tester";

// React/Next UI idioms (issue 11: unkeyed/unkey production audit, hand-written analogues): callbacks
// nobody awaits, and mutations whose own onError already tells the user. swallowed-exception.test.ts
// exercises every case; this table declares only the cases its invalid rows name, so a row that
// reports any other case fails.
const named = new Set(["logAndContinue", "promiseCatchLogOnly", "promiseCatchNoop"]);
const narrowed = { ...swallowedException, cases: Object.fromEntries(Object.entries(swallowedException.cases).filter(([id]) => named.has(id))) } as typeof swallowedException;

new RuleTester().run(narrowed, {
  valid: [
    {
      name: "a polling function wrapped in useCallback and handed by name to setInterval in an effect",
      filename: "src/hooks/use-events.ts",
      code: dedent`
        export function useEvents(client: Client, ms: number) {
          const [events, setEvents] = useState<Event[]>([]);
          const poll = useCallback(async () => {
            try {
              const next = await client.events.list({ since: events[0]?.time });
              setEvents((prev) => [...next, ...prev]);
            } catch (error) {
              console.error("polling for events failed", error);
            }
          }, [client, events]);
          useEffect(() => {
            const id = setInterval(poll, ms);
            return () => clearInterval(id);
          }, [poll, ms]);
          return events;
        }
      `,
    },
    {
      name: "a keyboard handler a hook returns, whose try ends it inside a trailing if and waits on nothing",
      filename: "src/hooks/use-list-keys.ts",
      code: dedent`
        export const useListKeys = (items: HTMLElement[]) => {
          const handleKeyDown = (event: KeyboardEvent, index: number) => {
            if (event.key === "Escape") return;
            if (event.key === "ArrowDown") {
              event.preventDefault();
              try {
                items[(index + 1) % items.length].focus();
              } catch (e) {
                console.error("focus failed", e);
              }
            }
          };
          return { handleKeyDown };
        };
      `,
    },
    {
      name: "a handle… function a component defines, ending in a log-only try that waits on nothing",
      filename: "src/components/picker.tsx",
      code: dedent`
        export function ColorPicker({ onPick }: Props) {
          function handlePaste(text: string) {
            try {
              onPick(parseColor(text));
            } catch (err) {
              logger.warn("not a colour", err);
            }
          }
          return <Input onPasteText={handlePaste} />;
        }
      `,
    },
    {
      name: "a search callback in useCallback run from a debounce timer: no caller to tell",
      filename: "src/hooks/use-search.ts",
      code: dedent`
        export const useSearch = (onSearch: (q: string) => void, wait = 300) => {
          const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
          const run = useCallback(
            (q: string) => {
              if (q.trim()) {
                try {
                  onSearch(q.trim());
                } catch (error) {
                  console.error("search failed", error);
                }
              }
            },
            [onSearch],
          );
          return useCallback((q: string) => {
            if (timer.current) clearTimeout(timer.current);
            timer.current = setTimeout(() => run(q), wait);
          }, [run, wait]);
        };
      `,
    },
    {
      name: "a log-only catch around mutateAsync of a tRPC mutation whose onError shows a toast",
      filename: "src/components/members.tsx",
      code: dedent`
        export function RemoveButton({ memberId }: Props) {
          const remove = trpc.members.remove.useMutation({
            onSuccess: () => toast.success("Removed"),
            onError: (error) => {
              toast.error(error.message || "Could not remove the member");
            },
          });
          return (
            <Button
              onClick={async () => {
                try {
                  await remove.mutateAsync({ memberId });
                  closeDialog();
                } catch (error) {
                  console.error("remove failed", error);
                }
              }}
            />
          );
        }
      `,
    },
    {
      name: "a log-only .catch on mutateAsync of a TanStack mutation whose onError method shows a toast",
      filename: "src/components/rollback.tsx",
      code: dedent`
        export function RollbackDialog({ id }: Props) {
          const rollback = useMutation({
            mutationFn: (deploymentId: string) => api.rollback(deploymentId),
            onError(error) {
              toast.error("Rollback failed", { description: error.message });
            },
          });
          const handleRollback = async () => {
            await rollback.mutateAsync(id).catch((error) => {
              console.error("rollback error", error);
            });
          };
          return <Button onClick={handleRollback} />;
        }
      `,
    },
    {
      name: "a destructured mutateAsync whose mutation hands onError a named handler",
      filename: "src/components/invite.tsx",
      code: dedent`
        export function InviteForm() {
          const { mutateAsync: invite } = useMutation({ mutationFn: sendInvite, onError: showError });
          const onSubmit = async (values: Values) => {
            try {
              await invite(values);
            } catch (e) {
              console.warn(e);
            }
          };
          return <form onSubmit={form.handleSubmit(onSubmit)} />;
        }
      `,
    },
    {
      name: "a failed dynamic import answered with a component that renders an alert",
      filename: "src/components/settings.tsx",
      code: dedent`
        const LazyDialog = dynamic(
          () =>
            import("./dialog")
              .then((mod) => ({ default: mod.Dialog }))
              .catch(() => ({ default: () => <div role="alert">Could not load the dialog</div> })),
          { ssr: false },
        );
      `,
    },
    {
      name: "a failed lazy import answered with a component whose text says it failed",
      filename: "src/components/editor.tsx",
      code: dedent`
        const Editor = lazy(() =>
          import("./editor").catch(() => ({ default: () => <p className="muted">Failed to load the editor</p> })),
        );
      `,
    },
  ],
  invalid: [
    {
      name: "a failed dynamic import answered with a component that renders nothing is reported",
      filename: "src/components/settings.tsx",
      code: dedent`
        const LazyDialog = dynamic(
          () =>
            import("./dialog")
              .then((mod) => ({ default: mod.Dialog }))
              .catch(() => ({ default: () => <div className="empty" /> })),
          { ssr: false },
        );
      `,
      findings: [
        { case: "promiseCatchNoop", line: 5, column: 14, endLine: 5, endColumn: 66, suggestions: [
          { title: "Mark as intentionally ignored…", output: dedent`
            const LazyDialog = dynamic(
              () =>
                import("./dialog")
                  .then((mod) => ({ default: mod.Dialog }))
                  .catch(() => /* Intentionally ignored: <reason> */ ({ default: () => <div className="empty" /> })),
              { ssr: false },
            );
          ` },
        ] },
      ],
      output: dedent`
        const LazyDialog = dynamic(
          () =>
            import("./dialog")
              .then((mod) => ({ default: mod.Dialog }))
              .catch((err) => {
                console.error("LazyDialog failed", err);
                return ({ default: () => <div className="empty" /> });
              }),
          { ssr: false },
        );
      `,
    },
    {
      name: "a log-only catch around mutateAsync of a mutation without onError is reported: nobody tells the user",
      filename: "src/components/members.tsx",
      code: dedent`
        export function RemoveButton({ memberId }: Props) {
          const remove = trpc.members.remove.useMutation({
            onSuccess: () => toast.success("Removed"),
          });
          const onClick = async () => {
            try {
              await remove.mutateAsync({ memberId });
            } catch (error) {
              console.error("remove failed", error);
            }
          };
          return <Button onClick={onClick} />;
        }
      `,
      findings: [
        { case: "logAndContinue", line: 8, column: 7, endLine: 8, endColumn: 20, suggestions: [
          { title: "Mark as intentionally ignored…", output: dedent`
            export function RemoveButton({ memberId }: Props) {
              const remove = trpc.members.remove.useMutation({
                onSuccess: () => toast.success("Removed"),
              });
              const onClick = async () => {
                try {
                  await remove.mutateAsync({ memberId });
                } catch (error) {
                  // Intentionally ignored: <reason>
                  console.error("remove failed", error);
                }
              };
              return <Button onClick={onClick} />;
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "an empty onError does not tell the user either",
      filename: "src/components/rollback.tsx",
      code: dedent`
        export function RollbackDialog({ id }: Props) {
          const rollback = useMutation({ mutationFn: api.rollback, onError: () => {} });
          const handleRollback = async () => {
            await rollback.mutateAsync(id).catch((error) => {
              console.error("rollback error", error);
            });
          };
          return <Button onClick={handleRollback} />;
        }
      `,
      findings: [
        { case: "promiseCatchLogOnly", line: 4, column: 42, endLine: 6, endColumn: 6, suggestions: [
          { title: "Mark as intentionally ignored…", output: dedent`
            export function RollbackDialog({ id }: Props) {
              const rollback = useMutation({ mutationFn: api.rollback, onError: () => {} });
              const handleRollback = async () => {
                await rollback.mutateAsync(id).catch((error) => {
                  // Intentionally ignored: <reason>
                  console.error("rollback error", error);
                });
              };
              return <Button onClick={handleRollback} />;
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "a try that also awaits other work besides the mutation stays reported",
      filename: "src/components/members.tsx",
      code: dedent`
        export function RemoveButton({ memberId }: Props) {
          const remove = useMutation({ mutationFn: api.remove, onError: (e) => toast.error(e.message) });
          const onClick = async () => {
            try {
              await remove.mutateAsync({ memberId });
              await api.audit(memberId);
            } catch (error) {
              console.error("remove failed", error);
            }
          };
          return <Button onClick={onClick} />;
        }
      `,
      findings: [
        { case: "logAndContinue", line: 7, column: 7, endLine: 7, endColumn: 20, suggestions: [
          { title: "Mark as intentionally ignored…", output: dedent`
            export function RemoveButton({ memberId }: Props) {
              const remove = useMutation({ mutationFn: api.remove, onError: (e) => toast.error(e.message) });
              const onClick = async () => {
                try {
                  await remove.mutateAsync({ memberId });
                  await api.audit(memberId);
                } catch (error) {
                  // Intentionally ignored: <reason>
                  console.error("remove failed", error);
                }
              };
              return <Button onClick={onClick} />;
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "a polling callback that a caller also awaits is reported: that caller is not told",
      filename: "src/hooks/use-events.ts",
      code: dedent`
        export function useEvents(client: Client, ms: number) {
          const refresh = useCallback(async () => {
            try {
              setEvents(await client.events.list());
            } catch (error) {
              console.error("refresh failed", error);
            }
          }, [client]);
          useEffect(() => {
            const id = setInterval(refresh, ms);
            return () => clearInterval(id);
          }, [refresh, ms]);
          const reload = async () => {
            await refresh();
            toast.success("Up to date");
          };
          return { reload };
        }
      `,
      findings: [
        { case: "logAndContinue", line: 5, column: 7, endLine: 5, endColumn: 20, suggestions: [
          { title: "Rethrow the error", output: dedent`
            export function useEvents(client: Client, ms: number) {
              const refresh = useCallback(async () => {
                try {
                  setEvents(await client.events.list());
                } catch (error) {
                  console.error("refresh failed", error);
                  throw error;
                }
              }, [client]);
              useEffect(() => {
                const id = setInterval(refresh, ms);
                return () => clearInterval(id);
              }, [refresh, ms]);
              const reload = async () => {
                await refresh();
                toast.success("Up to date");
              };
              return { reload };
            }
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            export function useEvents(client: Client, ms: number) {
              const refresh = useCallback(async () => {
                try {
                  setEvents(await client.events.list());
                } catch (error) {
                  // Intentionally ignored: <reason>
                  console.error("refresh failed", error);
                }
              }, [client]);
              useEffect(() => {
                const id = setInterval(refresh, ms);
                return () => clearInterval(id);
              }, [refresh, ms]);
              const reload = async () => {
                await refresh();
                toast.success("Up to date");
              };
              return { reload };
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "a useCallback that stores the value is reported: the write is lost silently",
      filename: "src/hooks/use-stored.ts",
      code: dedent`
        export function useStored(key: string) {
          const [value, setValue] = useState<string>("");
          const set = useCallback((v: string) => {
            try {
              setValue(v);
              localStorage.setItem(key, v);
            } catch (error) {
              console.log(error);
            }
          }, [key]);
          return [value, set] as const;
        }
      `,
      findings: [
        { case: "logAndContinue", line: 7, column: 7, endLine: 7, endColumn: 20, suggestions: [
          { title: "Rethrow the error", output: dedent`
            export function useStored(key: string) {
              const [value, setValue] = useState<string>("");
              const set = useCallback((v: string) => {
                try {
                  setValue(v);
                  localStorage.setItem(key, v);
                } catch (error) {
                  console.log(error);
                  throw error;
                }
              }, [key]);
              return [value, set] as const;
            }
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            export function useStored(key: string) {
              const [value, setValue] = useState<string>("");
              const set = useCallback((v: string) => {
                try {
                  setValue(v);
                  localStorage.setItem(key, v);
                } catch (error) {
                  // Intentionally ignored: <reason>
                  console.log(error);
                }
              }, [key]);
              return [value, set] as const;
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "a useCallback whose result a caller reads is reported",
      filename: "src/hooks/use-parse.ts",
      code: dedent`
        export function useParse() {
          return useCallback((text: string) => {
            if (!text) return undefined;
            try {
              consume(JSON.parse(text));
            } catch (error) {
              console.error(error);
            }
          }, []);
        }
      `,
      findings: [
        { case: "logAndContinue", line: 6, column: 7, endLine: 6, endColumn: 20, suggestions: [
          { title: "Rethrow the error", output: dedent`
            export function useParse() {
              return useCallback((text: string) => {
                if (!text) return undefined;
                try {
                  consume(JSON.parse(text));
                } catch (error) {
                  console.error(error);
                  throw error;
                }
              }, []);
            }
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            export function useParse() {
              return useCallback((text: string) => {
                if (!text) return undefined;
                try {
                  consume(JSON.parse(text));
                } catch (error) {
                  // Intentionally ignored: <reason>
                  console.error(error);
                }
              }, []);
            }
          ` },
        ] },
      ],
      output: null,
    },
    {
      name: "a handle… function outside any hook or component is reported",
      filename: "src/lib/keys.ts",
      code: dedent`
        export function bindKeys(items: HTMLElement[]) {
          const handleKey = (index: number) => {
            try {
              items[index].focus();
            } catch (e) {
              console.error(e);
            }
          };
          return handleKey;
        }
      `,
      findings: [
        { case: "logAndContinue", line: 5, column: 7, endLine: 5, endColumn: 16, suggestions: [
          { title: "Rethrow the error", output: dedent`
            export function bindKeys(items: HTMLElement[]) {
              const handleKey = (index: number) => {
                try {
                  items[index].focus();
                } catch (e) {
                  console.error(e);
                  throw e;
                }
              };
              return handleKey;
            }
          ` },
          { title: "Mark as intentionally ignored…", output: dedent`
            export function bindKeys(items: HTMLElement[]) {
              const handleKey = (index: number) => {
                try {
                  items[index].focus();
                } catch (e) {
                  // Intentionally ignored: <reason>
                  console.error(e);
                }
              };
              return handleKey;
            }
          ` },
        ] },
      ],
      output: null,
    },
  ],
});
