import { describe, expect, it } from "vitest";
import { needsRedaction, redactCard } from "@/server/conferences/board-visibility";
import type { BoardCard } from "@/server/schemas/board";
import { abilitiesOn } from "./board-view";

const author = "00000000-0000-4000-8000-00000000000a";
const other = "00000000-0000-4000-8000-00000000000b";
const moderator = "00000000-0000-4000-8000-00000000000c";

const plainCard: BoardCard = {
  id: "00000000-0000-4000-8000-0000000000f1",
  lane: "themen",
  text: "Bescheide versteht niemand",
  orderKey: "a0",
  authorUserId: author,
  caseId: null,
  perspective: null,
  clusterId: null,
  isHidden: false,
  isSolution: false,
  restricted: false,
  updatedSeq: 1,
};

describe("card abilities in the browser", () => {
  it.each([
    ["the author", author, false, { edit: true, move: true, delete: true, tag: true }],
    ["another participant", other, false, { edit: false, move: true, delete: false, tag: false }],
    ["a moderator", moderator, true, { edit: true, move: true, delete: true, tag: true }],
  ])("on a plain card broadcast to the room, %s gets what the server would send", (_, selfId, isModerator, expected) => {
    expect(abilitiesOn({ selfId, isModerator }, plainCard)).toEqual(expected);
    const sent = redactCard(plainCard, {
      userId: selfId,
      moderates: isModerator,
      releasedCaseIds: new Set(),
      areaScopes: new Map(),
    }).abilities;
    expect(abilitiesOn({ selfId, isModerator }, plainCard)).toEqual(sent);
  });

  it("takes the server's abilities where the card carries them", () => {
    const restricted = { ...plainCard, abilities: { edit: false, move: false, delete: false, tag: false } };
    expect(abilitiesOn({ selfId: author, isModerator: true }, restricted)).toEqual(restricted.abilities);
  });

  it("sends per person only what differs per person: hidden cards and cards of a case", () => {
    const add = (card: BoardCard) => ({ kind: "card.add" as const, card });
    expect(needsRedaction(add(plainCard) as never)).toBe(false);
    expect(needsRedaction(add({ ...plainCard, isHidden: true }) as never)).toBe(true);
    expect(needsRedaction(add({ ...plainCard, caseId: "00000000-0000-4000-8000-0000000000c1" }) as never)).toBe(true);
  });
});
