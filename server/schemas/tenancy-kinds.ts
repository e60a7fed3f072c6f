export const kommuneKinds = ["kommune", "bezirk"] as const;

export const organisationKinds = [
  "kommunales_integrationszentrum",
  "wohlfahrtsverband",
  "jobcenter",
  "agentur_fuer_arbeit",
  "jugendamt",
  "auslaenderbehoerde",
  "sozialamt",
  "gesundheitsamt",
  "schule",
  "sprachkurstraeger",
  "migrationsberatung",
  "ehrenamt",
  "migrantenselbstorganisation",
  "integrationsrat",
  "bamf",
  "schulamt",
  "sonstige",
] as const;

export const bodyKinds = ["lenkungsgruppe", "fachgruppe", "arbeitsgruppe", "projektarbeitsgruppe"] as const;
