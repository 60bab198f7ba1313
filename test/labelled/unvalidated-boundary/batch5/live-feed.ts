import { z } from "zod";

const Tick = z.object({ symbol: z.string(), price: z.number() });

export function connectTicker(onTick: (symbol: string, price: number) => void) {
  const ws = new WebSocket("wss://ticker.example.com");
  ws.addEventListener("message", (event) => {
    const tick = Tick.safeParse(JSON.parse(event.data));
    if (tick.success) onTick(tick.data.symbol, tick.data.price);
  });
  return () => ws.close();
}

export function connectChat(render: (from: string, text: string) => void) {
  const socket = new WebSocket("wss://chat.example.com");
  socket.onmessage = (event) => {
    // hh-expect: unvalidated-boundary/messagePayload
    const message = JSON.parse(event.data);
    render(message.from, message.text);
  };
  socket.onopen = () => socket.send(JSON.stringify({ hello: true }));
}

export function connectEvents(update: (html: string) => void) {
  const source = new EventSource("/api/events");
  source.addEventListener("message", (event) => {
    // hh-expect: unvalidated-boundary/messagePayload
    const payload = JSON.parse(event.data);
    update(payload.html);
  });
}
