import pino from "pino";

/**
 * A failed query's error carries the values it was given: drizzle writes its parameters into the
 * message and keeps them as `params`, and PostgreSQL quotes values in its message and `detail`
 * ('syntax error in tsquery: "…"', 'invalid input syntax for type integer: "…"'): card texts,
 * names, search words. They never reach the log. What stays for diagnosis is the SQL text with
 * its placeholders, and of the database's error its SQLSTATE code, severity, routine and the
 * names of constraint, table and column.
 */
const databaseErrorFields = [
  "type",
  "code",
  "severity",
  "routine",
  "constraint",
  "constraint_name",
  "table",
  "table_name",
  "column",
  "column_name",
];

function isDatabaseError(error: Record<string, unknown>): boolean {
  return typeof error.code === "string" && /^[0-9A-Z]{5}$/.test(error.code) && ("severity" in error || "routine" in error);
}

/** One error, its causes serialised separately (pino would fold their messages into the stack). */
function serialiseError(value: unknown, depth = 0): unknown {
  if (!(value instanceof Error) || depth > 5) return value;
  const error = { ...pino.stdSerializers.err(value) } as Record<string, unknown>;
  if (isDatabaseError(error)) {
    return Object.fromEntries(databaseErrorFields.filter((key) => key in error).map((key) => [key, error[key]]));
  }
  if (typeof error.stack === "string") error.stack = error.stack.replace(/\ncaused by: [\s\S]*$/, "");
  if ("params" in error) {
    error.params = "[redacted]";
    for (const key of ["message", "stack"] as const) {
      const text = error[key];
      if (typeof text === "string") error[key] = text.replace(/\nparams: [\s\S]*?(?=\n\s+at |$)/, "\nparams: [redacted]");
    }
  }
  if (value.cause !== undefined) error.cause = serialiseError(value.cause, depth + 1);
  return error;
}

export const loggerOptions: pino.LoggerOptions = {
  level: process.env.LOG_LEVEL ?? "info",
  base: undefined,
  redact: { paths: ["password", "*.password", "passwordHash", "*.passwordHash"], censor: "[redacted]" },
  serializers: { err: (error: Error) => serialiseError(error) as pino.SerializedError },
};

/**
 * Structured JSON logs. Values are JSON-encoded, so CR/LF and control characters from user input
 * cannot forge log lines. Never log client identities.
 */
export const logger = pino(loggerOptions);
