import { ts } from "../../engine/ts";

/**
 * `new CreateAccountDto(req.body)`: a class named for a DTO built from the input copies its fields
 * (a field-picking constructor); class-validator's decorators on it check nothing until `validate()`
 * runs (held round 28, aderibigbeolamide/mod `payment.controller.ts`, labelled findings). The object
 * is the input again, judged by where it goes (a `validate(dto)` whose result is tested checks it).
 */
export function dtoCopy(created: ts.NewExpression, input: ts.Node): boolean {
  return created.arguments?.[0] === input && ts.isIdentifier(created.expression) && /[a-z0-9]Dto$|DTO$/.test(created.expression.text);
}
