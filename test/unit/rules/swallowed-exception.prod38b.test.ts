import swallowedException from "../../../src/rules/swallowed-exception/rule";
import { dedent, RuleTester } from "../../helpers/rule-tester";

// Session 38, developer prod38: production Wiki.js's link tagging, as a class.
// - An empty catch whose try only computes through the project's own function of another module,
//   followed like a function of the file: `pageHelper.parsePath(new URL(…).pathname)` with
//   `const pageHelper = require("../helpers/page")` (a member of a module required whole), or a
//   named ES import. A helper that does I/O (or is async) stays reported.
// This table declares only the cases its invalid rows name.
const named = new Set(["emptyCatch", "logAndContinue"]);
const narrowed = { ...swallowedException, cases: Object.fromEntries(Object.entries(swallowedException.cases).filter(([id]) => named.has(id))) } as typeof swallowedException;

// Wiki.js's server/modules/rendering/html-core/renderer.js (CommonJS, an object of helpers).
const renderer = dedent`
  const pageHelper = require("../../helpers/page");
  const URL = require("url").URL;
  module.exports = {
    tagLinks($, results) {
      $("a.is-internal-link").each((i, elm) => {
        const href = $(elm).attr("href");
        let hrefObj = {};
        try {
          const parsedUrl = new URL(\`http://x\${href}\`);
          hrefObj = pageHelper.parsePath(parsedUrl.pathname);
        } catch (err) {
          return;
        }
        $(elm).addClass(results.has(hrefObj.path) ? "is-valid-page" : "is-invalid-page");
      });
    },
  };
`;
const queried = renderer.replace("pageHelper.parsePath(parsedUrl.pathname)", "pageHelper.getPage(parsedUrl.pathname)");
const warned = queried.replace("} catch (err) {\n        return;", '} catch (err) {\n        console.warn("bad link");\n        return;');
const pageHelper = dedent`
  const _ = require("lodash");
  const qs = require("querystring");
  const localeSegmentRegex = /^[A-Z]{2}(-[A-Z]{2})?$/i;
  module.exports = {
    parsePath(rawPath, opts = {}) {
      const pathObj = { locale: WIKI.config.lang.code, path: "home" };
      rawPath = _.trim(qs.unescape(rawPath));
      const pathParts = _.filter(_.split(rawPath, "/"), (p) => !_.isEmpty(p));
      if (localeSegmentRegex.test(pathParts[0])) {
        pathObj.locale = pathParts.shift();
      }
      pathObj.path = _.join(pathParts, "/");
      return pathObj;
    },
    async getPage(id) {
      return WIKI.models.pages.query().findById(id);
    },
  };
`;

// Hand-written: a React/TypeScript component, a named import of the project's slug helper.
const component = (call: string) => dedent`
  import { ${call} } from "../lib/slug";
  export function Breadcrumb({ href }: { href: string }) {
    let slug = "";
    try {
      slug = ${call}(new URL(href, "http://x").pathname);
    } catch {}
    return <span>{slug}</span>;
  }
`;
const slugLib = dedent`
  import { readFileSync } from "node:fs";
  const trimSlashes = (p: string) => p.replace(/^\\/+|\\/+$/g, "");
  export function slugOf(path: string): string {
    return trimSlashes(decodeURIComponent(path)).split("/").filter(Boolean).join("-").toLowerCase();
  }
  export function slugFromManifest(path: string): string {
    const manifest = JSON.parse(readFileSync("./slugs.json", "utf8"));
    return manifest[path];
  }
`;

new RuleTester().run(narrowed, {
  valid: [
    { name: "a member of a project module required whole, which only computes (production Wiki.js)", code: renderer, filename: "server/modules/rendering/renderer.js", files: { "server/helpers/page.js": pageHelper } },
    { name: "a named import of the project's pure helper (React, TypeScript)", code: component("slugOf"), filename: "src/components/Breadcrumb.tsx", files: { "src/lib/slug.ts": slugLib } },
  ],
  invalid: [
    { name: "the imported helper reads a file: stays reported", code: component("slugFromManifest"), filename: "src/components/Breadcrumb.tsx", files: { "src/lib/slug.ts": slugLib }, findings: [{ case: "emptyCatch", line: 6, column: 11, endColumn: 13, suggestions: [
      { title: "Mark as intentionally ignored…", output: component("slugFromManifest").replace("} catch {}", "} catch {\n    // Intentionally ignored: <reason>\n  }") },
    ] }], output: component("slugFromManifest").replace("} catch {}", '} catch (err) {\n    console.error("slugFromManifest failed in Breadcrumb", err);\n  }') },
    { name: "the required module's member is async and queries: stays reported", code: queried, filename: "server/modules/rendering/renderer.js", files: { "server/helpers/page.js": pageHelper }, findings: [{ case: "emptyCatch", line: 11, column: 21, endLine: 13, endColumn: 8, suggestions: [
      { title: "Log with console and rethrow", output: queried.replace("} catch (err) {\n        return;\n", '} catch (err) {\n        console.error("pageHelper.getPage failed", err);\n        throw err;\n') },
      { title: "Mark as intentionally ignored…", output: queried.replace("} catch (err) {\n", "} catch (err) {\n        // Intentionally ignored: <reason>\n") },
    ] }], output: queried.replace("} catch (err) {\n        return;\n", '} catch (err) {\n        console.error("pageHelper.getPage failed", err);\n        return;\n') },
    { name: "the same, logged without its error: logAndContinue", code: warned, filename: "server/modules/rendering/renderer.js", files: { "server/helpers/page.js": pageHelper }, findings: [{ case: "logAndContinue", line: 11, column: 9, endColumn: 20, suggestions: [
      { title: "Mark as intentionally ignored…", output: warned.replace("} catch (err) {\n", "} catch (err) {\n        // Intentionally ignored: <reason>\n") },
    ] }], output: warned.replace('console.warn("bad link")', 'console.warn("bad link", err)') },
  ],
});
