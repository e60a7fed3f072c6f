"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { io, type Socket } from "socket.io-client";
import type { ClientToServerEvents, PresencePerson, ServerToClientEvents } from "@/server/schemas/realtime";

type State = { status: "connecting" } | { status: "live"; people: PresencePerson[] } | { status: "error"; message: string };

/** Who else is here right now: the live wiring of sockets, sessions and policies, end to end. */
export function OnlineNow({ room, selfId }: { room: string; selfId: string }) {
  const t = useTranslations("home");
  const router = useRouter();
  const [state, setState] = useState<State>({ status: "connecting" });

  useEffect(() => {
    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io({ path: "/socket.io", transports: ["websocket"] });
    const join = () =>
      socket.emit("presence:join", { room }, (ack) => {
        if (!ack.ok) setState({ status: "error", message: ack.message });
      });
    socket.on("connect", join);
    socket.on("connect_error", (error) => setState({ status: "error", message: error.message }));
    socket.on("presence:update", (update) => {
      if (update.room === room) setState({ status: "live", people: update.people });
    });
    socket.on("session:revoked", () => router.push("/sign-in?error=SessionExpired"));
    return () => {
      socket.disconnect();
    };
  }, [room, router]);

  return (
    <section aria-labelledby="online-title" className="card">
      <h2 id="online-title">{t("online")}</h2>
      <div aria-live="polite">
        {state.status === "connecting" && <p className="muted">{t("onlineConnecting")}</p>}
        {state.status === "error" && <p className="form-error">{t("onlineError", { message: state.message })}</p>}
        {state.status === "live" && (
          <>
            <ul className="presence-list" data-testid="presence-list">
              {state.people.map((person) => (
                <li key={person.userId}>
                  <span className="presence-dot" aria-hidden="true" />
                  {person.displayName}
                  {person.userId === selfId ? ` ${t("you")}` : ""}
                </li>
              ))}
            </ul>
            {state.people.length <= 1 && <p className="muted">{t("onlineNobody")}</p>}
          </>
        )}
      </div>
    </section>
  );
}
