export function connectLive(onMessage: (data: string) => void) {
  const ws = new WebSocket(import.meta.env.VITE_WS_URL);
  ws.onmessage = (e) => onMessage(String(e.data));
  ws.addEventListener("close", () => {
    // hh-expect: unbounded-call/retry
    connectLive(onMessage);
  });
}

export function connectNotifications(onMessage: (data: string) => void) {
  const ws = new WebSocket(import.meta.env.VITE_WS_URL + "/notifications");
  ws.onmessage = (e) => onMessage(String(e.data));
  ws.addEventListener("close", () => setTimeout(() => connectNotifications(onMessage), 3000));
}
