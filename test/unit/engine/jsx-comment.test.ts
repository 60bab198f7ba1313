import * as assert from "node:assert/strict";
import { jsxSourceOf, startsInJsxChildren } from "../../../src/engine/jsx-comment";

describe("jsxSourceOf", () => {
  const text = 'export const A = () => (\n  <div>\n    <Trans i18nKey="a" />\n  </div>\n);\n';

  it("parses a file that may hold JSX once for the same text, and again when the text changes", () => {
    const first = jsxSourceOf(text, "src/a.tsx");
    assert.ok(first);
    assert.equal(jsxSourceOf(text, "src/a.tsx"), first);
    assert.equal(jsxSourceOf(`${text}`.slice(0), "src/a.tsx"), first);
    const changed = jsxSourceOf(`${text}// more\n`, "src/a.tsx");
    assert.ok(changed);
    assert.notEqual(changed, first);
    assert.notEqual(jsxSourceOf(text, "src/b.tsx"), changed);
    assert.ok(startsInJsxChildren(first!, text.indexOf("<Trans")));
  });

  it("parses nothing for TypeScript without JSX or text without '<'", () => {
    assert.equal(jsxSourceOf(text, "src/a.ts"), undefined);
    assert.equal(jsxSourceOf("const a = 1;\n", "src/a.tsx"), undefined);
  });
});
