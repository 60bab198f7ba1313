import { z } from "zod";

const PageEvent = z.object({ source: z.literal("my-app"), kind: z.enum(["login", "logout"]) });

window.addEventListener("message", (event) => {
  if (event.source !== window) return;
  const parsed = PageEvent.safeParse(event.data);
  if (!parsed.success) return;
  chrome.runtime.sendMessage({ kind: parsed.data.kind });
});

window.addEventListener("message", async (event) => {
  // hh-expect: unvalidated-boundary/postMessageData
  if (event.source !== window || event.data?.source !== "my-app-legacy") return;
  const payload = event.data;
  await chrome.storage.local.set({ [payload.key]: payload.value });
});

// hh-expect: unvalidated-boundary/messagePayload
chrome.runtime.onMessage.addListener((msg: { action: string; selector: string }) => {
  document.querySelector(msg.selector)?.classList.add("highlight");
});

chrome.runtime.onMessage.addListener((msg, _sender, sendResponse) => {
  if (msg === "ping") sendResponse("pong");
});
