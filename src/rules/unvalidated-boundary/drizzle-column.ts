import { ts } from "../../engine/ts";
import { calleeName } from "../../engine/ast";
import { constInitializer, nameText, unwrap } from "./ast";
import { importedValue, type ProjectFiles } from "./elsewhere";

// Drizzle declares a table's columns in code (`pgTable("messages", { conversationId: integer("conversation_id") })`),
// as Prisma does in `schema.prisma`: the builder says whether the database keeps the column as text it matches as
// sent or converts the value first (an integer, a uuid, a timestamp, an enum), where a malformed value is a database
// error (session 29's conversion rule). Read on the detection path by the equality-filter test (see equality-filter.ts).

/** Builders of a column the database keeps as text: pg-core, mysql-core and sqlite-core. */
const TEXT_BUILDERS = new Set(["text", "varchar", "char", "citext", "tinytext", "mediumtext", "longtext"]);
/** `pgTable`, `mysqlTable`, `sqliteTable`, `singlestoreTable`, and a schema's `.table(…)` (`pgSchema("app").table`). */
const TABLE_FACTORY_RE = /^(?:pg|mysql|sqlite|singlestore)Table$|^table$/;

/**
 * Whether the Drizzle column `column` of the table the expression `table` names (`conversations`, defined in this
 * module or imported from another of the project) is text matched as sent: `true` for `text()`, `varchar()`,
 * `char()` (sqlite's `text` in its default mode), `false` for any other builder (`integer()`, `uuid()`,
 * `timestamp()`, a `pgEnum`'s column, sqlite's `text({ mode: "json" })`), undefined when the table or the column
 * cannot be read.
 */
export function drizzleTextColumn(table: ts.Expression, column: string, sf: ts.SourceFile, file: string, files: () => ProjectFiles): boolean | undefined {
  const def = tableDefinition(table, sf, file, files);
  if (!def) return undefined;
  let cols = def.arguments[1] && unwrap(def.arguments[1]);
  // `pgTable("users", (t) => ({ name: t.text() }))`: the columns the callback returns.
  if (cols && (ts.isArrowFunction(cols) || ts.isFunctionExpression(cols)) && !ts.isBlock(cols.body)) cols = unwrap(cols.body);
  if (!cols || !ts.isObjectLiteralExpression(cols)) return undefined;
  const prop = cols.properties.find((p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && nameText(p.name) === column);
  if (!prop) return undefined;
  // `text("model_name").notNull().default("")`: the builder is the innermost call of the chain.
  let builder: ts.Expression = unwrap(prop.initializer);
  while (ts.isCallExpression(builder) && ts.isPropertyAccessExpression(builder.expression) && ts.isCallExpression(unwrap(builder.expression.expression))) builder = unwrap(builder.expression.expression);
  if (!ts.isCallExpression(builder)) return undefined;
  const name = calleeName(builder) ?? "";
  if (!TEXT_BUILDERS.has(name)) return false;
  // sqlite-core's `text("data", { mode: "json" })` parses what it stores.
  const mode = builder.arguments.map(unwrap).find(ts.isObjectLiteralExpression)?.properties.find((p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && nameText(p.name) === "mode");
  return !mode || (ts.isStringLiteralLike(mode.initializer) && mode.initializer.text === "text");
}

/**
 * Whether the Drizzle table the expression names (defined in this module or imported from another of the project,
 * through `export * from` re-exports too) is a `sqliteTable`: SQLite binds any value as it is (see lookup-first.ts
 * `drizzleSqliteLookedUpFirst`). Undefined when the table cannot be read.
 */
export function drizzleSqliteTable(table: ts.Expression, sf: ts.SourceFile, file: string, files: () => ProjectFiles): boolean | undefined {
  const def = tableDefinition(table, sf, file, files);
  if (!def) return undefined;
  return calleeName(def) === "sqliteTable";
}

/** The `pgTable(…)`/`sqliteTable(…)` call defining the table the expression names, in this module or another of the project. */
function tableDefinition(table: ts.Expression, sf: ts.SourceFile, file: string, files: () => ProjectFiles): ts.CallExpression | undefined {
  const t = unwrap(table);
  if (!ts.isIdentifier(t)) return undefined;
  const local = constInitializer(t);
  const def = local ? unwrap(local) : importedValue(t.text, sf, file, files())?.node;
  return def && ts.isCallExpression(def) && TABLE_FACTORY_RE.test(calleeName(def) ?? "") ? def : undefined;
}
