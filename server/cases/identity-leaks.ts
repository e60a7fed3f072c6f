import type { Executor } from "@/db";
import { AppError } from "../errors";
import { translate } from "../i18n/translate";
import type { IdentityInput } from "../schemas/cases";
import { readIdentityUnaudited } from "./identity";
import { consonantSkeleton, foldForMatching, hasArabicScript } from "./identity-folding";

/** Identity fields whose whole value must never appear in text that leaves the case file. */
const wholeValueFields = [
  "lastName",
  "firstName",
  "birthName",
  "birthPlace",
  "street",
  "town",
  "email",
  "alsoReachableAt",
] as const satisfies readonly (keyof IdentityInput)[];

/** Name fields: each part of a double name counts on its own ("Frau Schmidt" for "Müller-Schmidt"). */
const nameFields = ["lastName", "firstName", "birthName"] as const satisfies readonly (keyof IdentityInput)[];

/** Free-text fields about other persons: the names in them count, the words around them do not. */
const referencePersonFields = ["relatives", "legalAdviser", "otherReferencePersons"] as const satisfies readonly (keyof IdentityInput)[];

/** Words written around names in the reference-person fields (folded), which alone identify nobody. */
const notNames = new Set(
  [
    "ehefrau ehemann frau herr herrn partner partnerin lebensgefährte lebensgefährtin verlobte verlobter",
    "sohn tochter söhne töchter kind kinder mutter vater eltern bruder schwester geschwister",
    "oma opa großmutter großvater großeltern enkel enkelin onkel tante cousin cousine neffe nichte",
    "schwager schwägerin schwiegermutter schwiegervater stiefvater stiefmutter pate patin",
    "freund freundin nachbar nachbarin bekannte bekannter betreuer betreuerin vormund vormundin",
    "rechtsanwalt rechtsanwältin anwalt anwältin kanzlei rechtsberatung beratung beratungsstelle",
    "gesetzliche gesetzlicher betreuung amtsgericht jahre jahren geb geboren tel telefon mobil lebt leben",
    "wohnt wohnen keine kein nicht bekannt unbekannt und oder mit bei der die das dr prof",
  ]
    .join(" ")
    .split(" ")
    .map(foldForMatching),
);

