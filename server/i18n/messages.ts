import admin from "./de/admin.json";
import assessments from "./de/assessments.json";
import audit from "./de/audit.json";
import cases from "./de/cases.json";
import conferences from "./de/conferences.json";
import formulations from "./de/formulations.json";
import guests from "./de/guests.json";
import invitations from "./de/invitations.json";
import offers from "./de/offers.json";
import plans from "./de/plans.json";
import platform from "./de/platform.json";
import reports from "./de/reports.json";
import sessions from "./de/sessions.json";
import decisions from "./de/decisions.json";
import downloads from "./de/downloads.json";
import themes from "./de/themes.json";
import workPackages from "./de/work-packages.json";

/**
 * The German catalogue, one file per domain so each domain keeps its texts beside its name.
 * Top-level keys must not collide across files (a test checks it).
 */
export const catalogueFiles = {
  platform,
  admin,
  audit,
  cases,
  reports,
  offers,
  plans,
  assessments,
  invitations,
  conferences,
  guests,
  workPackages,
  formulations,
  themes,
  sessions,
  decisions,
  downloads,
};

export const messages = Object.assign({}, ...Object.values(catalogueFiles)) as typeof platform &
  typeof admin &
  typeof audit &
  typeof cases &
  typeof reports &
  typeof offers &
  typeof plans &
  typeof assessments &
  typeof invitations &
  typeof conferences &
  typeof guests &
  typeof workPackages &
  typeof formulations &
  typeof themes &
  typeof sessions &
  typeof decisions &
  typeof downloads;
