import { dedent, type InvalidCase, type ValidCase } from "../../helpers/rule-tester";
import { mark, runWithNamedCases } from "./unvalidated-boundary.helpers";

// Production hedgedoc (session 31, helper nest31). Hand-written rows.

// A NestJS `@Param()` string (a path segment, always text) whose first use is the injected service's
// lookup of one row that filters on it as text and throws on a miss (`NotInDBError`, answered 404),
// reached straight or through a method of the controller (two hops): the look-up-first and equality-filter
// decisions. A question asked of it first (`isAliasForbidden(alias)`) and a refusal naming it do not count.
// A key column (`noteId`), a miss that goes on, a write before the lookup and a body field stay uses.
const NEST_PACKAGE = "{ \"name\": \"backend\", \"dependencies\": { \"@nestjs/common\": \"10.0.0\", \"@nestjs/core\": \"10.0.0\", \"class-validator\": \"0.14.0\", \"knex\": \"3.0.0\" } }\n";
const ALIAS_CONTROLLER = (read = "@Param(\"alias\") alias: string") => dedent`
  import { Controller, Delete, Param, UnauthorizedException } from "@nestjs/common";
  import { AliasService } from "../../../alias/alias.service";
  import { NoteService } from "../../../notes/note.service";
  @Controller("alias")
  export class AliasController {
    constructor(private aliasService: AliasService, private noteService: NoteService) {}
    private async getNoteIdAndCheckOwner(userId: number, existingAlias: string): Promise<number> {
      const noteId = await this.noteService.getNoteIdByAlias(existingAlias);
      if (!(await this.noteService.isOwner(userId, noteId))) {
        throw new UnauthorizedException("Modifying aliases requires note ownership");
      }
      return noteId;
    }
    @Delete(":alias")
    async removeAlias(@RequestUserId() userId: number, ${read}): Promise<void> {
      await this.getNoteIdAndCheckOwner(userId, alias);
      await this.aliasService.removeAlias(alias);
    }
  }
`;
const NOTE_SERVICE = (lookup: string, miss = "if (note === undefined) {\n      const message = `Could not find note '${alias}'`;\n      this.logger.debug(message);\n      throw new NotInDBError(message);\n    }", before = "") => dedent`
  import { Injectable } from "@nestjs/common";
  import { Knex } from "knex";
  import { AliasService } from "../alias/alias.service";
  @Injectable()
  export class NoteService {
    constructor(private readonly knex: Knex, private aliasService: AliasService) {}
    async getNoteIdByAlias(alias: string, transaction?: Knex): Promise<number> {
      const dbActor = transaction ?? this.knex;
      if (this.aliasService.isAliasForbidden(alias)) {
        throw new ForbiddenIdError(\`The alias '\${alias}' is forbidden by the administrator.\`);
      }${before}
      const note = await dbActor(TableAlias)
        .select(\`\${TableNote}.\${FieldNameNote.id}\`)
        ${lookup}
        .join(TableNote, \`\${TableNote}.\${FieldNameNote.id}\`, \`\${TableAlias}.\${FieldNameAlias.noteId}\`)
        .first();
      ${miss}
      return note[FieldNameNote.id];
    }
  }
`;
const LOOKUP = ".whereEqualLowercase(FieldNameAlias.alias, alias)";
const files = (service: string) => ({ "package.json": NEST_PACKAGE, "backend/src/notes/note.service.ts": service });
const CONTROLLER_FILE = "backend/src/api/private/alias/alias.controller.ts";

// A controller whose GET handler hands its route string straight to a service method.
const GET_CONTROLLER = (entity: string, param: string, method: string) => dedent`
  import { Controller, Get, Param } from "@nestjs/common";
  import { ${entity}Service } from "../../../${entity.toLowerCase()}/${entity.toLowerCase()}.service";
  @Controller("${entity.toLowerCase()}")
  export class ${entity}Controller {
    constructor(private service: ${entity}Service) {}
    @Get(":${param}")
    async get(@Param("${param}") ${param}: string) {
      return await this.service.${method}(${param});
    }
  }
`;
const USERS_CONTROLLER = GET_CONTROLLER("Users", "username", "getUserDtoByUsername");
const USERS_SERVICE = dedent`
  import { Injectable } from "@nestjs/common";
  import { Knex } from "knex";
  @Injectable()
  export class UsersService {
    constructor(private readonly knex: Knex) {}
    async getUserDtoByUsername(username: string): Promise<UserInfoDto> {
      const user = await this.knex(TableUser).select().where({ username }).first();
      if (!user) {
        throw new NotInDBError(\`User with username "\${username}" does not exist\`);
      }
      return UserInfoDto.create(user);
    }
  }
`;
const USERS_FILES = { "package.json": NEST_PACKAGE, "backend/src/users/users.service.ts": USERS_SERVICE };

