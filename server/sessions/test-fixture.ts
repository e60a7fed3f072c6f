import * as Y from "yjs";
import { bodies, themes } from "@/db/schema";

import { createTestDatabase } from "../test/database";
import { callerFor, createActor, createTenant } from "../test/factories";
import { typeAtEnd } from "../test/typing";

export const doc = (text: string) => ({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });

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
  const [a] = await handle.db.insert(bodies).values({ tenantId, name: "Arbeitsgruppe Wohnen", kind: "arbeitsgruppe" }).returning();
  const arbeitsgruppe = a!.id;
  const [p] = await handle.db
    .insert(bodies)
    .values({ tenantId, name: "PAG Wohnungsvermittlung", kind: "projektarbeitsgruppe", parentBodyId: arbeitsgruppe })
    .returning();
  const projektgruppe = p!.id;
  const coordinator = await createActor(handle.db, tenantId, ["coordinator"]);
  const memberL = await createActor(handle.db, tenantId, [{ role: "body_member", bodyId: lenkungsgruppe }]);
  const memberA = await createActor(handle.db, tenantId, [{ role: "body_member", bodyId: arbeitsgruppe }]);
  const memberP = await createActor(handle.db, tenantId, [{ role: "body_member", bodyId: projektgruppe }]);
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
  const plan = (bodyId: string, title: string, scheduledAt: string) =>
    callerFor(handle.db, coordinator).sessions.plan({ bodyId, title, scheduledAt: new Date(scheduledAt), place: "Kreishaus" });
  const sessionL = (await plan(lenkungsgruppe, "Lenkungsgruppe März", "2026-03-10T15:00:00Z")).id;
  const sessionA = (await plan(arbeitsgruppe, "AG Wohnen Februar", "2026-02-10T15:00:00Z")).id;
  const sessionP = (await plan(projektgruppe, "PAG Februar", "2026-02-12T15:00:00Z")).id;
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
