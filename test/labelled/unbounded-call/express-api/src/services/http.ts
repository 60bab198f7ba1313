/** The project's HTTP helper: every call gets a deadline unless the caller passes its own signal. */
export async function httpJson<T>(url: string, init: RequestInit = {}, timeoutMs = 8000): Promise<T> {
  const signal = init.signal ?? AbortSignal.timeout(timeoutMs);
  const res = await fetch(url, { ...init, signal });
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return (await res.json()) as T;
}

/** A thin wrapper that never bounds the wait: reported once, at the raw call. */
export async function getJson(url: string) {
  // hh-expect: unbounded-call/call
  const res = await fetch(url, { headers: { Accept: "application/json" } });
  return res.json();
}

/** The caller decides: the options come from the call site. */
export function post(url: string, body: unknown, init?: RequestInit) {
  return fetch(url, { method: "POST", body: JSON.stringify(body), ...init });
}

export async function warmup() {
  return httpJson("https://config.internal/flags");
}