// The lookup in a method of the service's class that only returns it (hedgedoc's groups service).
const GROUPS_CONTROLLER = GET_CONTROLLER("Groups", "groupName", "getGroupInfoDtoByName");
const GROUPS_SERVICE = (read: string) => dedent`
  import { Injectable } from "@nestjs/common";
  import { Knex } from "knex";
  @Injectable()
  export class GroupsService {
    constructor(private readonly knex: Knex) {}
    async getGroupInfoDtoByName(name: string): Promise<GroupInfoDto> {
      const group = await this.getRawGroupByName(name);
      if (group === undefined) {
        throw new NotInDBError(\`Group with name '\${name}' not found\`);
      }
      return GroupInfoDto.create(group);
    }
    private async getRawGroupByName(name: string, transaction?: Knex): Promise<Group | undefined> {
      const dbActor = transaction ?? this.knex;
      return await dbActor(TableGroup).select()${read};
    }
  }
`;
const groups = (read: string) => ({ "package.json": NEST_PACKAGE, "backend/src/groups/groups.service.ts": GROUPS_SERVICE(read) });
const GROUPS_FILE = "backend/src/api/private/groups/groups.controller.ts";

const KEY_COLUMN = ALIAS_CONTROLLER();
const MISS_GOES_ON = ALIAS_CONTROLLER();
const WRITTEN_FIRST = ALIAS_CONTROLLER();
const BODY = ALIAS_CONTROLLER("@Body(\"alias\") alias: string");

const valid: ValidCase[] = [
  { name: "nest: a route string looked up first by the injected service through the controller's helper (knex whereEqualLowercase + first, NotInDBError)", code: ALIAS_CONTROLLER(), filename: CONTROLLER_FILE, files: files(NOTE_SERVICE(LOOKUP)) },
  { name: "nest: a route string looked up first by the injected service (knex where({ username }) + first, a throw on a miss)", code: USERS_CONTROLLER, filename: "backend/src/api/private/users/users.controller.ts", files: USERS_FILES },
  { name: "nest: a route string looked up by a method of the service's class that returns the lookup, the miss thrown by its caller", code: GROUPS_CONTROLLER, filename: GROUPS_FILE, files: groups(".where(FieldNameGroup.name, name).first()") },
];

const invalid: InvalidCase[] = [
  {
    name: "nest: the service's lookup filters a key column (a conversion, not text matched as it is)",
    code: KEY_COLUMN,
    filename: CONTROLLER_FILE,
    files: files(NOTE_SERVICE(".where(FieldNameNote.noteId, alias)")),
    findings: [{ case: "nestDecorator", line: 15, column: 54, endColumn: 69, suggestions: [mark(KEY_COLUMN, "nestDecorator", 15)] }],
    output: null,
  },
  {
    name: "nest: the service's miss goes on",
    code: MISS_GOES_ON,
    filename: CONTROLLER_FILE,
    files: files(NOTE_SERVICE(LOOKUP, "this.logger.debug(\"looked up\");")),
    findings: [{ case: "nestDecorator", line: 15, column: 54, endColumn: 69, suggestions: [mark(MISS_GOES_ON, "nestDecorator", 15)] }],
    output: null,
  },
  {
    name: "nest: the service writes keyed by the route string before its lookup",
    code: WRITTEN_FIRST,
    filename: CONTROLLER_FILE,
    files: files(NOTE_SERVICE(LOOKUP, undefined, "\n      await dbActor(TableAlias).insert({ alias });")),
    findings: [{ case: "nestDecorator", line: 15, column: 54, endColumn: 69, suggestions: [mark(WRITTEN_FIRST, "nestDecorator", 15)] }],
    output: null,
  },
  {
    name: "nest: a body field (any JSON type) looked up the same way stays a use",
    code: BODY,
    filename: CONTROLLER_FILE,
    files: files(NOTE_SERVICE(LOOKUP)),
    findings: [{ case: "nestDecorator", line: 15, column: 54, endColumn: 68, suggestions: [mark(BODY, "nestDecorator", 15)] }],
    output: null,
  },
  {
    name: "nest: the class's method returns a list (no one-row lookup), the caller's test decides nothing",
    code: GROUPS_CONTROLLER,
    filename: GROUPS_FILE,
    files: groups(".where(FieldNameGroup.name, name)"),
    findings: [{ case: "nestDecorator", line: 7, column: 13, endColumn: 32, suggestions: [mark(GROUPS_CONTROLLER, "nestDecorator", 7)] }],
    output: null,
  },
];

runWithNamedCases(valid, invalid);
