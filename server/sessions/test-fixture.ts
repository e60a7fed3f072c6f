import * as Y from "yjs";
import { themes } from "@/db/schema";

import { createTestDatabase } from "../test/database";
import { createBodyWithSession } from "../test/body-factories";
import { callerFor, createActor, createTenant } from "../test/factories";
import { typeAtEnd } from "../test/typing";

import { doc } from "../test/theme-factories";

export { doc };

/** A Yjs update that writes `text` into an empty document, as the editor would. */
export function typed(text: string): Uint8Array {
  const ydoc = new Y.Doc();
  typeAtEnd(ydoc, text);
  return Y.encodeStateAsUpdate(ydoc);
}

/** A tenant with a Lenkungsgruppe, a working group and its project group, people in each role, a theme and a session per body. */
export async function setUpSessions() {
  const handle = await createTestDatabase();
  const tenant = await createTenant(handle.db);
  const tenantId = tenant.tenant.id;
  const kommuneId = tenant.kommune.id;
  const organisationId = tenant.organisation.id;
  const lenkungsgruppe = tenant.body.id;
  const coordinator = await createActor(handle.db, tenantId, ["coordinator"]);
  const memberL = await createActor(handle.db, tenantId, [{ role: "body_member", bodyId: lenkungsgruppe }]);
  const sessionL = (
    await callerFor(handle.db, coordinator).sessions.plan({
      bodyId: lenkungsgruppe,
      title: "Lenkungsgruppe März",
      scheduledAt: new Date("2026-03-10T15:00:00Z"),
      place: "Kreishaus",
    })
  ).id;
  const a = await createBodyWithSession(handle.db, {
    planner: coordinator,
    kind: "arbeitsgruppe",
    name: "Arbeitsgruppe Wohnen",
    members: 1,
    session: { title: "AG Wohnen Februar", scheduledAt: new Date("2026-02-10T15:00:00Z") },
  });
  const arbeitsgruppe = a.body.id;
  const p = await createBodyWithSession(handle.db, {
    planner: coordinator,
    kind: "projektarbeitsgruppe",
    name: "PAG Wohnungsvermittlung",
    parentBodyId: arbeitsgruppe,
    members: 1,
    session: { title: "PAG Februar", scheduledAt: new Date("2026-02-12T15:00:00Z") },
  });
  const projektgruppe = p.body.id;
  const [memberA, memberP] = [a.members[0]!, p.members[0]!];
  const [sessionA, sessionP] = [a.sessionId, p.sessionId];
  const cm = await createActor(handle.db, tenantId, ["case_manager"]);
  const spokesperson = await createActor(handle.db, tenantId, ["cm_spokesperson"]);
  const admin = await createActor(handle.db, tenantId, ["admin"]);
  const foreignCoordinator = await createActor(handle.db, (await createTenant(handle.db)).tenant.id, ["coordinator"]);
  const [theme] = await handle.db
    .insert(themes)
    .values({
      tenantId,
      title: "Bezahlbarer Wohnraum fehlt",
      description: doc("Große Familien finden keine Wohnung."),
      createdByUserId: coordinator.userId,
    })
    .returning();
  const themeId = theme!.id;
  return {
    handle,
    tenantId,
    kommuneId,
    organisationId,
    lenkungsgruppe,
    arbeitsgruppe,
    projektgruppe,
    coordinator,
    memberL,
    memberA,
    memberP,
    cm,
    spokesperson,
    admin,
    foreignCoordinator,
    themeId,
    sessionL,
    sessionA,
    sessionP,
  };
}
