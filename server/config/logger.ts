import pino from "pino";

/**
 * Structured JSON logs. Values are JSON-encoded, so CR/LF and control characters from user input
 * cannot forge log lines. Never log client identities.
 */
export const logger = pino({
  level: process.env.LOG_LEVEL ?? "info",
  base: undefined,
  redact: { paths: ["password", "*.password", "passwordHash", "*.passwordHash"], censor: "[redacted]" },
});
