"use client";

import { generateKeyBetween } from "fractional-indexing";
import { useTranslations } from "next-intl";
import { useEffect, useMemo, useRef, useState, type FormEvent } from "react";
import { io, type Socket } from "socket.io-client";
import { applyToCards } from "@/server/conferences/board-state";
import type { AppliedOperation, BoardCard, BoardJoinAck, BoardOpAck, BoardOperation } from "@/server/schemas/board";
import type { ConferenceType } from "@/server/schemas/conference-kinds";
import type { ClientToServerEvents, ServerToClientEvents } from "@/server/schemas/realtime";
import { boardLanes } from "./board-lanes";

type BoardSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

interface Pending {
  clientOpId: string;
  op: BoardOperation;
}

const newId = () => crypto.randomUUID();

/**
 * The live moderation board. The server's numbered operations are the truth; the client applies its
 * own operations at once (pending) and drops them again if the server refuses. After a reconnect it
 * asks for everything after the last number it saw and resends what was not confirmed.
 */
export function ConferenceBoard({ conferenceId, type, selfId }: { conferenceId: string; type: ConferenceType; selfId: string }) {
  const t = useTranslations("conferences.board");
  const [confirmed, setConfirmed] = useState<{ cards: Map<string, BoardCard>; seq: number }>({ cards: new Map(), seq: 0 });
  const [pending, setPending] = useState<Pending[]>([]);
  const [connected, setConnected] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const socketRef = useRef<BoardSocket | null>(null);
  const sendRef = useRef<((item: Pending) => void) | null>(null);
  const seqRef = useRef(0);
  const pendingRef = useRef<Pending[]>([]);
  const lanes = boardLanes[type];

  useEffect(() => {
    const socket: BoardSocket = io({ path: "/socket.io", transports: ["websocket"] });
    socketRef.current = socket;
    let buffered: AppliedOperation[] = [];
    let gapTimer: ReturnType<typeof setTimeout> | undefined;
    const join = () =>
      socket.emit("board:join", { conferenceId, afterSeq: seqRef.current }, (ack: BoardJoinAck) => {
        if (!ack.ok) return setError(ack.message);
        if (ack.mode === "snapshot") {
          seqRef.current = ack.seq;
          setConfirmed({ cards: new Map(ack.cards.map((c) => [c.id, c])), seq: ack.seq });
        } else {
          buffered.push(...ack.operations);
          flush();
        }
        // Operations sent while offline go out again; their ids make a repeat harmless.
        for (const item of pendingRef.current) send(item);
      });
    const flush = () => {
      buffered.sort((a, b) => a.seq - b.seq);
      setConfirmed((current) => {
        const cards = new Map(current.cards);
        let seq = current.seq;
        const rest: AppliedOperation[] = [];
        for (const applied of buffered) {
          if (applied.seq === seq + 1) {
            applyToCards(cards, applied);
            seq = applied.seq;
          } else if (applied.seq > seq + 1) rest.push(applied);
        }
        buffered = rest;
        seqRef.current = seq;
        // A missing number that does not arrive soon is fetched: ask for everything after the last one.
        clearTimeout(gapTimer);
        if (rest.length > 0) gapTimer = setTimeout(join, 500);
        return { cards, seq };
      });
    };
    const send = (item: Pending) =>
      socket.emit("board:op", { conferenceId, clientOpId: item.clientOpId, op: item.op }, (ack: BoardOpAck) => {
        pendingRef.current = pendingRef.current.filter((p) => p.clientOpId !== item.clientOpId);
        setPending(pendingRef.current);
        if (!ack.ok) setError(ack.message);
      });
    socket.on("connect", () => {
      setConnected(true);
      join();
    });
    socket.on("disconnect", () => setConnected(false));
    socket.on("board:applied", (applied) => {
      buffered.push(applied);
      flush();
    });
    socket.on("session:revoked", () => setError(t("sessionEnded")));
    sendRef.current = send;
    return () => {
      clearTimeout(gapTimer);
      socket.disconnect();
    };
  }, [conferenceId, t]);

  function submit(op: BoardOperation) {
    const item = { clientOpId: newId().replace(/-/g, ""), op };
    pendingRef.current = [...pendingRef.current, item];
    setPending(pendingRef.current);
    setError(null);
    if (socketRef.current?.connected) sendRef.current?.(item);
  }

  const cards = useMemo(() => {
    const view = new Map(confirmed.cards);
    for (const item of pending) applyToCards(view, { conferenceId, seq: 0, clientOpId: item.clientOpId, actorUserId: selfId, op: item.op });
    return [...view.values()];
  }, [confirmed, pending, conferenceId, selfId]);
  const inLane = (lane: string) => cards.filter((c) => c.lane === lane).sort((a, b) => (a.orderKey < b.orderKey ? -1 : a.orderKey > b.orderKey ? 1 : 0));
  const lastKey = (lane: string) => inLane(lane).at(-1)?.orderKey ?? null;

  function addCard(event: FormEvent<HTMLFormElement>, lane: string) {
    event.preventDefault();
    const form = event.currentTarget;
    const text = String(new FormData(form).get("text") ?? "").trim();
    if (!text) return setError(t("emptyCard"));
    submit({ kind: "card.add", cardId: newId(), lane, text, orderKey: generateKeyBetween(lastKey(lane), null) });
    form.reset();
  }

  return (
    <section aria-labelledby="board-title" className="board">
      <h2 id="board-title">{t("title")}</h2>
      <p role="status" className={connected ? "board-online" : "board-offline"}>
        {connected ? t("connected") : t("offline")}
        {pending.length > 0 && ` ${t("pending", { count: pending.length })}`}
      </p>
      <div role="alert" className={error ? "form-error" : undefined}>{error}</div>
      <div className="board-lanes">
        {lanes.map((lane, laneIndex) => (
          <section key={lane} className="board-lane" aria-labelledby={`lane-${lane}`}>
            <h3 id={`lane-${lane}`}>{t(`lanes.${lane}`)}</h3>
            <ul className="board-cards">
              {inLane(lane).map((card) => (
                <li key={card.id} className="board-card">
                  {editing === card.id ? (
                    <form
                      onSubmit={(event) => {
                        event.preventDefault();
                        const text = String(new FormData(event.currentTarget).get("text") ?? "").trim();
                        if (text) submit({ kind: "card.edit", cardId: card.id, text });
                        setEditing(null);
                      }}
                    >
                      <label htmlFor={`edit-${card.id}`} className="visually-hidden">{t("editLabel")}</label>
                      <textarea id={`edit-${card.id}`} name="text" defaultValue={card.text} rows={2} autoFocus />
                      <button type="submit" className="button-link">{t("save")}</button>
                    </form>
                  ) : (
                    <p>{card.text}</p>
                  )}
                  <div className="row-actions">
                    {laneIndex > 0 && (
                      <button type="button" className="button-link" onClick={() => submit({ kind: "card.move", cardId: card.id, lane: lanes[laneIndex - 1]!, orderKey: generateKeyBetween(lastKey(lanes[laneIndex - 1]!), null) })}>
                        {t("moveTo", { lane: t(`lanes.${lanes[laneIndex - 1]!}`) })}<span className="visually-hidden">: {card.text}</span>
                      </button>
                    )}
                    {laneIndex < lanes.length - 1 && (
                      <button type="button" className="button-link" onClick={() => submit({ kind: "card.move", cardId: card.id, lane: lanes[laneIndex + 1]!, orderKey: generateKeyBetween(lastKey(lanes[laneIndex + 1]!), null) })}>
                        {t("moveTo", { lane: t(`lanes.${lanes[laneIndex + 1]!}`) })}<span className="visually-hidden">: {card.text}</span>
                      </button>
                    )}
                    <button type="button" className="button-link" onClick={() => setEditing(card.id)}>
                      {t("edit")}<span className="visually-hidden">: {card.text}</span>
                    </button>
                    <button type="button" className="button-link" onClick={() => submit({ kind: "card.delete", cardId: card.id })}>
                      {t("delete")}<span className="visually-hidden">: {card.text}</span>
                    </button>
                  </div>
                </li>
              ))}
            </ul>
            <form onSubmit={(event) => addCard(event, lane)} className="board-add">
              <label htmlFor={`new-${lane}`}>{t("newCard", { lane: t(`lanes.${lane}`) })}</label>
              <textarea id={`new-${lane}`} name="text" rows={2} maxLength={500} />
              <button type="submit" className="button-secondary">{t("add")}</button>
            </form>
          </section>
        ))}
      </div>
    </section>
  );
}
