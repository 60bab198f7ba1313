import fetch from "node-fetch";
import superagent from "superagent";

export async function sendEmail(payload: object) {
  // hh-expect: unbounded-call/call
  const res = await fetch("https://api.mailer.example.com/v3/send", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(payload),
  });
  if (!res.ok) throw new Error(`mailer: ${res.status}`);
}

export async function bounceList() {
  // hh-expect: unbounded-call/call
  const res = await superagent.get("https://api.mailer.example.com/v3/bounces").set("Authorization", `Bearer ${process.env.MAILER_KEY}`);
  return res.body;
}

export async function suppressions() {
  const res = await superagent
    .get("https://api.mailer.example.com/v3/suppressions")
    .timeout({ response: 5000, deadline: 20000 });
  return res.body;
}
