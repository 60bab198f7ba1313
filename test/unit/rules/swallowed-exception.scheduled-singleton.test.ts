import { dedent, RuleTester } from "../../helpers/rule-tester";
import { logOnlySuggestions, narrowedTo } from "../../helpers/swallowed-suggestions";

// Classes from session 32, developer prodse32 (production overseerr, measured blind at d608e523):
// a scheduled job's body in a module of its own, started by another module's scheduler
// (scheduled-singleton.ts), a method its class only fires and forgets (unawaited-method.ts), and a
// settings test route's probe that falls back to the URL base the user gave before the same
// client's next calls (probe-same-client.ts). Hand-written analogues, no fetched code. This table
// declares only the cases its invalid rows name.
const narrowed = narrowedTo(["logAndContinue", "promiseCatchNoop", "promiseCatchLogOnly"]);

// A scanner whose `run()` walks the servers and hands each item to the base class's loop.
const scanner = dedent`
  import logger from "../logger";
  class Scanner {
    public async run(): Promise<void> {
      try {
        for (const server of servers) {
          const items = await fetchItems(server);
          await this.loop(items, this.processItem.bind(this));
        }
      } catch (e) {
        logger.error("Scan interrupted", { errorMessage: e.message });
      }
    }
    private async processItem(item: Item): Promise<void> {
      try {
        await saveItem(item);
      } catch (e) {
        logger.error("Failed to process item", { errorMessage: e.message, title: item.title });
      }
    }
  }
  export const scanner = new Scanner();
`;

// The scheduler module that starts it, with \`start\` as the callback's call.
const schedule = (start: string): string => dedent`
  import schedule from "node-schedule";
  import { scanner } from "../lib/scanner";
  export const startJobs = (): void => {
    schedule.scheduleJob("*/5 * * * *", () => {
      ${start}
    });
  };
`;

// A sync job exported as the default instance, imported through a tsconfig path alias; each media
// item's update is a helper awaited in the loop; \`prepare\` is how the run starts its first step.
const sync = (prepare: string): string => dedent`
  import logger from "@server/logger";
  class AvailabilitySync {
    async run() {
      try {
        ${prepare}
        for await (const media of loadPages()) {
          if (await missing(media)) {
            await this.mediaUpdater(media);
          }
        }
      } catch (ex) {
        logger.error("Failed to complete availability sync.", { errorMessage: ex.message });
      }
    }
    private async prepare() {
      try {
        await this.loadServers();
      } catch (ex) {
        logger.error("Loading the servers failed", { errorMessage: ex.message });
      }
    }
    private async mediaUpdater(media: Media): Promise<void> {
      try {
        await repository.save({ ...media, status: "unknown" });
      } catch (ex) {
        logger.debug("Failure updating the media", { errorMessage: ex.message, id: media.id });
      }
    }
  }
  const availabilitySync = new AvailabilitySync();
  export default availabilitySync;
`;
const syncJobs = {
  "tsconfig.json": '{ "compilerOptions": { "baseUrl": ".", "paths": { "@server/*": ["server/*"] } } }',
  "server/job/schedule.ts": dedent`
    import schedule from "node-schedule";
    import availabilitySync from "@server/lib/availabilitySync";
    schedule.scheduleJob("0 0 5 * * *", () => {
      availabilitySync.run();
    });
  `,
};

// A download tracker whose job starts a private refresh that reads each server's queue.
const tracker = dedent`
  import logger from "./logger";
  class DownloadTracker {
    private servers: Record<number, Item[]> = {};
    public updateDownloads() {
      this.updateRadarrDownloads();
    }
    private async updateRadarrDownloads() {
      Promise.all(
        settings.radarr.map(async (server) => {
          try {
            const queue = await getQueue(server);
            this.servers[server.id] = queue;
          } catch {
            logger.error(\`Unable to get queue from Radarr server: \${server.name}\`);
          }
          copyToMatching(server);
        })
      );
    }
  }
  const downloadTracker = new DownloadTracker();
  export default downloadTracker;
`;
const trackerJobs = {
  "src/job/schedule.ts": dedent`
    import schedule from "node-schedule";
    import downloadTracker from "../downloadtracker";
    schedule.scheduleJob("0 * * * * *", () => {
      downloadTracker.updateDownloads();
    });
  `,
};

