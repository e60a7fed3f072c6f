import type { Executor } from "@/db";
import { offers } from "@/db/schema";
import type { LifeArea } from "../schemas/case-kinds";

interface DemoOffer {
  title: string;
  provider: string | null;
  /** null: county-wide. */
  kommune: string | null;
  lifeAreas: LifeArea[];
  targetGroup: string;
  languages: string[];
  description: string;
  contact: string;
  isActive?: boolean;
}

/**
 * The support network of Kreis Beispiel. On purpose: one offer entered twice ("MBE"), one provider
 * with two courses in the same life area, and Kommunen with few or no local offers, so duplicates
 * and coverage gaps show in the demo.
 */
const demoOffers: DemoOffer[] = [
  {
    title: "Integrationskurs mit Alphabetisierung",
    provider: "Sprachschule Nordheim",
    kommune: "Nordheim",
    lifeAreas: ["education_work"],
    targetGroup: "Erwachsene Zugewanderte, die nicht oder kaum in lateinischer Schrift lesen und schreiben",
    languages: ["Deutsch"],
    description: "BAMF-Integrationskurs mit Alphabetisierung (bis zu 1.300 Unterrichtseinheiten), vormittags, mit Kinderbetreuung im Haus.",
    contact: "Sprachschule Nordheim, Marktstraße 4, 12346 Nordheim\nTelefon 02345 67890",
  },
  {
    title: "Berufssprachkurs B1/B2",
    provider: "Sprachschule Nordheim",
    kommune: "Beispielstadt",
    lifeAreas: ["education_work"],
    targetGroup: "Arbeitsuchende und Beschäftigte mit Sprachniveau A2 oder B1",
    languages: ["Deutsch"],
    description:
      "Berufsbezogene Deutschsprachförderung nach DeuFöV, auch abends und in Teilzeit. Zulassung über Jobcenter oder Agentur für Arbeit.",
    contact: "Außenstelle Beispielstadt, Bahnhofstraße 12\nTelefon 02345 67891",
  },
  {
    title: "Migrationsberatung für erwachsene Zugewanderte (MBE)",
    provider: "Caritasverband Kreis Beispiel",
    kommune: null,
    lifeAreas: ["migration", "legal_status"],
    targetGroup: "Zugewanderte ab 27 Jahren in den ersten drei Jahren nach Ankunft",
    languages: ["Deutsch", "Arabisch", "Englisch", "Russisch"],
    description:
      "Individuelle Beratung zu Aufenthalt, Integrationskurs, Anerkennung von Abschlüssen und Behördenpost; offene Sprechstunde dienstags.",
    contact: "Caritas-Migrationsdienst, Kirchplatz 2, 12345 Beispielstadt\nmbe@caritas-kreis-beispiel.example",
  },
  {
    title: "Migrationsberatung für erwachsene Zugewanderte – MBE",
    provider: "Caritasverband Kreis Beispiel",
    kommune: "Südhausen",
    lifeAreas: ["migration"],
    targetGroup: "Erwachsene Zugewanderte",
    languages: ["Deutsch", "Arabisch"],
    description: "Sprechstunde der Migrationsberatung im Rathaus Südhausen (doppelt erfasst, gehört zum kreisweiten MBE-Angebot).",
    contact: "Rathaus Südhausen, Zimmer 14, donnerstags 9–12 Uhr",
  },
  {
    title: "Jugendmigrationsdienst (JMD)",
    provider: "AWO Kreisverband Beispiel",
    kommune: "Beispielstadt",
    lifeAreas: ["education_work", "migration"],
    targetGroup: "Junge Menschen mit Migrationsgeschichte von 12 bis 27 Jahren",
    languages: ["Deutsch", "Englisch", "Türkisch"],
    description: "Begleitung beim Übergang von Schule in Ausbildung und Beruf, Integrationsförderplan, Gruppenangebote.",
    contact: "JMD Beispielstadt, Lindenallee 7\njmd@awo-kreis-beispiel.example",
  },
  {
    title: "Psychosoziale Beratung für Geflüchtete",
    provider: "Caritasverband Kreis Beispiel",
    kommune: "Beispielstadt",
    lifeAreas: ["health"],
    targetGroup: "Geflüchtete mit psychischen Belastungen und Traumafolgen sowie ihre Angehörigen",
    languages: ["Arabisch", "Dari", "Farsi", "Ukrainisch", "Deutsch"],
    description: "Clearing, Stabilisierung und Vermittlung in Psychotherapie; Termine mit Sprachmittlung.",
    contact: "Psychosoziales Zentrum, Kirchplatz 2, 12345 Beispielstadt\nTelefon 02345 11220",
  },
  {
    title: "Schuldner- und Insolvenzberatung",
    provider: "AWO Kreisverband Beispiel",
    kommune: "Beispielstadt",
    lifeAreas: ["finances"],
    targetGroup: "Überschuldete Haushalte im Kreis",
    languages: ["Deutsch", "Türkisch"],
    description: "Haushaltsplan, Verhandlung mit Gläubigern, P-Konto-Bescheinigung, Vorbereitung des Verbraucherinsolvenzverfahrens.",
    contact: "Lindenallee 7, 12345 Beispielstadt\nTelefon 02345 22330",
  },
  {
    title: "Wohnungslosenhilfe – Fachberatungsstelle",
    provider: "Caritasverband Kreis Beispiel",
    kommune: "Beispielstadt",
    lifeAreas: ["housing"],
    targetGroup: "Menschen ohne Wohnung oder mit drohendem Wohnungsverlust",
    languages: ["Deutsch", "Polnisch"],
    description: "Beratung nach §§ 67 ff. SGB XII, Postadresse, Hilfe bei Räumungsklagen und Wohnungssuche.",
    contact: "Fachberatungsstelle, Gartenweg 3, 12345 Beispielstadt\nTelefon 02345 33440",
  },
  {
    title: "Wohnraumvermittlung „Wohnen für alle“",
    provider: "AWO Kreisverband Beispiel",
    kommune: "Nordheim",
    lifeAreas: ["housing"],
    targetGroup: "Geflüchtete und Familien mit geringem Einkommen auf Wohnungssuche",
    languages: ["Deutsch", "Arabisch", "Englisch"],
    description: "Vermittlung zwischen Vermieter*innen und Wohnungssuchenden, Begleitung zu Besichtigungen, Mietführerschein.",
    contact: "Quartiersbüro Nordheim, Am Markt 1\nwohnen@awo-kreis-beispiel.example",
  },
  {
    title: "Ehrenamtliche Patenschaften „Ankommen im Kreis“",
    provider: "Kommunales Integrationszentrum Kreis Beispiel",
    kommune: null,
    lifeAreas: ["social", "migration"],
    targetGroup: "Neu zugewanderte Familien und Einzelpersonen",
    languages: ["Deutsch", "Englisch", "Arabisch", "Ukrainisch"],
    description: "Ehrenamtliche Pat*innen begleiten im Alltag: Stadtteil kennenlernen, Vereine, Freizeit, Deutsch üben.",
    contact: "KI Kreis Beispiel, Kreishaus, Zimmer 210\npatenschaften@kreis-beispiel.example",
  },
  {
    title: "Sprachmittlerpool für Beratungs- und Arzttermine",
    provider: "Kommunales Integrationszentrum Kreis Beispiel",
    kommune: null,
    lifeAreas: ["health", "legal_status"],
    targetGroup: "Fachkräfte und Zugewanderte ohne ausreichende Deutschkenntnisse",
    languages: ["Arabisch", "Dari", "Farsi", "Kurdisch", "Russisch", "Tigrinya", "Türkisch", "Ukrainisch"],
    description:
      "Geschulte Sprachmittler*innen für Termine bei Ärzt*innen, Schulen und Beratungsstellen; Anfrage mindestens drei Werktage vorher.",
    contact: "sprachmittlung@kreis-beispiel.example\nTelefon 02345 44550",
  },
  {
    title: "Beratung zu Aufenthalt, Niederlassung und Einbürgerung",
    provider: "Ausländerbehörde Kreis Beispiel",
    kommune: null,
    lifeAreas: ["legal_status"],
    targetGroup: "Ausländische Staatsangehörige mit Wohnsitz im Kreis",
    languages: ["Deutsch", "Englisch"],
    description: "Terminsprechstunde zu Aufenthaltstiteln, Bleiberecht (§§ 25a, 25b AufenthG) und Einbürgerungsvoraussetzungen.",
    contact: "Ausländerbehörde, Kreishaus, Online-Terminvergabe",
  },
  {
    title: "Coaching zur Arbeitsmarktintegration für Geflüchtete",
    provider: "Jobcenter Kreis Beispiel",
    kommune: null,
    lifeAreas: ["education_work", "finances"],
    targetGroup: "Geflüchtete im Leistungsbezug nach SGB II",
    languages: ["Deutsch", "Englisch", "Arabisch", "Ukrainisch"],
    description: "Aufsuchendes Coaching mit Bewerbungstraining, Praktikumsvermittlung und Unterstützung bei der Anerkennung.",
    contact: "Team Integration, Jobcenter Kreis Beispiel\nTelefon 02345 55660",
  },
  {
    title: "Frühe Hilfen und Familienbüro",
    provider: "Jugendamt Beispielstadt",
    kommune: "Beispielstadt",
    lifeAreas: ["family"],
    targetGroup: "Schwangere und Familien mit Kindern bis drei Jahre",
    languages: ["Deutsch", "Türkisch"],
    description: "Willkommensbesuche, Familienhebammen, Beratung zu Kita-Platz und Elterngeld.",
    contact: "Familienbüro im Rathaus Beispielstadt\nTelefon 02345 66770",
  },
  {
    title: "Elterncafé mit Kinderbetreuung",
    provider: "AWO Kreisverband Beispiel",
    kommune: "Westdorf",
    lifeAreas: ["family", "social"],
    targetGroup: "Eltern mit kleinen Kindern, besonders neu zugewanderte Mütter",
    languages: ["Deutsch", "Arabisch"],
    description: "Wöchentlicher offener Treff mit Austausch, Informationen zu Schule und Kita und Spielgruppe.",
    contact: "Familienzentrum Westdorf, mittwochs 15–17 Uhr",
  },
  {
    title: "Interkultureller Frauentreff",
    provider: null,
    kommune: "Südhausen",
    lifeAreas: ["social"],
    targetGroup: "Frauen aller Herkunft",
    languages: ["Deutsch", "Farsi", "Arabisch"],
    description: "Ehrenamtliche Initiative: gemeinsames Kochen, Ausflüge und Gesprächsrunden.",
    contact: "Gemeindehaus Südhausen, jeden zweiten Freitag",
  },
  {
    title: "Sprachcafé im Stadtteilzentrum",
    provider: "Kommunales Integrationszentrum Kreis Beispiel",
    kommune: "Am See",
    lifeAreas: ["education_work", "social"],
    targetGroup: "Alle, die Deutsch im Gespräch üben möchten",
    languages: ["Deutsch"],
    description: "Eingestellt, weil die Ehrenamtlichen fehlen; Nachfolgeangebot wird gesucht.",
    contact: "",
    isActive: false,
  },
];

/** Adds the demo offers inside the caller's transaction; unknown names leave the reference empty. */
export async function seedDemoOffers(
  tx: Executor,
  tenantId: string,
  organisations: { id: string; name: string }[],
  kommunen: { id: string; name: string }[],
): Promise<void> {
  const idOf = (rows: { id: string; name: string }[], name: string | null) =>
    name ? (rows.find((row) => row.name === name)?.id ?? null) : null;
  await tx.insert(offers).values(
    demoOffers.map(({ provider, kommune, ...offer }) => ({
      ...offer,
      tenantId,
      providerOrganisationId: idOf(organisations, provider),
      kommuneId: idOf(kommunen, kommune),
    })),
  );
}
