const CACHE = "app-v3";

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(["/", "/app.js", "/app.css"])));
});

// A service worker hears only its own origin's pages: not outside input.
self.addEventListener("message", (event) => {
  if (event.data.type === "SKIP_WAITING") self.skipWaiting();
});

self.addEventListener("fetch", (event) => {
  event.respondWith(caches.match(event.request).then((hit) => hit || fetch(event.request)));
});

self.addEventListener("push", (event) => {
  const payload = event.data ? event.data.text() : "";
  event.waitUntil(self.registration.showNotification("Update", { body: payload }));
});
