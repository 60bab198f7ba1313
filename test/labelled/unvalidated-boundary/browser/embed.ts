import { z } from "zod";

const TRUSTED_ORIGIN = "https://widgets.example.com";
const ResizeMessage = z.object({ type: z.literal("resize"), height: z.number().int().min(0).max(5000) });

const frame = document.querySelector<HTMLIFrameElement>("#widget")!;

window.addEventListener("message", (event) => {
  if (event.origin !== TRUSTED_ORIGIN) return;
  const parsed = ResizeMessage.safeParse(event.data);
  if (!parsed.success) return;
  frame.style.height = `${parsed.data.height}px`;
});

window.addEventListener("message", (event: MessageEvent) => {
  if (event.origin !== TRUSTED_ORIGIN) return;
  // hh-expect: unvalidated-boundary/postMessageData
  const { type, html } = event.data;
  if (type === "render") document.querySelector("#panel")!.innerHTML = html;
});

const worker = new Worker(new URL("./worker.ts", import.meta.url));
// The app's own worker: it hears only this page, and this page only it (not outside input).
worker.onmessage = (e) => {
  document.querySelector("#result")!.textContent = e.data.summary;
};
worker.postMessage({ cmd: "start" });

const socket = new WebSocket("wss://live.example.com/feed");
socket.onmessage = (e) => {
  // hh-expect: unvalidated-boundary/messagePayload
  const update = JSON.parse(e.data);
  document.querySelector(`#price-${update.symbol}`)!.textContent = String(update.price);
};

window.addEventListener("resize", () => {
  worker.postMessage({ cmd: "resize", width: window.innerWidth });
});