/** The names in a free-text field: capitalised words or words of another script, not relation words. */
function namesIn(value: string): string[] {
  const words = value.split(/[^\p{L}\p{M}\p{N}'’-]+/u).filter(Boolean);
  return words
    .filter((word) => /^\p{Lu}/u.test(word) || /^[^\p{Script=Latin}\p{N}]/u.test(word))
    .flatMap((word) => word.split(/[-'’]/))
    .filter((name) => !notNames.has(foldForMatching(name)));
}

function dateVariants(isoDate: string): string[] {
  const [year, month, day] = isoDate.split("-");
  const shortYear = year!.slice(2);
  return [
    isoDate,
    `${day}.${month}.${year}`,
    `${Number(day)}.${Number(month)}.${year}`,
    `${day}/${month}/${year}`,
    // Two-digit years as people jot them down: 29.11.83, 29.11.'83
    `${day}.${month}.${shortYear}`,
    `${Number(day)}.${Number(month)}.${shortYear}`,
    `${day}.${month}.'${shortYear}`,
  ];
}

interface Haystack {
  raw: string;
  folded: string;
  skeleton: string | null;
  digits: string;
}

/** A value counts when its folded words start a word of the text: "Müllers" gives away "Müller". */
function contains(haystack: Haystack, value: string): boolean {
  // Short values (initials, "Li") would match everywhere; counted before folding shortens "Zoë" to "zo".
  if (value.replace(/[^\p{L}\p{N}]/gu, "").length < 3) return false;
  const needle = foldForMatching(value);
  if (needle === "") return false;
  if (` ${haystack.folded}`.includes(` ${needle}`)) return true;
  if (haystack.skeleton === null || !(hasArabicScript(value) || hasArabicScript(haystack.raw))) return false;
  const skeleton = consonantSkeleton(needle);
  return skeleton.replace(/ /g, "").length >= 3 && ` ${haystack.skeleton} `.includes(` ${skeleton} `);
}

/**
 * A name written letter by letter ("K a n a r r o w i t s c h", "K.a.n.a.r") joined back into one
 * word beside the letters, so it is found like the name itself.
 */
function withSpacedOutWordsJoined(folded: string): string {
  const spacedOut = folded.match(/(?:^|(?<= ))\p{L}(?: \p{L}){3,}(?= |$)/gu) ?? [];
  return spacedOut.length ? `${folded} ${spacedOut.map((run) => foldForMatching(run.replace(/ /g, ""))).join(" ")}` : folded;
}

/** A text field of the record; records saved before a field existed lack it. */
function valueOf(identity: IdentityInput, field: keyof IdentityInput): string {
  const value: unknown = identity[field];
  return typeof value === "string" ? value.trim() : "";
}

/**
 * Which identity fields the text gives away: names (also of relatives, legal advisers and other
 * reference persons), birth date in common spellings, address, phone, e-mail, file numbers; in
 * any spelling a person would write (case, accents, umlauts spelled out, another script).
 * Returns field names, never the values.
 */
export function findIdentityLeaks(identity: IdentityInput, text: string): string[] {
  // "29. 11. 83" is the same date as "29.11.83".
  const simplified = text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .replace(/(\d)\. (?=\d)/g, "$1.");
  const folded = withSpacedOutWordsJoined(foldForMatching(text));
  const haystack: Haystack = {
    raw: text,
    folded,
    skeleton: consonantSkeleton(folded),
    digits: text.replace(/\D/g, ""),
  };
  const leaks = new Set<string>();
  for (const field of wholeValueFields) if (contains(haystack, valueOf(identity, field))) leaks.add(field);
  for (const field of nameFields)
    for (const part of valueOf(identity, field).split(/[\s-]+/)) if (contains(haystack, part)) leaks.add(field);
  for (const field of referencePersonFields)
    if (namesIn(valueOf(identity, field)).some((name) => contains(haystack, name))) leaks.add(field);
  if (dateVariants(identity.birthDate).some((variant) => simplified.includes(variant))) leaks.add("birthDate");
  // The number without its trunk or country prefix: "+49 172 …", "0049 172 …" and "0172 …" are one number.
  const phone = valueOf(identity, "phone")
    .replace(/\D/g, "")
    .replace(/^(?:00)?49(?=[1-9])/, "")
    .replace(/^0(?=[1-9])/, "");
  if (phone.length >= 5 && haystack.digits.includes(phone)) leaks.add("phone");
  identity.authorityContacts.forEach((contact, index) => {
    if (contains(haystack, contact.fileNumber.trim())) leaks.add(`authorityContacts.${index}.fileNumber`);
    if (namesIn(contact.contactPerson).some((name) => contains(haystack, name))) leaks.add(`authorityContacts.${index}.contactPerson`);
  });
  return [...leaks];
}

/** The catalogue key of a leaked field, as the refusal names it. */
function fieldKey(field: string): string {
  const contactField = /^authorityContacts\.\d+\.(\w+)$/.exec(field)?.[1];
  return contactField ?? field;
}

/** The leaked fields as the German refusal lists them (each kind once). */
export function leakedFieldNames(leaks: Iterable<string>): string {
  return [...new Set([...leaks].map((field) => translate(`cases.identityFields.${fieldKey(field)}`)))].join(", ");
}

/** The identity fields of any of the given Aktendeckblätter that the texts give away; never the values. */
export function findLeaksInIdentities(identities: readonly IdentityInput[], texts: readonly string[]): string[] {
  const text = texts.join("\n");
  if (identities.length === 0 || text.trim() === "") return [];
  const leaks = new Set<string>();
  for (const identity of identities) for (const field of findIdentityLeaks(identity, text)) leaks.add(fieldKey(field));
  return [...leaks];
}

/** The Aktendeckblätter of the cases; an erased identity has no row left and nothing to give away. */
export async function readIdentitiesUnaudited(db: Executor, caseIds: readonly string[]): Promise<IdentityInput[]> {
  const identities: IdentityInput[] = [];
  for (const id of new Set(caseIds)) {
    const identity = await readIdentityUnaudited(db, id);
    if (identity) identities.push(identity);
  }
  return identities;
}

/**
 * The one check for text that leaves the case file (cards, cluster and conference titles, notes,
 * formulations, work packages, gap reports, poll answers): refuses it, naming the kinds of data
 * in German and never the values.
 */
export async function rejectIdentityLeaks(
  db: Executor,
  caseIds: readonly string[],
  texts: readonly string[],
  refusal: { message: string; field?: string },
  /** Text already stored: fields it gives away already do not refuse the change again. */
  previous: readonly string[] = [],
): Promise<void> {
  if (caseIds.length === 0 || texts.join("").trim() === "") return;
  rejectLeaksInIdentities(await readIdentitiesUnaudited(db, caseIds), texts, refusal, previous);
}

/** `rejectIdentityLeaks` over Aktendeckblätter already read (a live meeting keeps its agenda's). */
export function rejectLeaksInIdentities(
  identities: readonly IdentityInput[],
  texts: readonly string[],
  refusal: { message: string; field?: string },
  previous: readonly string[] = [],
): void {
  let leaks = findLeaksInIdentities(identities, texts);
  if (leaks.length > 0 && previous.length > 0) {
    const known = new Set(findLeaksInIdentities(identities, previous));
    leaks = leaks.filter((field) => !known.has(field));
  }
  if (leaks.length > 0) throw new AppError("INVALID_INPUT", refusal.message, refusal.field, { fields: leakedFieldNames(leaks) });
}

/** The identity fields of any of the cases that the texts give away; the values are never returned. */
export async function findIdentityLeaksInCases(db: Executor, caseIds: readonly string[], texts: readonly string[]): Promise<string[]> {
  if (caseIds.length === 0 || texts.join("").trim() === "") return [];
  return findLeaksInIdentities(await readIdentitiesUnaudited(db, caseIds), texts);
}
