import { dedent, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";
import { mark, markedRow, runWithNamedCases } from "./unvalidated-boundary.helpers";

// Retired held round 41 (Nionga1981/servimap-firebase-functions `ia-moderador.js:259/278`, decided), session 38, developer
// ub38b: a model's text handed by every call to a method of the class (`this.parsearResultado(text)`) that cuts `{…}`
// out with a regex and parses it is reported at that parse, a jsonParseExternal input of its own; the parsed document,
// returned through a method that only returns the first one's result (`return this.parsear(…)`), is judged at the calls
// of the module's instance (`moderador.moderarTexto(…)`), where it is stored whole. Rows: the CommonJS class of the
// repository (axios), a TypeScript class with the OpenAI SDK, and a method also handed text of the code's own (no input).

const SERVIMAP = dedent`
  const axios = require("axios");
  class Moderador {
    async moderarTexto(texto) {
      try {
        const response = await axios.post("https://api.openai.com/v1/chat/completions", { model: "gpt-4o-mini", messages: [{ role: "user", content: texto }] }, { timeout: 10000 });
        const resultado = response.data.choices[0].message.content;
        return this.parsearResultado(resultado);
      } catch (error) {
        console.error(error);
        return { aprobado: false, requiereRevisionHumana: true };
      }
    }
    parsearResultado(resultado) {
      try {
        const jsonMatch = resultado.match(/\\{[\\s\\S]*\\}/);
        if (jsonMatch) {
          return JSON.parse(jsonMatch[0]);
        }
        throw new Error("no json");
      } catch (error) {
        return { aprobado: false, requiereRevisionHumana: true };
      }
    }
  }
  const moderador = new Moderador();
  exports.moderarMensaje = async (mensaje) => {
    const resultadoModeracion = await moderador.moderarTexto(mensaje);
    await db.collection("moderacion").add({ mensaje, resultadoModeracion });
  };
`;

// TypeScript, the OpenAI SDK, the parse's document stored by the caller of a public method.
const OPENAI_TS = dedent`
  import OpenAI from "openai";
  import { prisma } from "./db";
  const openai = new OpenAI();
  class Tagger {
    async tags(text: string) {
      const completion = await openai.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: text }] });
      return this.readTags(completion.choices[0].message.content ?? "");
    }
    private readTags(answer: string) {
      const found = answer.match(/\\{[\\s\\S]*\\}/);
      return JSON.parse(found ? found[0] : "{}");
    }
  }
  const tagger = new Tagger();
  export async function tagPost(id: string, body: string) {
    const result = await tagger.tags(body);
    await prisma.post.update({ where: { id }, data: { tags: result.tags } });
  }
`;

// The method is also handed a text of the code's own: its parse is not the model's alone, so not an input.
const OWN_TEXT = dedent`
  const axios = require("axios");
  class Reader {
    async read(prompt) {
      const response = await axios.post("https://api.openai.com/v1/chat/completions", { messages: [{ role: "user", content: prompt }] }, { timeout: 5000 });
      if (typeof response.data?.choices?.[0]?.message?.content !== "string") return this.parse('{"ok":false}');
      return this.parse(response.data.choices[0].message.content);
    }
    parse(text) {
      const m = text.match(/\\{[\\s\\S]*\\}/);
      return m ? JSON.parse(m[0]) : null;
    }
  }
  module.exports = { Reader };
`;

const valid: ValidCase[] = [
  { name: "a method handed the model's text by one call and a literal by another: its parse is no input", code: OWN_TEXT, filename: "src/reader.js", files: { "package.json": "{ \"name\": \"r\", \"dependencies\": { \"axios\": \"1.6.0\" } }\n" } },
];

const invalid: InvalidCase[] = [
  // (The plain read of the reply's text stays reported too, as in the repository: a debatable label left alone.)
  {
    name: "servimap: the model's text cut out with a regex and parsed in a method of the class, stored whole by the instance's caller",
    code: SERVIMAP,
    filename: "functions/src/moderacion/ia-moderador.js",
    files: { "package.json": "{ \"name\": \"functions\", \"dependencies\": { \"axios\": \"1.6.0\", \"firebase-functions\": \"4.0.0\" } }\n" },
    findings: [
      { case: "fetchJson", line: 6, column: 25, endColumn: 38, suggestions: [mark(SERVIMAP, "fetchJson", 6)] },
      { case: "jsonParseExternal", line: 17, column: 16, endColumn: 40, suggestions: [mark(SERVIMAP, "jsonParseExternal", 17)] },
    ],
    output: null,
  },
  markedRow("TypeScript, OpenAI SDK: a private method parses the completion's text, a field of it stored by the instance's caller", OPENAI_TS, "src/tagger.ts", { "package.json": "{ \"name\": \"t\", \"dependencies\": { \"openai\": \"4.0.0\" } }\n" }, "jsonParseExternal", 11, 12, 47),
];

describe("unvalidated-boundary: a model's text parsed in a method of the class its every call hands it to (round 41)", () => {
  runWithNamedCases(valid, invalid);
});
