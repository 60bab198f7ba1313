import { onCLS, onLCP } from "web-vitals";

type Payload = Record<string, unknown>;

const queue: Payload[] = [];

export function report(payload: Payload): void {
  queue.push(payload);
  if (queue.length >= 10) void flush();
}

export async function flush(): Promise<void> {
  const batch = queue.splice(0, queue.length);
  if (batch.length === 0) return;
  try {
    const ok = navigator.sendBeacon("/telemetry", JSON.stringify(batch));
    if (!ok) queue.unshift(...batch);
  } catch (err) {
    queue.unshift(...batch);
    throw err;
  }
}

export function installHandlers(): void {
  window.addEventListener("error", (event) => {
    report({ type: "error", message: event.message, stack: event.error?.stack });
  });
  // hh-expect: swallowed-exception/emptyErrorHandler
  window.addEventListener("unhandledrejection", (event) => event.preventDefault());
  // hh-expect: swallowed-exception/emptyErrorHandler
  window.onerror = function () {
    return true;
  };
  onCLS((m) => report({ type: "cls", value: m.value }));
  onLCP((m) => report({ type: "lcp", value: m.value }));
}

export function readConsent(): boolean {
  try {
    return localStorage.getItem("consent") === "yes";
  } catch {
    return false;
  }
}

export function loadSettings(): Payload {
  const raw = sessionStorage.getItem("settings");
  if (!raw) return {};
  try {
    return JSON.parse(raw) as Payload;
  } catch (err) {
    sessionStorage.removeItem("settings");
    report({ type: "bad-settings", message: String(err) });
    return {};
  }
}

export function safeStringify(value: unknown): string {
  try {
    return JSON.stringify(value);
  } catch {
    return "[unserializable]";
  }
}

export async function sendNow(payload: Payload): Promise<void> {
  // hh-expect: swallowed-exception/promiseCatchLogOnly
  await fetch("/telemetry", { method: "POST", body: JSON.stringify(payload) }).catch(console.warn);
}
