import { randomBytes } from "node:crypto";
import type { Database } from "@/db";
import { agendaItems, bodies, bodySessions } from "@/db/schema";
import type { Actor } from "../auth/policy";
import { callerFor, createActor } from "./factories";

type BodyKind = (typeof bodies.$inferInsert)["kind"];

/**
 * A body of the planner's tenant with `members` new members, and a session of it planned by
 * `planner` through the real procedure.
 */
export async function createBodyWithSession(
  db: Database,
  options: {
    planner: Actor;
    kind: BodyKind;
    members?: number;
    name?: string;
    parentBodyId?: string | null;
    session?: { title?: string; scheduledAt?: Date; place?: string };
  },
) {
  const tenantId = options.planner.tenantId;
  const [body] = await db
    .insert(bodies)
    .values({
      tenantId,
      name: options.name ?? `Gremium ${randomBytes(3).toString("hex")}`,
      kind: options.kind,
      parentBodyId: options.parentBodyId ?? null,
    })
    .returning();
  const members: Actor[] = [];
  for (let index = 0; index < (options.members ?? 0); index++) {
    members.push(await createActor(db, tenantId, [{ role: "body_member", bodyId: body!.id }]));
  }
  const session = await callerFor(db, options.planner).sessions.plan({
    bodyId: body!.id,
    title: options.session?.title ?? `Sitzung ${body!.name}`,
    scheduledAt: options.session?.scheduledAt ?? new Date("2026-06-10T14:00:00Z"),
    place: options.session?.place ?? "Kreishaus",
  });
  return { body: body!, members, sessionId: session.id };
}

/** A session of the body (inserted directly) with one agenda item: on `themeId`, or a free one. */
export async function createAgendaItem(db: Database, options: { coordinator: Actor; bodyId: string; themeId: string | null }) {
  const [session] = await db
    .insert(bodySessions)
    .values({
      tenantId: options.coordinator.tenantId,
      bodyId: options.bodyId,
      title: "Sitzung der Lenkungsgruppe",
      scheduledAt: new Date("2026-06-10T14:00:00Z"),
      createdByUserId: options.coordinator.userId,
    })
    .returning();
  const [item] = await db
    .insert(agendaItems)
    .values({ sessionId: session!.id, position: 1, kind: options.themeId ? "theme" : "free", title: "TOP 1", themeId: options.themeId })
    .returning();
  return { sessionId: session!.id, agendaItemId: item!.id };
}
