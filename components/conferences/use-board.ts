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

/**
 * The live board of one conference. The server's numbered operations are the truth; the client
 * applies its own operations at once (pending) and drops them again if the server refuses. After a
 * reconnect it asks for everything after the last number it saw and resends what was not confirmed.
 */
export function useBoard(conferenceId: string, selfId: string, messages: { sessionEnded: string }, onResync?: () => void): BoardConnection {
  const [confirmed, setConfirmed] = useState<{ board: BoardState; seq: number }>({ board: emptyBoard, seq: 0 });
  const [pending, setPending] = useState<Pending[]>([]);
  const [connected, setConnected] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [present, setPresent] = useState<PresencePerson[]>([]);
  const [typing, setTyping] = useState<string[]>([]);
  const lastTypingRef = useRef(0);
  const typingTimerRef = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const socketRef = useRef<BoardSocket | null>(null);
  const sendRef = useRef<((item: Pending) => void) | null>(null);
  const seqRef = useRef(0);
  const pendingRef = useRef<Pending[]>([]);
  const resyncRef = useRef(onResync);
  useEffect(() => {
    resyncRef.current = onResync;
  }, [onResync]);

  useEffect(() => {
    const socket: BoardSocket = io({ path: "/socket.io", transports: ["websocket"] });
    socketRef.current = socket;
    let buffered: AppliedOperation[] = [];
    let gapTimer: ReturnType<typeof setTimeout> | undefined;
    const join = (afterSeq = seqRef.current) =>
      socket.emit("board:join", { conferenceId, afterSeq }, (ack: BoardJoinAck) => {
        if (!ack.ok) return setError(ack.message);
        if (ack.mode === "snapshot") {
          seqRef.current = ack.seq;
          buffered = buffered.filter((applied) => applied.seq > ack.seq);
          setConfirmed({ board: { cards: new Map(ack.cards.map((c) => [c.id, c])), meta: ack.meta }, seq: ack.seq });
          flush();
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
        let board = current.board;
        let seq = current.seq;
        const rest: AppliedOperation[] = [];
        for (const applied of buffered) {
          if (applied.seq === seq + 1) {
            board = applyOperation(board, applied);
            seq = applied.seq;
          } else if (applied.seq > seq + 1) rest.push(applied);
        }
        buffered = rest;
        seqRef.current = seq;
        // A missing number that does not arrive soon is fetched: ask for everything after the last one.
        clearTimeout(gapTimer);
        if (rest.length > 0) gapTimer = setTimeout(() => join(), 500);
        return { board, seq };
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
    // What this person may see changed (a consent): take the whole board again, redacted anew.
    socket.on("board:resync", () => {
      join(0);
      resyncRef.current?.();
    });
    socket.on("session:revoked", () => setError(messages.sessionEnded));
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
    sendRef.current = send;
    return () => {
      clearTimeout(gapTimer);
      for (const timer of typingTimers.values()) clearTimeout(timer);
      socket.disconnect();
    };
  }, [conferenceId, messages.sessionEnded]);

  // Stable across renders, so the cards that hold it need not render again when the board changes.
  const submit = useCallback((op: BoardOperation) => {
    const item = { clientOpId: crypto.randomUUID().replace(/-/g, ""), op };
    pendingRef.current = [...pendingRef.current, item];
    setPending(pendingRef.current);
    setError(null);
    if (socketRef.current?.connected) sendRef.current?.(item);
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
