"use server";
import { generateText, streamText, embed } from "ai";
import { openai } from "@ai-sdk/openai";
import OpenAI from "openai";

const client = new OpenAI();

export async function summarize(text: string) {
  // hh-expect: unbounded-call/call
  const { text: summary } = await generateText({ model: openai("gpt-4o-mini"), prompt: `Summarize: ${text}` });
  return summary;
}

export async function title(text: string) {
  const { text: t } = await generateText({
    model: openai("gpt-4o-mini"),
    prompt: `A title for: ${text}`,
    abortSignal: AbortSignal.timeout(30000),
  });
  return t;
}

export async function chat(prompt: string) {
  const result = streamText({ model: openai("gpt-4o"), prompt });
  return result.toDataStreamResponse();
}

export async function vector(text: string) {
  // hh-expect: unbounded-call/call
  const { embedding } = await embed({ model: openai.embedding("text-embedding-3-small"), value: text });
  return embedding;
}

export async function moderate(text: string) {
  return client.moderations.create({ input: text });
}
