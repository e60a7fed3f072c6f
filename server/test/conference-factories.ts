import { randomBytes } from "node:crypto";
import type { Database } from "@/db";
import type { Actor } from "../auth/policy";
import type { CreateConferenceRequest } from "../schemas/conferences";
import { callerFor } from "./factories";

/**
 * A conference planned by `planner` through the real procedure, with the given participants and
 * co-moderators; each case in `cases` is then attached by its responsible case manager, as the
 * service requires.
 */
export async function createConference(
  db: Database,
  options: {
    planner: Actor;
    type: CreateConferenceRequest["type"];
    participants?: Actor[];
    coModerators?: Actor[];
    cases?: { id: string; manager: Actor }[];
  } & Partial<Omit<CreateConferenceRequest, "type" | "participantUserIds" | "coModeratorUserIds">>,
) {
  const { planner, participants = [], coModerators = [], cases = [], ...fields } = options;
  const conference = await callerFor(db, planner).conferences.create({
    title: `Konferenz ${randomBytes(3).toString("hex")}`,
    scheduledAt: new Date("2026-10-01T09:00:00Z"),
    ...fields,
    // Co-moderators are invited participants too.
    participantUserIds: [...new Set([...participants, ...coModerators].map((p) => p.userId))],
    coModeratorUserIds: coModerators.map((p) => p.userId),
  });
  for (const attached of cases) {
    await callerFor(db, attached.manager).conferences.addCase({ conferenceId: conference.id, caseId: attached.id });
  }
  return conference;
}
