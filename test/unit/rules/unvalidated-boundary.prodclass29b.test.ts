import { dedent, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";
import { mark, runWithNamedCases } from "./unvalidated-boundary.helpers";

// Production linkwarden (eval/production, seed 20261240), session 26, developer prodclass29b: a reply's
// message only shown in a toast (the register, password and account pages), and a Stripe webhook's
// `let event = req.body` given the verified event on every path before any read. Hand-written
// analogues, not the repository's code.

const TOAST = (show: string): string => dedent`
  export async function submit(form: Form) {
    const response = await fetch("/api/v1/users", { method: "POST", body: JSON.stringify(form) });
    const data = await response.json();
    if (response.ok) {
      router.push("/login");
    } else {
      ${show};
    }
  }
`;

const WEBHOOK = (verify: string): string => dedent`
  export default async function webhook(req: NextApiRequest, res: NextApiResponse) {
    let event = req.body;
    const signature = req.headers["stripe-signature"] as string;
    ${verify}
    const data = event.data.object;
    await prisma.subscription.update({ where: { stripeId: data.id }, data: { active: data.status === "active" } });
    return res.status(200).json({ received: true });
  }
`;

const VERIFIED = dedent`
  try {
      const body = await buffer(req);
      event = stripe.webhooks.constructEvent(body, signature, secret);
    } catch (err) {
      console.error(err);
      return res.status(400).send("Webhook signature verification failed.");
    }
`;

const valid: ValidCase[] = [
  { code: TOAST("toast.error(data.response)"), filename: "apps/web/pages/register.tsx" },
  { code: TOAST("toast({ title: \"Error\", description: data.error })"), filename: "apps/web/pages/register.tsx" },
  { code: TOAST("toast.error(`Could not register: ${data.message ?? \"unknown\"}`)"), filename: "apps/web/pages/register.tsx" },
  { code: WEBHOOK(VERIFIED), filename: "apps/web/pages/api/v1/webhooks/stripe.ts" },
];

const STORED = TOAST("setProfile(data.user)");
const UNVERIFIED = WEBHOOK("if (secret) event = stripe.webhooks.constructEvent(await buffer(req), signature, secret);");
// Given a part of the body, the let still holds the input (review rv26).
const UNWRAPPED = WEBHOOK("event = event.payload ?? event;");

const invalid: InvalidCase[] = [
  {
    name: "a reply's field kept in state is a use, beside or without a toast",
    code: STORED,
    filename: "apps/web/pages/register.tsx",
    findings: [{ case: "fetchJson", line: 3, column: 22, endColumn: 37, suggestions: [mark(STORED, "fetchJson", 3)] }],
    output: null,
  },
  {
    name: "a verification that only runs when a secret is set leaves the raw body on the other path",
    code: UNVERIFIED,
    filename: "apps/web/pages/api/v1/webhooks/stripe.ts",
    findings: [{ case: "nextPagesRequest", line: 2, column: 15, endColumn: 23, suggestions: [mark(UNVERIFIED, "nextPagesRequest", 2)] }],
    output: null,
  },
  {
    name: "a let given a part of the body is still the body",
    code: UNWRAPPED,
    filename: "apps/web/pages/api/v1/webhooks/stripe.ts",
    findings: [{ case: "nextPagesRequest", line: 2, column: 15, endColumn: 23, suggestions: [mark(UNWRAPPED, "nextPagesRequest", 2)] }],
    output: null,
  },
];

runWithNamedCases(valid, invalid);
