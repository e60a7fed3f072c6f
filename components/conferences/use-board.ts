"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { io, type Socket } from "socket.io-client";
import { applyOperation } from "@/server/conferences/board-state";
import {
  emptyBoardMeta,
  type AppliedOperation,
  type BoardJoinAck,
  type BoardOpAck,
  type BoardOperation,
  type BoardState,
} from "@/server/schemas/board";
import type { ClientToServerEvents, PresencePerson, ServerToClientEvents } from "@/server/schemas/realtime";
import { BoardOutbox, outcomeOf } from "./board-outbox";

type BoardSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

interface Pending {
  clientOpId: string;
  op: BoardOperation;
}

export interface BoardConnection {
  board: BoardState;
  /** Who has the board open now. */
  present: PresencePerson[];
  /** Who wrote on a card in the last few seconds. */
  typing: string[];
  notifyTyping: () => void;
  connected: boolean;
  pendingCount: number;
  error: string | null;
  clearError: () => void;
  reportError: (message: string) => void;
  submit: (op: BoardOperation) => void;
}

const emptyBoard: BoardState = { cards: new Map(), meta: emptyBoardMeta };

/** Longer than any answer of a working server; without one the operation goes again. */
const opAnswerMs = 10_000;

/**
 * The live board of one conference. The server's numbered operations are the truth; the client
 * applies its own operations at once (pending) and drops them again only if the server refuses
 * them. After a reconnect it asks for everything after the last number it saw and resends what was
 * not confirmed, paced below the server's limit.
 */
