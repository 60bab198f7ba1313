import { z } from "zod";

const Me = z.object({ id: z.string(), name: z.string(), avatar: z.string().url().nullable() });

export async function loadMe() {
  const res = await fetch("/api/me", { credentials: "include" });
  if (res.status === 401) return null;
  return Me.parse(await res.json());
}

export async function loadNotifications(): Promise<number> {
  const res = await fetch("/api/notifications/unread");
  // hh-expect: unvalidated-boundary/fetchJson
  const body = await res.json();
  return body.count;
}

export async function search(term: string) {
  const url = new URL("/api/search", location.origin);
  url.searchParams.set("q", term);
  const res = await fetch(url);
  // hh-expect: unvalidated-boundary/fetchJson
  const { results } = await res.json();
  return results.slice(0, 10);
}

export function restoreDraft(editor: { setValue(v: string): void }) {
  const raw = sessionStorage.getItem("draft");
  if (raw) editor.setValue(raw);
}

export function restoreLayout() {
  try {
    // hh-expect: unvalidated-boundary/jsonParseExternal
    const layout = JSON.parse(localStorage.getItem("layout") ?? "null");
    if (layout) document.body.style.gridTemplateColumns = layout.columns.join(" ");
  } catch (err) {
    console.warn("layout reset", err);
    localStorage.removeItem("layout");
  }
}

export async function postEvent(name: string, props: Record<string, string>) {
  await fetch("/api/events", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ name, props }) });
}

export async function uploadAvatar(file: File) {
  const form = new FormData();
  form.append("avatar", file);
  const res = await fetch("/api/me/avatar", { method: "POST", body: form });
  return res.ok;
}
