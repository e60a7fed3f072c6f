import { z } from "zod";

/**
 * German messages for every issue a schema does not word itself (a wrong type, an unknown key, a
 * value outside a list), as catalogue keys: the server translates them into field messages and
 * the browser's form layer looks them up in the same catalogue. Loaded by the shared schema
 * helpers, so server and browser use it wherever a schema is.
 */
const keys: Partial<Record<z.core.$ZodIssueCode, string>> = {
  invalid_type: "validation.invalidType",
  invalid_union: "validation.invalidType",
  invalid_value: "validation.choose",
  invalid_format: "validation.invalidFormat",
  too_small: "validation.tooSmall",
  too_big: "validation.textTooLong",
  not_multiple_of: "validation.invalidFormat",
  unrecognized_keys: "validation.unknownField",
  invalid_key: "validation.invalidType",
  invalid_element: "validation.invalidType",
};

z.config({
  customError: (issue) => {
    if (issue.code === "invalid_type" && issue.input === undefined) return "validation.required";
    return keys[issue.code] ?? "validation.invalid";
  },
});
