import { MessageSchema } from "./schemas.js";

const cache = new Map();

chrome.runtime.onInstalled.addListener(() => {
  chrome.storage.local.set({ installedAt: Date.now() });
});

chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
  const parsed = MessageSchema.safeParse(message);
  if (!parsed.success) return false;
  if (parsed.data.type === "lookup") sendResponse(cache.get(parsed.data.word) ?? null);
  return false;
});

// hh-expect: unvalidated-boundary/messagePayload
chrome.runtime.onMessageExternal.addListener((request, sender, sendResponse) => {
  chrome.storage.local.set({ [request.key]: request.value });
  sendResponse({ ok: true });
});

chrome.tabs.onUpdated.addListener((tabId, info) => {
  if (info.status === "complete") chrome.action.setBadgeText({ tabId, text: "" });
});
