import { eq, sql, type SQL } from "drizzle-orm";
import type { Executor } from "@/db";
import { conferenceParticipants, conferences, users } from "@/db/schema";
import { readIdentitiesUnaudited } from "../cases/identity-leaks";
import type { IdentityInput } from "../schemas/cases";
import { todayInBerlin } from "../schemas/calendar-days";
import type { LifeAreaScope } from "../schemas/case-kinds";
import type { ParticipantRole } from "../schemas/conference-kinds";
import { releaseScopeGate } from "./case-release";
import { listAttachedCases } from "./conference-views";
import { meetingCaseId } from "./meeting-case-ids";
import { participantModerates } from "./policy";

/** One participant as the board is shown to them: what they may read and whether they moderate. */
export interface BoardViewer {
  userId: string;
  moderates: boolean;
  releasedCaseIds: Set<string>;
  /** Per released case, the life areas the viewer's consent covers (`consentScopesOf`). */
  areaScopes: Map<string, LifeAreaScope>;
}

/**
 * What every operation on a live board needs beyond the conference row: who takes part and what
 * each may read under the consents, the agenda's cases with their meeting ids, and their
 * Aktendeckblätter to check written text against.
 */
export interface BoardContext {
  viewers: Map<string, BoardViewer & { organisationId: string | null; role: ParticipantRole }>;
  caseIdByMeetingId: Map<string, string>;
  agendaCaseIds: Set<string>;
  identities: readonly IdentityInput[];
}

/**
 * A fingerprint of every row the context is built from: participants (and their user rows, for the
 * organisation), the agenda (and the cases, for the responsible case manager), the agenda cases'
 * consents, the guests' releases and the Aktendeckblätter. Per set of rows, their number and the sum
 * of their row versions (`xmin`, the transaction that last wrote the row): an insert or a delete
 * changes the number, an update the sum. Cheap enough to read with every operation, in the same
 * statement as the conference, so an operation always decides on the consents as they are, whichever
 * process changed them.
 */
export function boardContextStamp(conferenceId: string): SQL<string> {
  const id = sql`${conferenceId}::uuid`;
  const version = (alias: string) => sql`coalesce(sum(${sql.identifier(alias)}.xmin::text::bigint), 0)::text`;
  const versions = (...aliases: string[]) => sql`count(*)::text || ':' || ${sql.join(aliases.map(version), sql` || ':' || `)}`;
  return sql<string>`concat_ws('/',
    (select ${versions("cp", "u")} from conference_participants cp join users u on u.id = cp.user_id where cp.conference_id = ${id}),
    (select ${versions("cc", "c")} from conference_cases cc join cases c on c.id = cc.case_id where cc.conference_id = ${id}),
    (select ${versions("co")} from consents co join conference_cases cc on cc.case_id = co.case_id where cc.conference_id = ${id}),
    (select ${versions("g")} from guest_case_releases g where g.conference_id = ${id}),
    (select ${versions("ci")} from case_identities ci join conference_cases cc on cc.case_id = ci.case_id where cc.conference_id = ${id})
  )`;
}

/** Contexts of the meetings this process serves, each valid for its stamp and calendar day. */
const cache = new Map<string, { key: string; context: Promise<BoardContext> }>();
const cachedMeetings = 500;

/**
 * The meeting's context for the given stamp (read it with `boardContextStamp`, or leave it out to
 * read it here): built from the database when anything it depends on changed, or the day did (a
 * consent's validity is counted in days), otherwise taken from this process's cache.
 */
export async function boardContextOf(db: Executor, conferenceId: string, stamp?: string): Promise<BoardContext> {
  const key = `${stamp ?? (await readStamp(db, conferenceId))}/${todayInBerlin()}`;
  const cached = cache.get(conferenceId);
  if (cached?.key === key) {
    // Most recently used last, so the oldest meeting is the one let go.
    cache.delete(conferenceId);
    cache.set(conferenceId, cached);
    return cached.context;
  }
  const context = buildContext(db, conferenceId);
  cache.set(conferenceId, { key, context });
  if (cache.size > cachedMeetings) cache.delete(cache.keys().next().value!);
  // A failed build (the transaction rolled back) is not kept.
  context.catch(() => cache.get(conferenceId)?.context === context && cache.delete(conferenceId));
  return context;
}

async function readStamp(db: Executor, conferenceId: string): Promise<string> {
  const [row] = await db
    .select({ stamp: boardContextStamp(conferenceId) })
    .from(conferences)
    .where(eq(conferences.id, conferenceId));
  return row?.stamp ?? "";
}

async function buildContext(db: Executor, conferenceId: string): Promise<BoardContext> {
  const participants = await db
    .select({ userId: users.id, organisationId: users.organisationId, role: conferenceParticipants.role })
    .from(conferenceParticipants)
    .innerJoin(users, eq(users.id, conferenceParticipants.userId))
    .where(eq(conferenceParticipants.conferenceId, conferenceId));
  const attached = await listAttachedCases(db, conferenceId);
  const gates = await Promise.all(attached.map(async (c) => ({ caseId: c.caseId, scopeOf: await releaseScopeGate(db, conferenceId, c) })));
  const viewers: BoardContext["viewers"] = new Map();
  for (const person of participants) {
    const areaScopes = new Map<string, LifeAreaScope>();
    for (const gate of gates) {
      const scope = gate.scopeOf(person);
      if (scope) areaScopes.set(gate.caseId, scope);
    }
    viewers.set(person.userId, {
      userId: person.userId,
      organisationId: person.organisationId,
      role: person.role,
      moderates: participantModerates(person.role),
      releasedCaseIds: new Set(areaScopes.keys()),
      areaScopes,
    });
  }
  const agendaCaseIds = attached.map((c) => c.caseId);
  return {
    viewers,
    caseIdByMeetingId: new Map(agendaCaseIds.map((caseId) => [meetingCaseId(conferenceId, caseId), caseId])),
    agendaCaseIds: new Set(agendaCaseIds),
    identities: await readIdentitiesUnaudited(db, agendaCaseIds),
  };
}

/** One participant as a viewer of the board; nothing released to someone not on the list. */
export function viewerIn(context: BoardContext, userId: string, moderates: boolean): BoardViewer {
  const found = context.viewers.get(userId);
  return { userId, moderates, releasedCaseIds: found?.releasedCaseIds ?? new Set(), areaScopes: found?.areaScopes ?? new Map() };
}