// A Radarr client whose add fires the search command without waiting on it (\`method\` its name).
const radarr = (method: string, start = `this.${method}(response.id);`): string => dedent`
  import logger from "../logger";
  export class RadarrAPI {
    public async addMovie(options: AddOptions): Promise<Movie> {
      const response = await this.post("/movie", options);
      if (options.searchNow) {
        ${start}
      }
      return response;
    }
    public async ${method}(movieId: number): Promise<void> {
      logger.info("Executing movie search command", { movieId });
      try {
        await this.runCommand("MoviesSearch", { movieIds: [movieId] });
      } catch (e) {
        logger.error("Something went wrong while executing the search.", { errorMessage: e.message, movieId });
      }
    }
  }
`;

const chained = schedule("scanner.run().then(() => logger.info(\"done\"));");
const oncePrepared = sync("await this.prepare();");
const notice = radarr("sendSearchNotification");
const awaitedNearby = { "src/routes.ts": dedent`
  import { RadarrAPI } from "./api/radarr";
  export async function search(req: Request, res: Response) {
    await new RadarrAPI().searchMovie(Number(req.params.id));
    res.json({ ok: true });
  }
` };
// A client whose constructor starts its connect (start-up), the try ending the connect.
const startUp = dedent`
  import logger from "./logger";
  export class Storage {
    constructor() {
      this.connect();
    }
    private async connect(): Promise<void> {
      try {
        await pool.connect();
      } catch (e) {
        logger.error("Failed to connect to the database", e);
      }
    }
  }
`;

// A settings route that tests a Radarr server: the status probe falls back to \`fallback\`, then \`next\`.
const testRoute = (fallback: string, next = "const profiles = await radarr.getProfiles();"): string => dedent`
  radarrRoutes.post("/test", async (req, res, next) => {
    try {
      const radarr = new RadarrAPI({ apiKey: req.body.apiKey, url: buildUrl(req.body) });
      const urlBase = await radarr.getSystemStatus().then((value) => value.urlBase).catch(() => ${fallback});
      ${next}
      return res.status(200).json({ profiles, urlBase });
    } catch (e) {
      next({ status: 500, message: "Failed to connect to Radarr" });
    }
  });
`;

// The mark suggestion of a \`.catch(() => value)\` whose handler answers \`value\`, in \`code\`.
const markArrow = (code: string, value: string) => ({ title: "Mark as intentionally ignored…", output: code.replace(`.catch(() => ${value})`, `.catch(() => /* Intentionally ignored: <reason> */ ${value})`) });
// The safe fix: the handler logs the error through console before it answers \`value\`.
const logged = (code: string, value: string, callee: string) => code.replace(`.catch(() => ${value})`, `.catch((err) => {\n      console.error("${callee} failed in POST /test", err);\n      return ${value};\n    })`);
const loggedProbe = (code: string) => logged(code, "req.body.baseUrl", "radarr.getSystemStatus");
const noLater = testRoute("req.body.baseUrl", "const profiles = await loadProfiles();");
const madeUp = testRoute('"/"');
const settledNext = testRoute("req.body.baseUrl", "const profiles = await radarr.getProfiles().catch(() => []);");

// The app's read of its own releases on GitHub, answered \`[]\` after a warning of \`message\`.
const releases = (message: string): string => dedent`
  import logger from "../logger";
  export class GithubAPI {
    public async getReleases(): Promise<Release[]> {
      try {
        return await this.get<Release[]>("/repos/acme/app/releases");
      } catch (e) {
        logger.warn("${message}", { errorMessage: e.message });
        return [];
      }
    }
  }
`;
const silentRelease = releases("Failed to retrieve GitHub releases.");
const adminCheck = releases("Failed to retrieve the team. The app can't check if the user is an admin.");

