import { CartSchema } from "./schemas.js";

const CART_KEY = "cart:v2";

export function loadCart() {
  const raw = localStorage.getItem(CART_KEY);
  if (!raw) return [];
  const result = CartSchema.safeParse(JSON.parse(raw));
  return result.success ? result.data : [];
}

export function saveCart(items) {
  localStorage.setItem(CART_KEY, JSON.stringify(items));
}

export function loadPrefs() {
  // hh-expect: unvalidated-boundary/jsonParseExternal
  const prefs = JSON.parse(localStorage.getItem("prefs") || "{}");
  document.documentElement.dataset.theme = prefs.theme;
  return prefs;
}

export function readSessionDraft() {
  // hh-expect: unvalidated-boundary/jsonParseExternal
  const draft = JSON.parse(sessionStorage.getItem("draft") ?? "null");
  if (draft) document.querySelector("#title").value = draft.title;
}

export function consentFromCookie() {
  const match = document.cookie.match(/consent=([^;]+)/);
  return match ? decodeURIComponent(match[1]) === "yes" : false;
}

export function cloneDefaults(defaults) {
  return JSON.parse(JSON.stringify(defaults));
}
