import { describe, expect, it } from "vitest";
import { identitySchema } from "../schemas/cases";
import { findIdentityLeaks } from "./identity-leaks";

/** One identity field set to a value, everything else empty. */
function identityWith(fields: Record<string, unknown>) {
  return identitySchema.parse({ lastName: "Xq", firstName: "Yq", birthDate: "1950-06-30", ...fields });
}

describe("the identity check on text leaving the case file", () => {
  // (identity field and value, text a person writes) → the field it gives away, or nothing.
  const table: [Record<string, unknown>, string, string[]][] = [
    // umlauts and ß as a person would type them
    [{ lastName: "Müller" }, "Herr Mueller kommt nicht", ["lastName"]],
    [{ lastName: "Mueller" }, "Frau Müller braucht Hilfe", ["lastName"]],
    [{ lastName: "Müller" }, "MÜLLERS Wohnung ist zu klein", ["lastName"]],
    [{ lastName: "Strauß" }, "Familie Strauss", ["lastName"]],
    [{ lastName: "Strauss" }, "Familie Strauß", ["lastName"]],
    [{ lastName: "Öztürk" }, "Herr Oeztuerk", ["lastName"]],
    // accents and case
    [{ firstName: "José" }, "jose hat einen Termin", ["firstName"]],
    [{ firstName: "Zoë" }, "ZOE geht zur Schule", ["firstName"]],
    [{ lastName: "Dvořák" }, "Herr Dvorak", ["lastName"]],
    // Cyrillic: stored in one script, written in the other
    [{ lastName: "Петренко" }, "Frau Petrenko war da", ["lastName"]],
    [{ lastName: "Petrenko" }, "Петренко звонила", ["lastName"]],
    [{ lastName: "Мюллер" }, "Herr Müller", ["lastName"]],
    [{ lastName: "Мюллер" }, "Herr Mueller", ["lastName"]],
    [{ firstName: "Юлия" }, "Yuliya möchte Deutsch lernen", ["firstName"]],
    [{ firstName: "Ольга" }, "Olga möchte Deutsch lernen", ["firstName"]],
    // Arabic: stored in Arabic script, written in Latin letters, and the reverse
    [{ firstName: "محمد" }, "Mohammed sucht Arbeit", ["firstName"]],
    [{ firstName: "محمد" }, "Muhammad sucht Arbeit", ["firstName"]],
    [{ firstName: "أحمد" }, "Ahmed sucht Arbeit", ["firstName"]],
    [{ firstName: "Mohammed" }, "محمد يبحث عن عمل", ["firstName"]],
    [{ lastName: "خطيب" }, "Familie Khatib", ["lastName"]],
    // parts of double names
    [{ lastName: "Müller-Schmidt" }, "Frau Schmidt meldet sich", ["lastName"]],
    [{ firstName: "Anna Maria" }, "Maria kommt allein", ["firstName"]],
    // relatives, legal adviser, other reference persons, contact persons: their names, not the words around them
    [{ relatives: "Ehefrau Olga Ivanova, Sohn Ivan (12)" }, "Ivanova und das Kind", ["relatives"]],
    [{ relatives: "Ehefrau Olga Ivanova, Sohn Ivan (12)" }, "der Sohn geht zur Schule, die Ehefrau arbeitet", []],
    [{ relatives: "Bruder Хасан" }, "Hasan hilft beim Umzug", ["relatives"]],
    [{ legalAdviser: "Rechtsanwältin Dr. Brüggemann" }, "Anwältin Brueggemann prüft den Bescheid", ["legalAdviser"]],
    [{ legalAdviser: "Rechtsanwältin Dr. Brüggemann" }, "Eine Rechtsanwältin prüft den Bescheid", []],
    [{ otherReferencePersons: "Nachbarin Frau Kowalczyk" }, "Frau Kowalczyk begleitet sie", ["otherReferencePersons"]],
    [
      { authorityContacts: [{ authority: "jobcenter", contactPerson: "Herr Obermeier", fileNumber: "" }] },
      "Obermeier vom Jobcenter",
      ["authorityContacts.0.contactPerson"],
    ],
    // other fields in common spellings
    [{ birthDate: "1987-03-14" }, "geb. 14.3.1987", ["birthDate"]],
    [{ street: "Hauptstraße 5" }, "wohnt Hauptstrasse 5", ["street"]],
    [{ email: "olga.i@example.org" }, "Mail an OLGA.I@EXAMPLE.ORG", ["email"]],
    [{ phone: "0171 5550199" }, "Tel. 0171/555-0199", ["phone"]],
    // as typed into a Falldarstellung in a live run: a short year, the country code, a name letter by letter
    [{ birthDate: "1983-11-29" }, "geboren am 29.11.83", ["birthDate"]],
    [{ birthDate: "1983-11-29" }, "geb. 29. 11. 1983", ["birthDate"]],
    [{ phone: "0172 9988776" }, "erreichbar unter +49 172 9988776", ["phone"]],
    [{ phone: "+49 172 9988776" }, "Handy 0172-9988776", ["phone"]],
    [{ lastName: "Kanarrowitsch" }, "Frau K a n a r r o w i t s c h kam allein", ["lastName"]],
    [{ lastName: "Kanarrowitsch" }, "Frau K.a.n.a.r.r.o.w.i.t.s.c.h kam allein", ["lastName"]],
    [{ lastName: "Tran" }, "Ein A B C D der Hilfen", []],
    [
      { authorityContacts: [{ authority: "jobcenter", contactPerson: "", fileNumber: "JC-4711-AZ" }] },
      "Az jc 4711 az",
      ["authorityContacts.0.fileNumber"],
    ],
    // what stays allowed
    [{ lastName: "Müller", town: "Gütersloh" }, "Eine Familie aus Syrien sucht eine Wohnung", []],
    [{ lastName: "Ali" }, "Die Qualität der Beratung", []],
    [{ firstName: "محمد" }, "Die Familie braucht Hilfe", []],
    [{ lastName: "Петренко" }, "Petra kommt", []],
  ];

  it.each(table)("%j in %j gives away %j", (fields, text, expected) => {
    expect(findIdentityLeaks(identityWith(fields), text).sort()).toEqual([...expected].sort());
  });
});
