import { TRPCError } from "@trpc/server";
import type { DatabaseHandle } from "@/db";
import * as Y from "yjs";
import { bodies, themes } from "@/db/schema";
import type { Actor } from "../auth/policy";
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

export async function codeOf(promise: Promise<unknown>): Promise<string | null> {
  try {
    await promise;
    return null;
  } catch (error) {
    return error instanceof TRPCError ? error.code : "NON_TRPC_ERROR";
  }
}

/** A tenant with a Lenkungsgruppe, a working group and its project group, people in each role, a theme and a session per body. */
export async function setUpSessions() {
  let handle: DatabaseHandle;
  let tenantId: string;
  let kommuneId: string;
  let organisationId: string;
  let lenkungsgruppe: string;
  let arbeitsgruppe: string;
  let projektgruppe: string;
  let coordinator: Actor;
  let memberL: Actor;
  let memberA: Actor;
  let memberP: Actor;
  let cm: Actor;
  let spokesperson: Actor;
  let admin: Actor;
  let foreignCoordinator: Actor;
  let themeId: string;
  let sessionL: string;
  let sessionA: string;
  let sessionP: string;
  handle = await createTestDatabase();
  const tenant = await createTenant(handle.db);
  tenantId = tenant.tenant.id;
  kommuneId = tenant.kommune.id;
  organisationId = tenant.organisation.id;
  lenkungsgruppe = tenant.body.id;
  const [a] = await handle.db.insert(bodies).values({ tenantId, name: "Arbeitsgruppe Wohnen", kind: "arbeitsgruppe" }).returning();
  arbeitsgruppe = a!.id;
  const [p] = await handle.db
    .insert(bodies)
    .values({ tenantId, name: "PAG Wohnungsvermittlung", kind: "projektarbeitsgruppe", parentBodyId: arbeitsgruppe })
    .returning();
  projektgruppe = p!.id;
  coordinator = await createActor(handle.db, tenantId, ["coordinator"]);
  memberL = await createActor(handle.db, tenantId, [{ role: "body_member", bodyId: lenkungsgruppe }]);
  memberA = await createActor(handle.db, tenantId, [{ role: "body_member", bodyId: arbeitsgruppe }]);
  memberP = await createActor(handle.db, tenantId, [{ role: "body_member", bodyId: projektgruppe }]);
  cm = await createActor(handle.db, tenantId, ["case_manager"]);
  spokesperson = await createActor(handle.db, tenantId, ["cm_spokesperson"]);
  admin = await createActor(handle.db, tenantId, ["admin"]);
  foreignCoordinator = await createActor(handle.db, (await createTenant(handle.db)).tenant.id, ["coordinator"]);
  const [theme] = await handle.db
    .insert(themes)
    .values({
      tenantId,
      title: "Bezahlbarer Wohnraum fehlt",
      description: doc("Große Familien finden keine Wohnung."),
      createdByUserId: coordinator.userId,
    })
    .returning();
  themeId = theme!.id;
  const plan = (bodyId: string, title: string, scheduledAt: string) =>
    callerFor(handle.db, coordinator).sessions.plan({ bodyId, title, scheduledAt: new Date(scheduledAt), place: "Kreishaus" });
  sessionL = (await plan(lenkungsgruppe, "Lenkungsgruppe März", "2026-03-10T15:00:00Z")).id;
  sessionA = (await plan(arbeitsgruppe, "AG Wohnen Februar", "2026-02-10T15:00:00Z")).id;
  sessionP = (await plan(projektgruppe, "PAG Februar", "2026-02-12T15:00:00Z")).id;
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
