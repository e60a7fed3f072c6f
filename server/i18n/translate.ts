import { messages } from "./messages";

type Catalogue = { [key: string]: string | Catalogue };

function lookup(key: string): string | undefined {
  let node: string | Catalogue | undefined = messages as Catalogue;
  for (const part of key.split(".")) {
    if (!node || typeof node === "string") return undefined;
    node = node[part];
  }
  return typeof node === "string" ? node : undefined;
}

/**
 * Server-side messages (errors, validation) come from the same German catalogue as the UI. A text
 * that is not a catalogue key, such as a built-in zod message, passes through unchanged.
 */
export function translate(keyOrText: string, values: Record<string, string | number> = {}): string {
  const template = lookup(keyOrText) ?? keyOrText;
  return template.replace(/\{(\w+)\}/g, (match, name: string) => String(values[name] ?? match));
}

export function translateFieldErrors(fieldErrors: Record<string, string[] | undefined>): Record<string, string[]> {
  const translated: Record<string, string[]> = {};
  for (const [field, errors] of Object.entries(fieldErrors)) {
    if (errors) translated[field] = errors.map((error) => translate(error));
  }
  return translated;
}