export function useBoard(conferenceId: string, selfId: string, messages: { sessionEnded: string }, onResync?: () => void): BoardConnection {
  const [confirmed, setConfirmed] = useState<{ board: BoardState; seq: number }>({ board: emptyBoard, seq: 0 });
  const [pending, setPending] = useState<readonly Pending[]>([]);
  const [connected, setConnected] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [present, setPresent] = useState<PresencePerson[]>([]);
  const [typing, setTyping] = useState<string[]>([]);
  const lastTypingRef = useRef(0);
  const typingTimerRef = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const socketRef = useRef<BoardSocket | null>(null);
  const outboxRef = useRef<BoardOutbox<Pending> | null>(null);
  const resyncRef = useRef(onResync);
  const messagesRef = useRef(messages);
  useEffect(() => {
    resyncRef.current = onResync;
    messagesRef.current = messages;
  }, [onResync, messages]);

  useEffect(() => {
    const socket: BoardSocket = io({
      path: "/socket.io",
      transports: ["websocket"],
      // A connection of its own, so these reconnect settings are the ones that apply.
      forceNew: true,
      // Back within a moment after a short cut; the spread keeps a room of pages from knocking at once.
      reconnectionDelay: 250,
      reconnectionDelayMax: 2000,
      randomizationFactor: 0.5,
    });
    socketRef.current = socket;
    const outbox = new BoardOutbox<Pending>({
      send: (item, settle) => {
        if (!socket.connected) return settle({ kind: "retry" });
        socket
          .timeout(opAnswerMs)
          .emit("board:op", { conferenceId, clientOpId: item.clientOpId, op: item.op }, (failure: Error | null, ack: BoardOpAck) =>
            settle(failure ? { kind: "retry" } : outcomeOf(ack)),
          );
      },
      onChange: setPending,
      onRefused: (_item, message) => setError(message),
      // A new card depends on nothing else that is waiting; anything else keeps its place in line.
      independent: (item) => item.op.kind === "card.add",
    });
    outboxRef.current = outbox;
    let current = { board: emptyBoard, seq: 0 };
    let buffered: AppliedOperation[] = [];
    let gapTimer: ReturnType<typeof setTimeout> | undefined;
    const join = (afterSeq = current.seq) =>
      socket.emit("board:join", { conferenceId, afterSeq }, (ack: BoardJoinAck) => {
        if (!ack.ok) return setError(ack.message);
        if (ack.mode === "snapshot") {
          buffered = buffered.filter((applied) => applied.seq > ack.seq);
          current = { board: { cards: new Map(ack.cards.map((c) => [c.id, c])), meta: ack.meta }, seq: ack.seq };
        } else {
          buffered.push(...ack.operations);
        }
        flush();
        // What was typed while offline goes out now, once for this connection.
        if (socket.id) outbox.online(socket.id);
      });
    // Everything that arrived is applied in one go and painted in one render, however many it is.
    const flush = () => {
      buffered.sort((a, b) => a.seq - b.seq);
      let { board, seq } = current;
      const rest: AppliedOperation[] = [];
      for (const applied of buffered) {
        if (applied.seq === seq + 1) {
          board = applyOperation(board, applied);
          seq = applied.seq;
        } else if (applied.seq > seq + 1) rest.push(applied);
      }
      buffered = rest;
      // A missing number that does not arrive soon is fetched: ask for everything after the last one.
      clearTimeout(gapTimer);
      if (rest.length > 0) gapTimer = setTimeout(() => join(), 500);
      current = { board, seq };
      setConfirmed(current);
    };
    socket.on("connect", () => {
      setConnected(true);
      join();
    });
    socket.on("disconnect", () => {
      setConnected(false);
      outbox.offline();
    });
    // The browser says the network is back: reconnect now instead of waiting out the backoff.
    const reconnectNow = () => {
      if (!socket.connected) socket.disconnect().connect();
    };
    window.addEventListener("online", reconnectNow);
    socket.on("board:applied", (applied) => {
      buffered.push(applied);
      flush();
    });
    // What this person may see changed (a consent): take the whole board again, redacted anew.
    socket.on("board:resync", () => {
      join(0);
      resyncRef.current?.();
    });
    socket.on("session:revoked", () => setError(messagesRef.current.sessionEnded));
    socket.on("board:presence", (update) => setPresent(update.people));
    const typingTimers = new Map<string, ReturnType<typeof setTimeout>>();
    socket.on("board:typing", ({ userId }) => {
      setTyping((current) => (current.includes(userId) ? current : [...current, userId]));
      clearTimeout(typingTimers.get(userId));
      typingTimers.set(
        userId,
        setTimeout(() => setTyping((current) => current.filter((id) => id !== userId)), 4000),
      );
    });
    return () => {
      clearTimeout(gapTimer);
      for (const timer of typingTimers.values()) clearTimeout(timer);
      window.removeEventListener("online", reconnectNow);
      outbox.dispose();
      // Another meeting's operations are not this one's.
      setPending([]);
      socket.disconnect();
    };
  }, [conferenceId]);

  // Stable across renders, so the cards that hold it need not render again when the board changes.
  const submit = useCallback((op: BoardOperation) => {
    setError(null);
    outboxRef.current?.push({ clientOpId: crypto.randomUUID().replace(/-/g, ""), op });
  }, []);

  const board = useMemo(() => {
    let view = confirmed.board;
    for (const item of pending) view = applyOperation(view, { seq: 0, actorUserId: selfId, op: item.op });
    return view;
  }, [confirmed, pending, selfId]);

  // At most one "writing" signal every two seconds: enough for the others, cheap for the server.
  const notifyTyping = useCallback(
    function notifyTyping() {
      const wait = lastTypingRef.current + 2000 - Date.now();
      if (wait > 0) {
        // Still writing after the pause: one more signal when it is over.
        typingTimerRef.current ??= setTimeout(() => {
          typingTimerRef.current = undefined;
          notifyTyping();
        }, wait);
        return;
      }
      if (!socketRef.current?.connected) return;
      lastTypingRef.current = Date.now();
      socketRef.current.emit("board:typing", { conferenceId });
    },
    [conferenceId],
  );
  const clearError = useCallback(() => setError(null), []);

  return {
    board,
    present,
    typing,
    notifyTyping,
    connected,
    pendingCount: pending.length,
    error,
    clearError,
    reportError: setError,
    submit,
  };
}