// A plex.tv client whose token ping is fired by the refresh-token job of another module (\`ping\` its call there).
const plexTv = dedent`
  import logger from "@server/logger";
  export default class PlexTvAPI {
    public async pingToken() {
      try {
        await this.axios.get("/api/v2/ping");
      } catch (e) {
        logger.error("Failed to ping token", { errorMessage: e.message });
      }
    }
  }
`;
const refreshJob = (ping: string): Record<string, string> => ({
  "tsconfig.json": '{ "compilerOptions": { "baseUrl": ".", "paths": { "@server/*": ["server/*"] } } }',
  "server/job/schedule.ts": dedent`
    import schedule from "node-schedule";
    import refreshToken from "@server/lib/refreshToken";
    schedule.scheduleJob("0 30 5 * * *", () => {
      refreshToken.run();
    });
  `,
  "server/lib/refreshToken.ts": dedent`
    import PlexTvAPI from "@server/api/plextv";
    class RefreshToken {
      public async run() {
        for (const user of await loadUsers()) {
          const plexTvApi = new PlexTvAPI(user.plexToken);
          ${ping}
        }
      }
    }
    export default new RefreshToken();
  `,
});

// A Pushover agent whose image attachment is answered \`{}\` on failure, declared \`type\`, then \`use\`d by the send.
const pushover = (type: string, use: string): string => dedent`
  import logger from "../../logger";
  class PushoverAgent {
    private async getImagePayload(imageUrl: string): ${type} {
      try {
        const response = await axios.get(imageUrl, { responseType: "arraybuffer" });
        return { attachment_base64: toBase64(response.data), attachment_type: response.headers["content-type"] };
      } catch (e) {
        logger.error("Error getting image payload", { errorMessage: e.message });
        return {};
      }
    }
    public async send(payload: Payload): Promise<boolean> {
      const body: PushoverPayload = { title: payload.subject };
      const imagePayload = await this.getImagePayload(payload.image);
      ${use}
      await axios.post(ENDPOINT, body);
      return true;
    }
  }
`;
const guardedImage = "if (imagePayload.attachment_base64 && imagePayload.attachment_type) {\n    body.attachment_base64 = imagePayload.attachment_base64;\n    body.attachment_type = imagePayload.attachment_type;\n  }";
const spreadImage = pushover("Promise<Partial<PushoverImagePayload>>", "Object.assign(body, imagePayload);");
const wholeImage = pushover("Promise<PushoverImagePayload>", guardedImage);
const imageLog = 'logger.error("Error getting image payload", { errorMessage: e.message });';
// Rethrow in place of the \`{}\`, or mark the catch.
const imageSuggestions = (code: string) => [
  { title: "Rethrow the error", output: code.replace(`${imageLog}\n      return {};\n`, `${imageLog}\n      throw e;\n`) },
  both(code, imageLog, "e", "      ")[1]!,
];

// The two suggestions of a log-only catch whose log line is \`logLine\`: rethrow \`err\` after it, or mark its catch.
const both = logOnlySuggestions;
const scanLog = 'logger.error("Scan interrupted", { errorMessage: e.message });';
const itemLog = 'logger.error("Failed to process item", { errorMessage: e.message, title: item.title });';
const scanFindings = [
  { case: "logAndContinue", line: 9, column: 7, endColumn: 16, suggestions: both(scanner, scanLog, "e", "      ") },
  { case: "logAndContinue", line: 16, column: 7, endColumn: 16, suggestions: both(scanner, itemLog, "e", "      ") },
];
const searchLog = 'logger.error("Something went wrong while executing the search.", { errorMessage: e.message, movieId });';

const pingFindings = [{ case: "logAndContinue", line: 6, column: 7, endColumn: 16, suggestions: both(plexTv, 'logger.error("Failed to ping token", { errorMessage: e.message });', "e", "      ") }];

