import { dedent, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";
import { mark, runWithNamedCases } from "./unvalidated-boundary.helpers";

// Production overseerr (eval/production/sct__overseerr.json), session 32, developer oapi32: reads of
// `req.params`, `req.query` and `req.body` that the app-wide express-openapi-validator has checked
// against the project's OpenAPI document (see src/profile/openapi.ts and
// frameworks/openapi-validator.ts). Hand-written analogues, not the repository's code.

const PACKAGE = "{ \"name\": \"app\", \"dependencies\": { \"express\": \"^4.18.0\", \"express-openapi-validator\": \"4.13.8\", \"joi\": \"^17.0.0\" } }\n";

/** The app: the validator mounted before every `/api/v1` router (overseerr's server/index.ts). */
const SERVER = (validate = "true", routesFirst = false) => dedent`
  import express from "express";
  import path from "path";
  import * as OpenApiValidator from "express-openapi-validator";
  import routes from "@server/routes";
  const API_SPEC_PATH = path.join(__dirname, "../api.yml");
  const app = express();
  app.use(express.json());
  ${routesFirst ? "app.use(\"/api/v1\", routes);" : ""}
  app.use(OpenApiValidator.middleware({ apiSpec: API_SPEC_PATH, validateRequests: ${validate} }));
  ${routesFirst ? "" : "app.use(\"/api/v1\", routes);"}
  app.listen(5055);
`;

const ROUTES = dedent`
  import { Router } from "express";
  import mediaRoutes from "./media";
  import user from "./user";
  const router = Router();
  router.use("/media", mediaRoutes);
  router.use("/user", user);
  export default router;
`;

const SPEC = dedent`
  openapi: '3.0.2'
  info:
    title: Media
    version: '1.0.0'
  servers:
    - url: '{server}/api/v1'
  paths:
    /media:
      get:
        parameters:
          - in: query
            name: take
            schema:
              type: number
          - in: query
            name: sort
            schema:
              type: string
              enum: [added, modified]
    /media/{mediaId}:
      get:
        parameters:
          - $ref: '#/components/parameters/MediaId'
      delete:
        parameters:
          - in: path
            name: mediaId
            required: true
            schema:
              type: string
    /media/{mediaId}/status:
      parameters:
        - $ref: '#/components/parameters/MediaId'
      post:
        requestBody:
          required: true
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/Status'
    /user/{userId}/settings/main:
      get:
        parameters:
          - in: path
            name: userId
            required: true
            schema:
              type: integer
  components:
    parameters:
      MediaId:
        in: path
        name: mediaId
        required: true
        schema:
          type: number
    schemas:
      Status:
        type: object
        required: [status]
        properties:
          status:
            type: string
            enum: [available, pending]
          is4k:
            type: boolean
          note:
            type: string
`;

/** The user router, which mounts the user's settings router under `/:id/settings` (overseerr's `mergeParams` router). */
const USER = dedent`
  import { Router } from "express";
  import userSettingsRoutes from "./usersettings";
  const router = Router();
  router.use("/:id/settings", userSettingsRoutes);
  export default router;
`;

const FILE = "server/routes/media.ts";
const files = (server = SERVER()) => ({ "package.json": PACKAGE, "server/index.ts": server, "server/routes/index.ts": ROUTES, "server/routes/user/index.ts": USER, "api.yml": SPEC });

/** A route of the media router. */
const MEDIA = (route: string) => dedent`
  import { Router } from "express";
  import { getRepository } from "../datasource";
  import Media from "../entity/Media";
  const mediaRoutes = Router();
  ${route}
  export default mediaRoutes;
`;

const GET_BY_ID = MEDIA(dedent`
  mediaRoutes.get("/:id", async (req, res) => {
    const media = await getRepository(Media).findOne({ where: { id: Number(req.params.id) } });
    return res.status(200).json(media);
  });
`);

const DELETE_BY_ID = MEDIA(dedent`
  mediaRoutes.delete("/:id", async (req, res) => {
    const media = await getRepository(Media).findOneOrFail({ where: { id: Number(req.params.id) } });
    await getRepository(Media).remove(media);
    return res.status(204).send();
  });
`);

const STATUS = (save: string, before = "") => MEDIA(dedent`
  mediaRoutes.post("/:id/status", async (req, res) => {${before}
    const saved = await getRepository(Media).save(${save});
    return res.status(200).json(saved);
  });
`);

const LIST = MEDIA(dedent`
  mediaRoutes.get("/", async (req, res) => {
    const pageSize = req.query.take ? Number(req.query.take) : 20;
    const media = await getRepository(Media).find({ take: pageSize });
    return res.status(200).json(media);
  });
`);

const SORTED = MEDIA(dedent`
  const ORDER = { added: { createdAt: "DESC" }, modified: { updatedAt: "DESC" } };
  mediaRoutes.get("/", async (req, res) => {
    const order = ORDER[req.query.sort as string];
    return res.status(200).json(await getRepository(Media).find({ order }));
  });
`);

const USER_SETTINGS = dedent`
  import { Router } from "express";
  import { getRepository } from "../../datasource";
  import User from "../../entity/User";
  const userSettingsRoutes = Router({ mergeParams: true });
  userSettingsRoutes.get("/main", async (req, res) => {
    const user = await getRepository(User).findOne({ where: { id: Number(req.params.id) } });
    return res.status(200).json(user?.settings);
  });
  export default userSettingsRoutes;
`;

// Session 33 (xmod33): the body handed whole to a service of the project, reached through the
// tsconfig's `@server/*` alias: judged by the fields the service reads of its parameter.
const ALIASED = { "tsconfig.json": '{ "compilerOptions": { "baseUrl": ".", "paths": { "@server/*": ["server/*"] } } }' };
const HANDED = (call: string) => MEDIA(dedent`
  mediaRoutes.post("/:id/status", async (req, res) => {
    return res.status(200).json(await ${call});
  });
`).replace('import Media from "../entity/Media";', 'import Media from "../entity/Media";\nimport { setStatus } from "@server/lib/status";\nimport StatusService from "@server/services/StatusService";');
const SET_STATUS = (fields: string) => dedent`
  export async function setStatus(body: StatusBody, id: number) {
    return getRepository(Media).save({ id, ${fields} });
  }
`;
const STATUS_SERVICE = (fields: string) => dedent`
  export default class StatusService {
    static async apply(id: number, { status, ${fields} }: StatusBody) {
      return getRepository(Media).update(id, { status, ${fields} });
    }
  }
`;
const serviceFiles = (setStatus: string, service = STATUS_SERVICE("is4k")) => ({ ...files(), ...ALIASED, "server/lib/status.ts": setStatus, "server/services/StatusService.ts": service });

const valid: ValidCase[] = [
  { name: "expressParams: an id the document declares a number, Number()'d into a lookup", code: GET_BY_ID, filename: FILE, files: files() },
  { name: "expressBody: declared fields stored one by one (an enum and a string), the id a declared number", code: STATUS("{ id: Number(req.params.id), status: req.body.status, note: req.body.note }"), filename: FILE, files: files() },
  { name: "expressBody: a boolean field only reduced to choose a column, through a const alias of the body", code: STATUS("{ id: Number(req.params.id), [body.is4k ? \"status4k\" : \"status\"]: body.status }", "\n    const body = req.body as { status: string; is4k?: boolean };"), filename: FILE, files: files() },
  { name: "expressQuery: an enum value used as a key of the module's table", code: SORTED, filename: FILE, files: files() },
  {
    name: "expressParams: a router whose mount is not seen, matched by the unique suffix of a document path",
    code: GET_BY_ID.replace("\"/:id\"", "\"/media/:id\""),
    filename: "server/api/media.ts",
    files: files(),
  },
  {
    name: "expressParams: a parent router's parameter, its prefix seen through two mounts (`:id` is the document's `{userId}`)",
    code: USER_SETTINGS,
    filename: "server/routes/user/usersettings.ts",
    files: files(),
  },
  { name: "expressBody: handed whole to a service (through @server/*) that stores only declared fields", code: HANDED("setStatus(req.body, Number(req.params.id))"), filename: FILE, files: serviceFiles(SET_STATUS("status: body.status, note: body.note")) },
  { name: "expressBody: handed whole to a class's static method whose destructured parameter takes declared fields", code: HANDED("StatusService.apply(Number(req.params.id), req.body)"), filename: FILE, files: serviceFiles(SET_STATUS("status: body.status")) },
];

/** One finding of `caseId` at `line`, the directive its only suggestion (a joi project: no Zod fix). */
function row(name: string, code: string, caseId: string, line: number, column: number, endColumn: number, server?: string): InvalidCase {
  return { name, code, filename: FILE, findings: [{ case: caseId, line, column, endColumn, suggestions: [mark(code, caseId, line)] }], files: files(server), output: null };
}

const invalid: InvalidCase[] = [
  row("expressParams: an id the document declares only as a string, Number()'d with no NaN check into a lookup", DELETE_BY_ID, "expressParams", 6, 80, 90),
  row("expressQuery: a page size the document types as a number with no maximum", LIST, "expressQuery", 6, 44, 53),
  row("expressBody: the body stored whole (undeclared properties saved as sent)", STATUS("{ ...req.body, id: Number(req.params.id) }"), "expressBody", 6, 54, 62),
  row("expressBody: a field the document does not declare", STATUS("{ id: Number(req.params.id), status: req.body.status, owner: req.body.owner }"), "expressBody", 6, 86, 94),
  row("expressBody: an optional field read through unguarded (a missing one throws)", STATUS("{ id: Number(req.params.id), status: req.body.status, note: req.body.note.trim() }"), "expressBody", 6, 86, 94),
  {
    name: "expressBody: handed whole to a service (through @server/*) that stores a field the document does not declare",
    code: HANDED("setStatus(req.body, Number(req.params.id))"),
    filename: FILE,
    files: serviceFiles(SET_STATUS("status: body.status, owner: body.owner")),
    findings: [{ case: "expressBody", line: 8, column: 47, endColumn: 55, suggestions: [mark(HANDED("setStatus(req.body, Number(req.params.id))"), "expressBody", 8)] }],
    output: null,
  },
  {
    name: "expressBody: handed whole to a class's static method whose destructured parameter takes an undeclared field",
    code: HANDED("StatusService.apply(Number(req.params.id), req.body)"),
    filename: FILE,
    files: serviceFiles(SET_STATUS("status: body.status"), STATUS_SERVICE("priority")),
    findings: [{ case: "expressBody", line: 8, column: 80, endColumn: 88, suggestions: [mark(HANDED("StatusService.apply(Number(req.params.id), req.body)"), "expressBody", 8)] }],
    output: null,
  },
  row("expressParams: the validator mounted with validateRequests: false", GET_BY_ID, "expressParams", 6, 74, 84, SERVER("false")),
  row("expressParams: the routers mounted before the validator", GET_BY_ID, "expressParams", 6, 74, 84, SERVER("true", true)),
];

runWithNamedCases(valid, invalid);
