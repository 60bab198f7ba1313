import { WebSocketServer, type WebSocket } from "ws";
import { z } from "zod";
import { rooms } from "./rooms";
import { redis } from "../redis";

const wss = new WebSocketServer({ port: Number(process.env.WS_PORT ?? 8081) });

const ClientMessage = z.discriminatedUnion("type", [
  z.object({ type: z.literal("join"), room: z.string().max(64) }),
  z.object({ type: z.literal("say"), room: z.string().max(64), text: z.string().max(2000) }),
]);

function broadcast(room: string, data: unknown) {
  for (const client of rooms.get(room) ?? []) client.send(JSON.stringify(data));
}

wss.on("connection", (socket: WebSocket) => {
  socket.on("message", (raw) => {
    const result = ClientMessage.safeParse(JSON.parse(raw.toString()));
    if (!result.success) {
      socket.send(JSON.stringify({ error: "bad message" }));
      return;
    }
    const msg = result.data;
    if (msg.type === "join") rooms.join(msg.room, socket);
    else broadcast(msg.room, { text: msg.text });
  });
});

const admin = new WebSocketServer({ port: 8082 });

admin.on("connection", (socket) => {
  socket.on("message", async (data) => {
    // hh-expect: unvalidated-boundary/messagePayload
    const command = JSON.parse(data.toString());
    await redis.set(`flag:${command.flag}`, command.value);
    socket.send("ok");
  });
  socket.on("close", () => console.log("admin disconnected"));
});
