import swallowedException from "../../../src/rules/swallowed-exception/rule";
import { dedent, RuleTester } from "../../helpers/rule-tester";

// Session 34, developer prodx34 (production homarr's sampled false finding: a server component's
// prefetch of widget data into the query client it dehydrates, its failure logged; hand-written
// analogues, no fetched code). This table declares only the case its invalid row names.
const named = new Set(["promiseCatchLogOnly"]);
const narrowed = { ...swallowedException, cases: Object.fromEntries(Object.entries(swallowedException.cases).filter(([id]) => named.has(id))) } as typeof swallowedException;

// A Next.js board page: each kind's data prefetched into the query client, its cache dehydrated for the client.
const boardPage = dedent`
  import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
  import { prefetchForKindAsync } from "@acme/widgets/prefetch";
  export default async function BoardPage({ params }: Props) {
    const queryClient = getQueryClient();
    const board = await getBoard(params);
    await Promise.all(
      board.kinds.map((kind) =>
        prefetchForKindAsync(kind, queryClient, board.items).catch((error) => {
          logger.error(new Error("Failed to prefetch widget", { cause: error }));
        }),
      ),
    );
    return (
      <HydrationBoundary state={dehydrate(queryClient)}>
        <Board board={board} />
      </HydrationBoundary>
    );
  }
`;

// Another framework: a Remix loader answering the dehydrated state of a client named \`qc\`, the call \`call\`.
const remixLoader = (call: string): string => dedent`
  export async function loader({ params }: LoaderFunctionArgs) {
    const qc = new QueryClient();
    await ${call}(qc, params.teamId).catch((e) => console.error(e));
    return json({ dehydratedState: dehydrate(qc) });
  }
`;

const loads = remixLoader("loadDashboard");

new RuleTester().run(narrowed, {
  valid: [
    { name: "a prefetch wrapper handed the query client a server component dehydrates", code: boardPage, filename: "app/board/page.tsx" },
    { name: "another framework: a Remix loader's prefetch into the client it dehydrates", code: remixLoader("prefetchDashboard"), filename: "app/routes/dashboard.tsx" },
  ],
  invalid: [
    { name: "neighbour: a load into the same client, not named a prefetch", code: loads, filename: "app/routes/dashboard.tsx", findings: [{ case: "promiseCatchLogOnly", line: 3, column: 48, endColumn: 71, suggestions: [
      { title: "Mark as intentionally ignored…", output: loads.replace("(e) => console", "(e) => /* Intentionally ignored: <reason> */ console") },
    ] }], output: null },
  ],
});
