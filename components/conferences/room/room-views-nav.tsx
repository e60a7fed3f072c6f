"use client";

import "./room.css";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { roomViews, type RoomView } from "./room-views";

/** The three moments of a conference, each its own address. */
export function RoomViewsNav({ conferenceId, current }: { conferenceId: string; current: RoomView }) {
  const t = useTranslations("conferences.room");
  return (
    <nav aria-label={t("views")} className="room-views">
      <ul>
        {roomViews.map((view) => (
          <li key={view}>
            <Link href={`/conferences/${conferenceId}/${view}`} aria-current={view === current ? "page" : undefined}>
              {t(`view.${view}`)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
