import { generateObject } from "ai";
import { openai } from "@ai-sdk/openai";
import { z } from "zod";

export const maxDuration = 60;

export async function POST(req: Request) {
  const { notes } = await req.json();
  // hh-expect: unbounded-call/call
  const { object } = await generateObject({
    model: openai("gpt-4o"),
    schema: z.object({ title: z.string(), bullets: z.array(z.string()) }),
    prompt: `Turn these notes into a report: ${notes}`,
  });
  const { object: tags } = await generateObject({
    model: openai("gpt-4o-mini"),
    schema: z.object({ tags: z.array(z.string()) }),
    prompt: `Tags for: ${notes}`,
    abortSignal: req.signal,
  });
  return Response.json({ ...object, ...tags });
}
