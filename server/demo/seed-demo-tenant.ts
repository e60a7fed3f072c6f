import { randomBytes } from "node:crypto";
import type { Database } from "@/db";
import { bodies, kommunen, organisations, roleAssignments, tenants, users } from "@/db/schema";
import { hashPassword } from "../auth/password";
import { rolesGranting } from "../auth/permissions";
import type { Role } from "../schemas/roles";
import { seedDemoCases } from "./seed-demo-cases";
import { seedDemoOffers } from "./seed-demo-offers";
import { seedDecisions } from "./seed-decisions";
import { seedMeetings } from "./seed-meetings";
import { seedSessions } from "./seed-sessions";
import { seedThemes } from "./seed-themes";

export interface DemoCredential {
  role: Role;
  username: string;
  password: string;
  displayName: string;
}

const demoKommunen = ["Beispielstadt", "Nordheim", "Südhausen", "Westdorf", "Am See"];

const demoOrganisations = [
  { name: "Kommunales Integrationszentrum Kreis Beispiel", kind: "kommunales_integrationszentrum" },
  { name: "Caritasverband Kreis Beispiel", kind: "wohlfahrtsverband" },
  { name: "AWO Kreisverband Beispiel", kind: "wohlfahrtsverband" },
  { name: "Jobcenter Kreis Beispiel", kind: "jobcenter" },
  { name: "Ausländerbehörde Kreis Beispiel", kind: "auslaenderbehoerde" },
  { name: "Jugendamt Beispielstadt", kind: "jugendamt" },
  { name: "Sprachschule Nordheim", kind: "sprachkurstraeger" },
] as const;

const demoUsers: { role: Role; username: string; displayName: string; organisation: number }[] = [
  { role: "admin", username: "admin", displayName: "Alex Admin", organisation: 0 },
  { role: "coordinator", username: "koordination", displayName: "Kim Koordination", organisation: 0 },
  { role: "case_manager", username: "casemanagement", displayName: "Chris Casemanagement", organisation: 1 },
  { role: "case_manager", username: "cm-nordheim", displayName: "Dana Demir", organisation: 2 },
  { role: "cm_spokesperson", username: "cm-sprecherin", displayName: "Sam Sprecherin", organisation: 2 },
  { role: "body_member", username: "lenkungsgruppe", displayName: "Lou Lenkungsgruppe", organisation: 3 },
  { role: "network_actor", username: "netzwerk", displayName: "Nico Netzwerk", organisation: 4 },
];

function generatePassword(): string {
  // 18 random bytes as base64url: 24 characters, 144 bits.
  return randomBytes(18).toString("base64url");
}

/**
 * Creates the demo tenant "Kreis Beispiel" on an empty database and returns the sign-in names and
 * passwords (random unless a fixed one is given, as the browser tests do). Returns null when any
 * tenant exists already, so a restart never adds a second one.
 */
export async function seedDemoTenant(db: Database, fixedPassword?: string): Promise<DemoCredential[] | null> {
  const existing = await db.select({ id: tenants.id }).from(tenants).limit(1);
  if (existing.length > 0) return null;
  // argon2 is the slow part of the users: a fixed password (the browser tests') is hashed once and
  // that hash serves every user who has it; random ones are hashed side by side.
  const fixedHash = fixedPassword === undefined ? undefined : hashPassword(fixedPassword);
  const credentials = await Promise.all(
    demoUsers.map(async (user) => {
      const password = fixedPassword ?? generatePassword();
      return { ...user, password, passwordHash: await (fixedHash ?? hashPassword(password)) };
    }),
  );
  // One transaction: a start that fails half-way leaves no half-seeded tenant behind (which the
  // check above would keep forever, its passwords never shown), and one commit instead of hundreds.
  await db.transaction(async (tx) => {
    const [tenant] = await tx.insert(tenants).values({ name: "Kreis Beispiel", slug: "kreis-beispiel" }).returning();
    const tenantId = tenant!.id;
    const insertedKommunen = await tx
      .insert(kommunen)
      .values(demoKommunen.map((name) => ({ tenantId, name, kind: "kommune" as const })))
      .returning();
    const insertedOrganisations = await tx
      .insert(organisations)
      .values(demoOrganisations.map((o, i) => ({ ...o, tenantId, kommuneId: i === 6 ? insertedKommunen[1]!.id : null })))
      .returning();
    await seedDemoOffers(tx, tenantId, insertedOrganisations, insertedKommunen);
    const [lenkungsgruppe] = await tx
      .insert(bodies)
      .values([
        { tenantId, name: "Lenkungsgruppe KIM Kreis Beispiel", kind: "lenkungsgruppe" },
        { tenantId, name: "Fachgruppe Wohnen und Stadtentwicklung", kind: "fachgruppe" },
        { tenantId, name: "Fachgruppe Sprache und Bildung", kind: "fachgruppe" },
      ])
      .returning();
    const userRows = await tx
      .insert(users)
      .values(
        credentials.map((user) => ({
          tenantId,
          username: user.username,
          displayName: user.displayName,
          email: `${user.username}@kreis-beispiel.example`,
          organisationId: insertedOrganisations[user.organisation]!.id,
          passwordHash: user.passwordHash,
        })),
      )
      .returning({ id: users.id, username: users.username });
    const userIdOf = new Map(userRows.map((row) => [row.username, row.id]));
    await tx.insert(roleAssignments).values(
      credentials.map((user) => ({
        tenantId,
        userId: userIdOf.get(user.username)!,
        role: user.role,
        // Roles held per body (the members') are held in the Lenkungsgruppe.
        bodyId: rolesGranting("bodies.take_part").includes(user.role) ? lenkungsgruppe!.id : null,
      })),
    );
    await seedDemoCases(tx, ["casemanagement", "cm-nordheim"]);
    // The steering path, in the order it grows: themes, then the bodies' sessions, then decisions.
    await seedThemes(tx, tenantId);
    await seedSessions(tx, tenantId);
    await seedDecisions(tx, tenantId);
    // Last, so the registry's themes above do not cite these meetings as sources.
    await seedMeetings(tx);
  });
  return credentials.map(({ role, username, password, displayName }) => ({ role, username, password, displayName }));
}
