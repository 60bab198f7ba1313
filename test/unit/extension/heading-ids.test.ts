import * as assert from "node:assert/strict";
import { withHeadingIds } from "../../../src/extension/heading-ids";

describe("docs view: heading ids", () => {
  const rows: [string, string][] = [
    ["<h2>Log and continue</h2>", '<h2 id="log-and-continue">Log and continue</h2>'],
    ['<h3 class="x">The <code>catch</code> case</h3><p>t</p>', '<h3 class="x" id="the-catch-case">The <code>catch</code> case</h3><p>t</p>'],
    ['<h2 id="kept">Kept</h2><h2>Next one</h2>', '<h2 id="kept">Kept</h2><h2 id="next-one">Next one</h2>'],
    ["<h1>never closed <h2>Closed</h2>", '<h1>never closed <h2 id="closed">Closed</h2>'],
    ["<h2>a</h3> b", "<h2>a</h3> b"],
    ["plain <p>text</p>", "plain <p>text</p>"],
  ];
  for (const [html, expected] of rows) it(JSON.stringify(html), () => assert.equal(withHeadingIds(html), expected));
});
