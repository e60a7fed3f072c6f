import anyAscii from "any-ascii";

/**
 * One spelling-independent form of a name or text, shared by the identity check on outgoing text
 * and the blind index, so both treat the same spellings as equal:
 * - Unicode compatibility forms and case are folded (NFKC, lower case);
 * - German umlauts and ß are spelled out first (Müller → mueller, Strauß → strauss), because a
 *   person writes "Mueller" for "Müller" but rarely "Muller";
 * - every other script is transliterated to Latin letters (José → jose, Петров → petrov,
 *   محمد → mhmd);
 * - the remaining spelling variants of umlauts and Cyrillic transliteration are merged
 *   (ue/ü → u, ae → a, oe → o, yu/ya/yo → u/a/o, kh → h, doubled letters once), so Мюллер,
 *   Müller, Mueller and Muller all become "muler", Хасан and Hasan "hasan".
 * Words are kept apart by single spaces; everything that is neither letter nor digit separates.
 */
const spelledOut: Record<string, string> = { ä: "ae", ö: "oe", ü: "ue", ß: "ss" };

export function foldForMatching(value: string): string {
  const lowered = value
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[äöüß]/g, (letter) => spelledOut[letter]!);
  return (
    anyAscii(lowered)
      .toLowerCase()
      // Transliteration writes the soft sign and ʿain as apostrophes (Ольга → ol'ga): no word break.
      .replace(/['`’]/g, "")
      .replace(/[^a-z0-9]+/g, " ")
      .replace(/ue/g, "u")
      .replace(/ae/g, "a")
      .replace(/oe/g, "o")
      .replace(/y([aou])/g, "$1")
      .replace(/kh/g, "h")
      .replace(/([a-z])\1+/g, "$1")
      .trim()
  );
}

const arabicScript = /\p{Script=Arabic}/u;

export function hasArabicScript(value: string): boolean {
  return arabicScript.test(value);
}

/**
 * Arabic script usually leaves short vowels unwritten, so محمد transliterates to "mhmd" while a
 * Latin spelling reads "Mohammed". Comparing consonant skeletons (vowels, w and y dropped, doubled
 * letters once) of folded words makes both "mhmd".
 */
export function consonantSkeleton(folded: string): string {
  return folded
    .split(" ")
    .map((word) => word.replace(/[aeiouwy]/g, "").replace(/([a-z])\1+/g, "$1"))
    .filter((word) => word.length > 0)
    .join(" ");
}
