export const roomViews = ["vorbereitung", "live", "nachbereitung"] as const;
export type RoomView = (typeof roomViews)[number];

/** Where a conference opens: its planning before, the wall while it runs, the follow-up after. */
export function defaultRoomView(status: "planned" | "running" | "finished"): RoomView {
  if (status === "running") return "live";
  return status === "finished" ? "nachbereitung" : "vorbereitung";
}