new RuleTester().run(narrowed, {
  valid: [
    { name: "a scanner singleton's run() that another module's scheduleJob callback starts: its top-level catch and its per-item step's", code: scanner, filename: "src/lib/scanner.ts", files: { "src/job/schedule.ts": schedule("scanner.run();") } },
    { name: "the same started with `void`", code: scanner, filename: "src/lib/scanner.ts", files: { "src/job/schedule.ts": schedule("void scanner.run();") } },
    { name: "a default-exported sync job imported through the tsconfig's `@server/*` alias; its per-item helper awaited in the loop, a first step started without waiting", code: sync("this.prepare();"), filename: "server/lib/availabilitySync.ts", files: syncJobs },
    // Session 33 (xmod33): the alias read by the one resolver (src/profile/aliases.ts), not the root tsconfig alone.
    { name: "the `@server/*` alias declared in a base config the root tsconfig extends (comments, trailing commas)", code: sync("this.prepare();"), filename: "server/lib/availabilitySync.ts", files: { ...syncJobs, "tsconfig.json": '{\n  // app\n  "extends": "./tsconfig.base.json",\n}', "tsconfig.base.json": '{ "compilerOptions": { "baseUrl": ".", "paths": { "@server/*": ["server/*"], }, }, }' } },
    { name: "a scheduler of a nested package whose own jsconfig maps `~lib/*`", code: sync("this.prepare();"), filename: "apps/api/lib/availabilitySync.ts", files: { "apps/api/jsconfig.json": '{ "compilerOptions": { "paths": { "~lib/*": ["./lib/*"] } } }', "apps/api/job/schedule.ts": syncJobs["server/job/schedule.ts"].replace("@server/lib/availabilitySync", "~lib/availabilitySync") } },
    { name: "a private refresh the job starts without waiting; each server's queue read in the item callback of `Promise.all(servers.map(…))`", code: tracker, filename: "src/downloadtracker.ts", files: trackerJobs },
    { name: "a search command the class only fires and forgets after an add", code: radarr("searchMovie"), filename: "src/api/radarr.ts" },
    { name: "the same fired with `void`", code: radarr("searchMovie", "void this.searchMovie(response.id);"), filename: "src/api/radarr.ts" },
    { name: "the app's update check answered [] under a warning that it can't check if it is on the latest version", code: releases("Failed to retrieve GitHub releases. This may be an issue on GitHub's end. The app can't check if it's on the latest version."), filename: "src/api/github.ts" },
    { name: "the same with `unable to check for updates`", code: releases("GitHub is unreachable; unable to check for updates."), filename: "src/api/github.ts" },
    { name: "a token ping its class never calls, fired without waiting by a job module the scheduler imports", code: plexTv, filename: "server/api/plextv.ts", files: refreshJob("plexTvApi.pingToken();") },
    { name: "an optional image attachment declared Partial<…>, answered {} and used by its only caller behind a test of its fields", code: pushover("Promise<Partial<PushoverImagePayload>>", guardedImage), filename: "src/lib/notifications/agents/pushover.ts" },
    { name: "a test route's status probe falls back to the URL base the user gave; the same client's next call surfaces an outage", code: testRoute("req.body.baseUrl"), filename: "src/routes/settings/radarr.ts" },
  ],
  invalid: [
    { name: "the scanner with no scheduler in sight: both catches reported", code: scanner, filename: "src/lib/scanner.ts", findings: scanFindings, output: null },
    { name: "the scheduler chains on run(): a caller waits on it", code: scanner, filename: "src/lib/scanner.ts", files: { "src/job/schedule.ts": chained }, findings: scanFindings, output: null },
    { name: "a helper the job awaits once before its loop is no item step", code: oncePrepared, filename: "server/lib/availabilitySync.ts", files: syncJobs, findings: [{ case: "logAndContinue", line: 18, column: 7, endColumn: 17, suggestions: both(oncePrepared, 'logger.error("Loading the servers failed", { errorMessage: ex.message });', "ex", "      ") }], output: null },
    { name: "a route nearby awaits the search command: that caller is not told", code: radarr("searchMovie"), filename: "src/api/radarr.ts", files: awaitedNearby, findings: [{ case: "logAndContinue", line: 14, column: 7, endColumn: 16, suggestions: both(radarr("searchMovie"), searchLog, "e", "      ") }], output: null },
    { name: "a notification fired and forgotten stays under the notification rule (held round 26)", code: notice, filename: "src/api/radarr.ts", findings: [{ case: "logAndContinue", line: 14, column: 7, endColumn: 16, suggestions: [both(notice, searchLog, "e", "      ")[1]!] }], output: null },
    { name: "the releases read answered [] with no word of what it turns off", code: silentRelease, filename: "src/api/github.ts", findings: [{ case: "logAndContinue", line: 6, column: 7, endColumn: 16, suggestions: [both(silentRelease, 'logger.warn("Failed to retrieve GitHub releases.", { errorMessage: e.message });', "e", "      ")[1]!] }], output: null },
    { name: "a check that is no update check stays reported", code: adminCheck, filename: "src/api/github.ts", findings: [{ case: "logAndContinue", line: 6, column: 7, endColumn: 16, suggestions: [both(adminCheck, 'logger.warn("Failed to retrieve the team. The app can\'t check if the user is an admin.", { errorMessage: e.message });', "e", "      ")[1]!] }], output: null },
    { name: "the job module awaits the ping: a caller waits on it", code: plexTv, filename: "server/api/plextv.ts", files: refreshJob("await plexTvApi.pingToken();"), findings: pingFindings, output: null },
    { name: "no scheduler imports the module that fires the ping", code: plexTv, filename: "server/api/plextv.ts", files: { ...refreshJob("plexTvApi.pingToken();"), "server/job/schedule.ts": "export {};\n" }, findings: pingFindings, output: null },
    { name: "the caller merges the answer whatever it holds", code: spreadImage, filename: "src/lib/notifications/agents/pushover.ts", findings: [{ case: "logAndContinue", line: 7, column: 7, endColumn: 16, suggestions: imageSuggestions(spreadImage) }], output: null },
    { name: "an answer not declared Partial<…>: the {} breaks its contract", code: wholeImage, filename: "src/lib/notifications/agents/pushover.ts", findings: [{ case: "logAndContinue", line: 7, column: 7, endColumn: 16, suggestions: imageSuggestions(wholeImage) }], output: null },
    { name: "no later call on the same client: an outage hides behind the fallback", code: noLater, filename: "src/routes/settings/radarr.ts", findings: [{ case: "promiseCatchNoop", line: 4, column: 89, endColumn: 111, suggestions: [markArrow(noLater, "req.body.baseUrl")] }], output: logged(noLater, "req.body.baseUrl", "radarr.getSystemStatus") },
    { name: "the same with the error logged by the handler (the safe fix's output)", code: loggedProbe(noLater), filename: "src/routes/settings/radarr.ts", findings: [{ case: "promiseCatchLogOnly", line: 4, column: 89, endLine: 7, endColumn: 6, suggestions: [
      { title: "Mark as intentionally ignored…", output: loggedProbe(noLater).replace(".catch((err) => {\n", ".catch((err) => {\n      // Intentionally ignored: <reason>\n") },
    ] }], output: null },
    { name: "a made-up literal answered instead of a value the code holds", code: madeUp, filename: "src/routes/settings/radarr.ts", findings: [{ case: "promiseCatchNoop", line: 4, column: 89, endColumn: 98, suggestions: [markArrow(madeUp, '"/"')] }], output: logged(madeUp, '"/"', "radarr.getSystemStatus") },
    { name: "the same client's next call settled by a catch of its own", code: settledNext, filename: "src/routes/settings/radarr.ts", findings: [{ case: "promiseCatchNoop", line: 4, column: 89, endColumn: 111, suggestions: [markArrow(settledNext, "req.body.baseUrl")] }, { case: "promiseCatchNoop", line: 5, column: 55, endColumn: 63, suggestions: [markArrow(settledNext, "[]")] }], output: logged(logged(settledNext, "req.body.baseUrl", "radarr.getSystemStatus"), "[]", "radarr.getProfiles") },
    { name: "a connect the constructor starts is the object's start-up (held rounds 23 and 24)", code: startUp, filename: "src/storage.ts", findings: [{ case: "logAndContinue", line: 9, column: 7, endColumn: 16, suggestions: both(startUp, 'logger.error("Failed to connect to the database", e);', "e", "      ") }], output: null },
  ],
});
