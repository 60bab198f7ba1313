type HostMessage = { type: "theme"; theme: "light" | "dark" } | { type: "user"; name: string };

const HOST_ORIGIN = "https://host.example.com";

function isHostMessage(value: unknown): value is HostMessage {
  if (typeof value !== "object" || value === null) return false;
  const type = (value as { type?: unknown }).type;
  return type === "theme" || type === "user";
}

window.addEventListener("message", (event) => {
  if (event.origin !== HOST_ORIGIN || !isHostMessage(event.data)) return;
  if (event.data.type === "theme") document.documentElement.dataset.theme = event.data.theme;
  else document.querySelector("#greeting")!.textContent = `Hi ${event.data.name}`;
});

window.addEventListener("message", (event) => {
  if (event.origin !== HOST_ORIGIN) return;
  // hh-expect: unvalidated-boundary/postMessageData
  const config = event.data as { apiBase: string; token: string };
  localStorage.setItem("apiBase", config.apiBase);
  localStorage.setItem("token", config.token);
});

export async function loadQuote(): Promise<string> {
  const base = localStorage.getItem("apiBase") ?? "https://api.example.com";
  const res = await fetch(`${base}/quote`);
  // hh-expect: unvalidated-boundary/fetchJson
  const data = (await res.json()) as { quote: string; author: string };
  return `${data.quote} — ${data.author}`;
}

export function readFlags(): Record<string, boolean> {
  // hh-expect: unvalidated-boundary/jsonParseExternal
  const flags = JSON.parse(localStorage.getItem("flags") ?? "{}");
  return { beta: flags.beta === true, compact: flags.compact === true };
}
