import { can, reachOf, type Actor } from "../auth/policy";
import { AppError } from "../errors";
import { themeStatuses, type ThemeStatus } from "../schemas/theme-kinds";

/** Who the actor is on the steering path: the coordination, and the bodies they are a member of. */
export interface SteeringViewer {
  /** Coordinates the steering path of the whole tenant; a grant scoped to one Kommune does not. */
  isCoordination: boolean;
  /** Bodies the actor works in through a grant scoped to the body; an unscoped grant covers no body. */
  memberBodyIds: Set<string>;
}

export function steeringViewerOf(actor: Actor): SteeringViewer {
  return {
    isCoordination: can(actor, "steering.coordinate", { tenantId: actor.tenantId }),
    memberBodyIds: new Set(reachOf(actor, "bodies.take_part").bodyIds),
  };
}

export function isMemberOf(viewer: SteeringViewer, bodyId: string): boolean {
  return viewer.memberBodyIds.has(bodyId);
}

/** The coordination or a member of the body; everyone else is refused. */
export function requireCoordinationOrMember(viewer: SteeringViewer, bodyId: string) {
  if (!viewer.isCoordination && !isMemberOf(viewer, bodyId)) throw new AppError("FORBIDDEN", "errors.forbidden");
}

export function requireCoordination(viewer: SteeringViewer) {
  if (!viewer.isCoordination) throw new AppError("FORBIDDEN", "errors.forbidden");
}

/** Working groups draft proposals; the Lenkungsgruppe decides on them. */
export const workingGroupKinds = ["fachgruppe", "arbeitsgruppe", "projektarbeitsgruppe"] as const;

export interface ProposalAbilities {
  edit: boolean;
  submit: boolean;
  makeVorlage: boolean;
}

/** A draft is edited and submitted by its group or the coordination; only the coordination makes a Vorlage of it. */
export function proposalAbilities(viewer: SteeringViewer, proposal: { bodyId: string; status: string }): ProposalAbilities {
  const isAuthorGroup = viewer.isCoordination || isMemberOf(viewer, proposal.bodyId);
  return {
    edit: isAuthorGroup && proposal.status === "draft",
    submit: isAuthorGroup && proposal.status === "draft",
    makeVorlage: viewer.isCoordination && proposal.status !== "in_vorlage",
  };
}

/** A body member reports on their body's assignments; recommendations go outside, so the coordination reports on them. */
export function mayReportOn(viewer: SteeringViewer, item: { kind: "assignment"; bodyId: string } | { kind: "recommendation" }): boolean {
  if (viewer.isCoordination) return true;
  return item.kind === "assignment" && isMemberOf(viewer, item.bodyId);
}

// The main path in order; a step that would move a theme backwards along it is not recorded.
const mainPath: readonly ThemeStatus[] = themeStatuses.slice(0, themeStatuses.indexOf("implemented") + 1);

/** Is `to` further along the steering path than `from` (or `from` off the path, e.g. parked)? */
export function isStepForward(from: ThemeStatus, to: ThemeStatus): boolean {
  const fromIndex = mainPath.indexOf(from);
  if (fromIndex === -1) return true;
  return mainPath.indexOf(to) > fromIndex;
}
