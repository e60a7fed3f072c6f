import { describe, expect, it } from "vitest";
import { actorId, actorNamed, kommuneA, kommuneB, otherTenantId, otherUserId, tenantId, type ActorName } from "../test/policy-actors";
import { caseAbilities, type CaseAbilities } from "./policy";

// The case as the actor meets it: their own (responsible), another case manager's in Kommune A, one in
// Kommune B, their own but closed, and one in another tenant that names them as responsible.
const relations = {
  own: { tenantId, kommuneId: kommuneA, responsibleUserId: actorId, status: "active" },
  other: { tenantId, kommuneId: kommuneA, responsibleUserId: otherUserId, status: "active" },
  otherKommune: { tenantId, kommuneId: kommuneB, responsibleUserId: otherUserId, status: "active" },
  closedOwn: { tenantId, kommuneId: kommuneA, responsibleUserId: actorId, status: "closed" },
  erasedOwn: { tenantId, kommuneId: kommuneA, responsibleUserId: actorId, status: "closed", identityErasedAt: new Date("2026-01-01") },
  closedOtherKommune: { tenantId, kommuneId: kommuneB, responsibleUserId: otherUserId, status: "closed" },
  otherTenant: { tenantId: otherTenantId, kommuneId: kommuneA, responsibleUserId: actorId, status: "active" },
} as const;
type Relation = keyof typeof relations;

const none = { readMetadata: false, readContent: false, readIdentity: false, write: false, transfer: false, erase: false };
const worker = { readMetadata: true, readContent: true, readIdentity: true, write: true, transfer: false, erase: false };
const coordination = { readMetadata: true, readContent: false, readIdentity: false, write: false, transfer: true, erase: false };

// Written out by hand: a wrong entry in the permission table or in caseAbilities fails a row.
const table: [ActorName, Relation, CaseAbilities][] = [
  ["case_manager", "own", worker],
  ["case_manager", "other", none],
  ["case_manager", "otherKommune", none],
  ["case_manager", "closedOwn", { readMetadata: true, readContent: true, readIdentity: true, write: false, transfer: false, erase: false }],
  ["case_manager", "otherTenant", none],
  ["case_manager@A", "own", worker],
  ["case_manager@A", "other", none],
  ["case_manager@A", "otherKommune", none],
  ["case_manager@A", "otherTenant", none],
  ["coordinator", "own", coordination],
  ["coordinator", "other", coordination],
  ["coordinator", "otherKommune", coordination],
  ["coordinator", "closedOwn", { readMetadata: true, readContent: false, readIdentity: false, write: false, transfer: false, erase: true }],
  [
    "coordinator",
    "erasedOwn",
    { readMetadata: true, readContent: false, readIdentity: false, write: false, transfer: false, erase: false },
  ],
  ["coordinator", "otherTenant", none],
  [
    "coordinator@A",
    "closedOwn",
    { readMetadata: true, readContent: false, readIdentity: false, write: false, transfer: false, erase: true },
  ],
  ["coordinator@A", "closedOtherKommune", none],
  ["admin", "closedOwn", none],
  ["case_manager", "erasedOwn", { readMetadata: true, readContent: true, readIdentity: true, write: false, transfer: false, erase: false }],
  ["coordinator@A", "other", coordination],
  ["coordinator@A", "otherKommune", none],
  ["coordinator@A", "otherTenant", none],
  ["admin", "own", none],
  ["admin", "other", none],
  ["admin@A", "other", none],
  ["cm_spokesperson", "own", none],
  ["cm_spokesperson", "other", none],
  ["body_member", "own", none],
  ["body_member@bodyA", "other", none],
  ["network_actor", "own", none],
  ["network_actor", "other", none],
  ["guest", "own", none],
  ["guest", "other", none],
];

const rows = table.flatMap(([actor, relation, abilities]) =>
  (Object.keys(abilities) as (keyof CaseAbilities)[]).map((action) => [actor, relation, action, abilities[action]] as const),
);

describe("caseAbilities", () => {
  it.each(rows)("%s on a case (%s): %s → %s", (name, relation, action, expected) => {
    expect(caseAbilities(actorNamed(name), relations[relation])[action]).toBe(expected);
  });

  it("lets the responsible case manager who holds the case through a grant of another Kommune do nothing", () => {
    const managerOfB = actorNamed("case_manager", [{ role: "case_manager", kommuneId: kommuneB, bodyId: null }]);
    expect(caseAbilities(managerOfB, relations.own)).toEqual(none);
  });
});
