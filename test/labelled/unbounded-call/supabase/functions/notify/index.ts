import { createClient } from "https://esm.sh/@supabase/supabase-js@2";

Deno.serve(async (req) => {
  const { userId, message } = await req.json();
  // hh-expect: unbounded-call/client
  const supabase = createClient(Deno.env.get("SUPABASE_URL")!, Deno.env.get("SUPABASE_SERVICE_ROLE_KEY")!);
  const { data: user } = await supabase.from("profiles").select("push_token").eq("id", userId).single();

  // hh-expect: unbounded-call/call
  const push = await fetch("https://exp.host/--/api/v2/push/send", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ to: user?.push_token, body: message }),
  });

  const slack = await fetch(Deno.env.get("SLACK_WEBHOOK")!, {
    method: "POST",
    body: JSON.stringify({ text: message }),
    signal: AbortSignal.timeout(5000),
  });

  return new Response(JSON.stringify({ push: push.status, slack: slack.status }), { headers: { "Content-Type": "application/json" } });
});
