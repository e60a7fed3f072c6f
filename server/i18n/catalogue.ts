/** A nested message catalogue, as in server/i18n/de/ and as next-intl hands it to the browser. */
export type Catalogue = { [key: string]: string | Catalogue };

function lookup(catalogue: Catalogue, key: string): string | undefined {
  let node: string | Catalogue | undefined = catalogue;
  for (const part of key.split(".")) {
    if (!node || typeof node === "string") return undefined;
    node = node[part];
  }
  return typeof node === "string" ? node : undefined;
}

/**
 * A catalogue key becomes its German text with `{name}` placeholders filled; any other text, such as
 * a built-in zod message or an already translated one, passes through unchanged. Imports nothing, so
 * the browser translates validation messages exactly as the server does.
 */
export function translateFrom(catalogue: Catalogue, keyOrText: string, values: Record<string, string | number> = {}): string {
  const template = lookup(catalogue, keyOrText) ?? keyOrText;
  return template.replace(/\{(\w+)\}/g, (match, name: string) => String(values[name] ?? match));
}
