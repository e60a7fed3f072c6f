import { getTranslations } from "next-intl/server";
import type { ConferenceType } from "@/server/schemas/conference-kinds";
import type { RoomView } from "./room-views";
import { RoomViewsNav } from "./room-views-nav";

/** The title of a conference and its three views, above Vorbereitung and Nachbereitung. */
export async function RoomHeading({
  conferenceId,
  title,
  type,
  current,
}: {
  conferenceId: string;
  title: string;
  type: ConferenceType;
  current: RoomView;
}) {
  const t = await getTranslations("conferences");
  return (
    <div className="room-heading">
      <p className="muted">{t(`types.${type}`)}</p>
      <h1>
        {title}
        <span className="visually-hidden"> – {t(`room.view.${current}`)}</span>
      </h1>
      <RoomViewsNav conferenceId={conferenceId} current={current} />
    </div>
  );
}
