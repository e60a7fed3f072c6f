import { AppError } from "../errors";
import { moderatorOperationKinds, type BoardMeta, type BoardOperation } from "../schemas/board";
import type { PhaseBoard } from "../schemas/conference-kinds";
import type { ConferenceRow } from "./conferences";
import type { ConferenceAbilities } from "./policy";

/** Which participant operations each phase of the Ablaufplan allows; the moderator may always act. */
const phaseAllows: Record<PhaseBoard, ReadonlySet<BoardOperation["kind"]>> = {
  none: new Set(["hand.raise", "hand.lower"]),
  reconstruction: new Set(["card.add", "card.edit", "card.move", "card.delete", "ready.set", "hand.raise", "hand.lower"]),
  cards: new Set(["card.add", "card.edit", "card.move", "card.delete", "card.tag", "card.month", "hand.raise", "hand.lower"]),
  timeline: new Set(["card.add", "card.edit", "card.move", "card.delete", "card.tag", "card.month", "hand.raise", "hand.lower"]),
  clustering: new Set([
    "card.add",
    "card.edit",
    "card.move",
    "card.delete",
    "card.cluster",
    "cluster.add",
    "cluster.rename",
    "hand.raise",
    "hand.lower",
  ]),
  voting: new Set(["vote.set", "hand.raise", "hand.lower"]),
  formulation: new Set(["card.add", "card.edit", "hand.raise", "hand.lower"]),
  work_packages: new Set(["card.add", "card.edit", "card.move", "card.delete", "hand.raise", "hand.lower"]),
};

/** Raising or lowering a hand stays possible on a locked board: asking to speak is not editing. */
const allowedWhileLocked: ReadonlySet<BoardOperation["kind"]> = new Set(["hand.raise", "hand.lower"]);

/**
 * What holds for every operation whatever it touches: a finished meeting is read-only, a locked
 * board and the moderator's controls are the moderator's, and participants act as the phase allows.
 */
export function checkGeneralRules(
  { conference, abilities, meta }: { conference: ConferenceRow; abilities: ConferenceAbilities; meta: BoardMeta },
  op: BoardOperation,
) {
  if (conference.status === "finished") throw new AppError("CONFLICT", "conferences.board.finished");
  const isModerator = abilities.moderate;
  if (meta.locked && !isModerator && !allowedWhileLocked.has(op.kind)) throw new AppError("CONFLICT", "conferences.board.locked");
  if (moderatorOperationKinds.has(op.kind) && !isModerator) throw new AppError("FORBIDDEN", "conferences.board.moderatorOnly");
  const phase = conference.phases[meta.phaseIndex];
  if (phase && !isModerator && !phaseAllows[phase.board].has(op.kind)) {
    throw new AppError("CONFLICT", "conferences.board.notInThisPhase", undefined, { phase: phase.title });
  }
}
