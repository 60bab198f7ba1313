import { parentPort } from "node:worker_threads";
import sharp from "sharp";
import { z } from "zod";

const ResizeTask = z.object({ input: z.string(), output: z.string(), width: z.number().int().positive() });

parentPort?.on("message", async (task) => {
  const { input, output, width } = ResizeTask.parse(task);
  await sharp(input).resize(width).toFile(output);
  parentPort?.postMessage({ done: output });
});

// A dedicated worker hears only the page that started it: not outside input.
onmessage = (e: MessageEvent) => {
  const { pixels, factor } = e.data;
  postMessage(pixels.map((p: number) => p * factor));
};
