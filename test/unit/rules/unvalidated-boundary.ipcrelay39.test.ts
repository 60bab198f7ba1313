import { dedent, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";
import { markedRow, runWithNamedCases } from "./unvalidated-boundary.helpers";

// Held round 42 (retired to tune), session 39, developer ub39: what the handler given to Electron's
// `ipcMain.handle(channel, fn)` returns is what the renderer's `ipcRenderer.invoke` resolves to (Electron's
// docs): the IPC answer, taken as the HTTP answer for the relay reading (session 31's ruling; round 42's
// conventions). A remote reply's field read through plain links and only returned there, past the status
// test or in a `try` whose `catch` answers the failure, is relayed (Skaikru0518/bybit-electron-app
// `legacy/main.mjs:219`, `:254`, `:294`, decided clean). Stored, or returned from a function that is no
// IPC handler, it stays a use. Rows in ESM JavaScript over axios as in the repository and hand-made in
// TypeScript over fetch with an ok test.

const PKG = { "package.json": '{ "name": "desktop", "main": "main.mjs", "dependencies": { "axios": "^1.7.0", "electron-store": "^8.0.0" }, "devDependencies": { "electron": "^31.0.0" } }' };

const lineOf = (code: string, text: string): number => code.split("\n").findIndex((l) => l.includes(text)) + 1;
const colOf = (code: string, text: string, word: string): number => code.split("\n")[lineOf(code, text) - 1]!.indexOf(word, code.split("\n")[lineOf(code, text) - 1]!.indexOf(text)) + 1;

const PRICE = (use: string) => dedent`
  import { ipcMain } from "electron";
  import axios from "axios";
  import Store from "electron-store";
  const store = new Store();

  ipcMain.handle("fetch-market-price", async (event, symbol) => {
    try {
      const response = await axios.get("https://api.bybit.com/v5/market/tickers", { params: { category: "linear", symbol }, timeout: 10000 });
      if (response.data && response.data.result && response.data.result.list) {
        ${use}
      }
      return { error: "no price" };
    } catch (error) {
      console.error("fetchMarketPrice", error);
      return { error: "price lookup failed" };
    }
  });
`;

const LEVERAGE = dedent`
  import { ipcMain } from "electron";
  import axios from "axios";

  ipcMain.handle("update-leverage", async (event, symbol, leverage) => {
    try {
      const response = await axios.post("https://api.bybit.com/v5/position/set-leverage", { symbol, buyLeverage: String(leverage) }, { timeout: 10000 });
      if (response.data.retCode !== 0) {
        return { error: response.data.retMsg };
      }
      return { ok: true, time: response.data.time };
    } catch (error) {
      return { error: "Failed to update leverage" };
    }
  });
`;

const FETCH_TS = (registration: string) => dedent`
  import { ipcMain } from "electron";

  async function latestRelease(): Promise<string> {
    const res = await fetch("https://api.github.com/repos/acme/app/releases/latest", { signal: AbortSignal.timeout(10000) });
    if (!res.ok) throw new Error(\`GitHub answered \${res.status}\`);
    const data = await res.json();
    return data.assets[0].browser_download_url;
  }

  ${registration}
`;

const valid: ValidCase[] = [
  { name: "axios reply's path tested, its field returned from ipcMain.handle inside a try whose catch answers (round 42, bybit :219)", filename: "legacy/main.mjs", files: PKG, code: PRICE("return response.data.result.list[0].lastPrice;") },
  { name: "retMsg of the 2xx reply returned in an object from ipcMain.handle (round 42, bybit :294)", filename: "legacy/main.mjs", files: PKG, code: LEVERAGE },
  { name: "TypeScript over fetch (hand-made): ok-tested reply's field returned straight from an ipcMain.handle arrow", filename: "src/main/updates.ts", files: PKG, code: dedent`
    import { ipcMain } from "electron";

    ipcMain.handle("latest-version", async () => {
      const res = await fetch("https://api.github.com/repos/acme/app/releases/latest", { signal: AbortSignal.timeout(10000) });
      if (!res.ok) throw new Error(\`GitHub answered \${res.status}\`);
      const data = await res.json();
      return { version: data.tag_name, url: data.html_url };
    });
  ` },
];

const PRICE_STORED = PRICE('store.set("lastPrice", response.data.result.list[0].lastPrice);\n        return { ok: true };');

const invalid: InvalidCase[] = [
  markedRow("the same field stored in electron-store: a use", PRICE_STORED, "legacy/main.mjs", PKG, "fetchJson", lineOf(PRICE_STORED, "if (response.data &&"), colOf(PRICE_STORED, "if (response.data &&", "response.data"), colOf(PRICE_STORED, "if (response.data &&", "response.data") + 13),
  markedRow("TypeScript (hand-made): returned by a helper that is no IPC handler, then handed to a renderer call", FETCH_TS('ipcMain.on("check", (event) => { latestRelease().then((url) => event.reply("update", url)); });'), "src/main/updates.ts", PKG, "fetchJson", 6, 22, 32),
];

describe("unvalidated-boundary: a remote reply's field relayed as an ipcMain.handle answer (round 42)", () => {
  runWithNamedCases(valid, invalid);
});
