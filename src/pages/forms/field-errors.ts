import type { ZodError } from "zod";
import type { FieldErrors } from "../components/form.js";
import type { Messages } from "../i18n/index.js";

type Issue = ZodError["issues"][number];

/** The API's schemas speak English; a page says the same thing in its own language. */
function messageFor(issue: Issue, v: Messages["validation"]): string {
  switch (issue.code) {
    case "too_big":
      return issue.origin === "string" ? v.tooLong(Number(issue.maximum)) : v.invalidChoice;
    case "too_small":
      return issue.origin === "array" ? v.questionsTooFew : v.required;
    case "invalid_format":
      return issue.format === "email" ? v.email : v.required;
    case "invalid_value":
      return v.invalidChoice;
    default:
      return v.required;
  }
}

/**
 * One message per field from a zod failure, keyed by the field's id on the page.
 * `idFor` turns a schema path such as "questions.2" into that id; by default the path itself.
 */
export function fieldErrorsFromZod(error: ZodError, v: Messages["validation"], idFor: (path: string) => string = (p) => p): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const id = idFor(issue.path.map(String).join("."));
    errors[id] ??= messageFor(issue, v);
  }
  return errors;
}
