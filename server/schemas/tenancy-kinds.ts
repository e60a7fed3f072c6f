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

/** People at once in one meeting's live room unless the tenant sets otherwise for the meeting's type. */
export const defaultBoardParticipantLimit = 40;
export const boardParticipantLimitBounds = { min: 2, max: 500 } as const;
