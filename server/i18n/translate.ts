import { translateFrom, type Catalogue } from "./catalogue";
import { messages } from "./messages";

/**
 * Server-side messages (errors, validation) come from the same German catalogue as the UI. A text
 * that is not a catalogue key, such as a built-in zod message, passes through unchanged.
 */
export function translate(keyOrText: string, values: Record<string, string | number> = {}): string {
  return translateFrom(messages as Catalogue, keyOrText, values);
}

export function translateFieldErrors(fieldErrors: Record<string, string[] | undefined>): Record<string, string[]> {
  const translated: Record<string, string[]> = {};
  for (const [field, errors] of Object.entries(fieldErrors)) {
    if (errors) translated[field] = errors.map((error) => translate(error));
  }
  return translated;
}
