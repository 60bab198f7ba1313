import { Server } from "socket.io";
import { z } from "zod";
import { db } from "../db";

const io = new Server(3001, { cors: { origin: process.env.WEB_ORIGIN } });

const TypingEvent = z.object({ channelId: z.string(), typing: z.boolean() });

io.on("connection", (socket) => {
  socket.on("typing", (payload) => {
    const event = TypingEvent.parse(payload);
    socket.to(event.channelId).emit("typing", { user: socket.id, typing: event.typing });
  });

  // Reported at the handler's first read of its payload.
  socket.on("message:send", async (message, ack) => {
    // hh-expect: unvalidated-boundary/messagePayload
    const saved = await db.message.create({ data: { channelId: message.channelId, text: message.text, authorId: socket.data.userId } });
    io.to(message.channelId).emit("message:new", saved);
    ack({ id: saved.id });
  });

  socket.on("channel:join", async (channelId: string) => {
    // hh-expect: unvalidated-boundary/messagePayload
    const channel = await db.channel.findUnique({ where: { id: channelId } });
    if (channel) await socket.join(channel.id);
  });

  socket.on("disconnect", (reason) => {
    console.log("socket gone", socket.id, reason);
  });

  socket.on("ping", (cb: () => void) => cb());
});
