// Used by client components: runs in the browser.
const BASE = process.env.NEXT_PUBLIC_API_URL ?? "";

export async function getProfile() {
  const res = await fetch(`${BASE}/api/profile`, { credentials: "include" });
  return res.json();
}

export async function savePrefs(prefs: object) {
  await fetch(`${BASE}/api/prefs`, { method: "PUT", body: JSON.stringify(prefs) });
}

export async function pollJob(id: string) {
  // hh-expect: unbounded-call/retry
  while (true) {
    const res = await fetch(`${BASE}/api/jobs/${id}`);
    const job = await res.json();
    if (job.status === "done") return job;
  }
}
