"use client";

import { useCallback, useSyncExternalStore } from "react";
import { io, type Socket } from "socket.io-client";
import * as Y from "yjs";
import type { ClientToServerEvents, ServerToClientEvents } from "@/server/schemas/realtime";
import {
  addressOf,
  decodeBase64,
  documentAddressFromId,
  documentAddressId,
  encodeBase64,
  maxDocumentUpdateBytes,
  type DocApplied,
  type DocAwareness,
  type DocJoinAck,
  type DocUpdateAck,
  type DocumentAddress,
} from "@/server/schemas/shared-documents";

export type DocumentSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** "connecting" until the first join, "sending" while changes are not yet stored, "saved" after. */
export type SyncStatus = "connecting" | "offline" | "sending" | "saved";

export interface SharedDocumentSnapshot {
  doc: Y.Doc;
  /** Changes when the local copy had to be replaced by the server's (after a refused change). */
  generation: number;
  status: SyncStatus;
  readOnly: boolean;
  error: string | null;
  /** Display names of the others who are writing right now. */
  writers: string[];
}

/** Marks changes that came from the server, so they are not sent back. */
const remoteOrigin = Symbol("remote");
const ackTimeoutMs = 10_000;
const typingQuietMs = 2_000;
const writerExpiryMs = 5_000;
const resyncDelayMs = 300;

/**
 * Keeps one Y.Doc in step with the server over a socket.io connection. Local changes are collected
 * for a moment, merged and sent; the server stores each before it acknowledges. After a reconnect
 * the client joins again, receives the stored document and sends everything the server lacks, so
 * no keystroke is lost between a dropped connection and the next join. A change the server refuses
 * (the text was finalised meanwhile, or it is too large) replaces the local copy by the server's.
 */
export class SharedDocumentSync {
  private doc = new Y.Doc();
  private generation = 0;
  private joined = false;
  private hasJoined = false;
  private readOnly = false;
  private error: string | null = null;
  private buffer: Uint8Array[] = [];
  /** Sent but not acknowledged: sent again one by one if the rejoin difference is too large. */
  private unacked = new Set<Uint8Array>();
  private inFlight = 0;
  private flushTimer: ReturnType<typeof setTimeout> | undefined;
  private typingTimer: ReturnType<typeof setTimeout> | undefined;
  private resyncTimer: ReturnType<typeof setTimeout> | undefined;
  private isTyping = false;
  private writers = new Map<string, { displayName: string; until: number }>();
  private writerTimer: ReturnType<typeof setInterval> | undefined;
  private listeners = new Set<() => void>();
  private snapshot: SharedDocumentSnapshot;
  private stopped = false;
  private readonly addressId: string;

  constructor(
    private readonly socket: DocumentSocket,
    readonly address: DocumentAddress,
    private readonly options: { flushDelayMs?: number } = {},
  ) {
    this.address = addressOf(address);
    this.addressId = documentAddressId(address);
    this.snapshot = this.makeSnapshot();
    this.doc.on("update", this.onLocalUpdate);
    socket.on("connect", this.onConnect);
    socket.on("disconnect", this.onDisconnect);
    socket.on("doc:applied", this.onApplied);
    socket.on("doc:awareness", this.onAwareness);
    this.writerTimer = setInterval(this.expireWriters, 1_000);
    if (socket.connected) this.join();
  }

  getSnapshot = (): SharedDocumentSnapshot => this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The current document; replaced (with a new generation) only after a refused change. */
  get document(): Y.Doc {
    return this.doc;
  }

  /** True when every local change is stored on the server. */
  get isSettled(): boolean {
    return this.joined && this.inFlight === 0 && this.buffer.length === 0 && this.unacked.size === 0;
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.flushTimer);
    clearTimeout(this.typingTimer);
    clearTimeout(this.resyncTimer);
    clearInterval(this.writerTimer);
    this.doc.off("update", this.onLocalUpdate);
    this.socket.off("connect", this.onConnect);
    this.socket.off("disconnect", this.onDisconnect);
    this.socket.off("doc:applied", this.onApplied);
    this.socket.off("doc:awareness", this.onAwareness);
    this.listeners.clear();
  }

  private makeSnapshot(): SharedDocumentSnapshot {
    const pending = this.inFlight > 0 || this.buffer.length > 0 || this.unacked.size > 0;
    const status: SyncStatus = !this.hasJoined
      ? "connecting"
      : !this.socket.connected
        ? "offline"
        : !this.joined || pending
          ? "sending"
          : "saved";
    const writers = [...this.writers.values()].map((w) => w.displayName).sort((a, b) => a.localeCompare(b, "de"));
    return { doc: this.doc, generation: this.generation, status, readOnly: this.readOnly, error: this.error, writers };
  }

  private notify() {
    if (this.stopped) return;
    this.snapshot = this.makeSnapshot();
    for (const listener of this.listeners) listener();
  }

  private onConnect = () => this.join();

  private onDisconnect = () => {
    this.joined = false;
    this.inFlight = 0;
    this.notify();
  };

  private join() {
    this.joined = false;
    this.socket.timeout(ackTimeoutMs).emit("doc:join", this.address, (timeout: Error | null, ack: DocJoinAck) => {
      if (this.stopped) return;
      if (timeout) {
        // No answer: try again while connected; otherwise the reconnect joins again.
        if (this.socket.connected) this.join();
        return;
      }
      if (!ack.ok) {
        this.error = ack.message;
        return this.notify();
      }
      const serverState = decodeBase64(ack.update);
      Y.applyUpdate(this.doc, serverState, remoteOrigin);
      this.readOnly = ack.readOnly;
      this.joined = true;
      this.hasJoined = true;
      const pending = [...this.unacked];
      this.unacked.clear();
      this.buffer = [];
      if (!this.readOnly) {
        // Everything the server lacks: changes made offline and those whose acknowledgement was lost.
        const missing = Y.encodeStateAsUpdate(this.doc, Y.encodeStateVectorFromUpdate(serverState));
        if (hasContent(missing)) {
          if (missing.byteLength <= maxDocumentUpdateBytes) this.send(missing);
          else for (const update of pending) this.send(update);
        }
      }
      this.notify();
    });
  }

  private onLocalUpdate = (update: Uint8Array, origin: unknown) => {
    if (origin === remoteOrigin) return;
    this.buffer.push(update);
    this.markTyping();
    clearTimeout(this.flushTimer);
    this.flushTimer = setTimeout(() => this.flush(), this.options.flushDelayMs ?? 80);
    this.notify();
  };

  /** Sends the collected changes as one update, or one by one when together they are too large. */
  flush(): void {
    if (!this.joined || !this.socket.connected || this.buffer.length === 0 || this.readOnly) return;
    const merged = Y.mergeUpdates(this.buffer);
    const updates = merged.byteLength <= maxDocumentUpdateBytes ? [merged] : this.buffer;
    this.buffer = [];
    for (const update of updates) this.send(update);
  }

  private send(update: Uint8Array) {
    this.inFlight += 1;
    this.unacked.add(update);
    this.notify();
    const payload = { ...this.address, update: encodeBase64(update) };
    this.socket.timeout(ackTimeoutMs).emit("doc:update", payload, (timeout: Error | null, ack: DocUpdateAck) => {
      if (this.stopped) return;
      // A lost acknowledgement: joining again sends whatever the server still lacks.
      if (timeout) {
        this.inFlight = Math.max(0, this.inFlight - 1);
        if (this.socket.connected) this.join();
        return;
      }
      this.inFlight = Math.max(0, this.inFlight - 1);
      this.unacked.delete(update);
      if (!ack.ok) {
        this.error = ack.message;
        this.reset();
        return;
      }
      if (!ack.stored) return this.resyncSoon();
      this.error = null;
      this.notify();
    });
  }

  /**
   * The server did not store a change for now: stop sending (later changes build on it) and join
   * again in a moment, which sends everything the server lacks in one piece.
   */
  private resyncSoon() {
    this.joined = false;
    this.notify();
    if (this.resyncTimer) return;
    this.resyncTimer = setTimeout(() => {
      this.resyncTimer = undefined;
      if (this.socket.connected && !this.stopped) this.join();
    }, resyncDelayMs);
  }

  /** Drops the local copy, which holds a change the server refused, and loads the server's. */
  private reset() {
    this.doc.off("update", this.onLocalUpdate);
    this.doc.destroy();
    this.doc = new Y.Doc();
    this.doc.on("update", this.onLocalUpdate);
    this.generation += 1;
    this.hasJoined = false;
    this.buffer = [];
    this.unacked.clear();
    this.inFlight = 0;
    this.notify();
    if (this.socket.connected) this.join();
  }

  private onApplied = (applied: DocApplied) => {
    if (documentAddressId(applied) !== this.addressId) return;
    Y.applyUpdate(this.doc, decodeBase64(applied.update), remoteOrigin);
  };

  private onAwareness = (state: DocAwareness) => {
    if (documentAddressId(state) !== this.addressId) return;
    if (state.typing) this.writers.set(state.userId, { displayName: state.displayName, until: Date.now() + writerExpiryMs });
    else this.writers.delete(state.userId);
    this.notify();
  };

  private expireWriters = () => {
    const now = Date.now();
    let changed = false;
    for (const [userId, writer] of this.writers) {
      if (writer.until < now) {
        this.writers.delete(userId);
        changed = true;
      }
    }
    if (changed) this.notify();
  };

  private markTyping() {
    if (!this.isTyping && this.joined) {
      this.isTyping = true;
      this.socket.emit("doc:awareness", { ...this.address, typing: true });
    }
    clearTimeout(this.typingTimer);
    this.typingTimer = setTimeout(() => {
      this.isTyping = false;
      if (this.socket.connected) this.socket.emit("doc:awareness", { ...this.address, typing: false });
    }, typingQuietMs);
  }
}

/** Whether an update carries anything; the server ignores deletions it already has. */
function hasContent(update: Uint8Array): boolean {
  const { structs, ds } = Y.decodeUpdate(update);
  return structs.length > 0 || ds.clients.size > 0;
}

let sharedSocket: { socket: DocumentSocket; users: number } | null = null;

/** One connection for all shared documents on a page, closed when the last editor goes. */
function acquireSocket(): DocumentSocket {
  sharedSocket ??= { socket: io({ path: "/socket.io", transports: ["websocket"] }), users: 0 };
  sharedSocket.users += 1;
  return sharedSocket.socket;
}

function releaseSocket() {
  if (!sharedSocket) return;
  sharedSocket.users -= 1;
  if (sharedSocket.users <= 0) {
    sharedSocket.socket.disconnect();
    sharedSocket = null;
  }
}

const idleSnapshot: SharedDocumentSnapshot = {
  doc: new Y.Doc(),
  generation: -1,
  status: "connecting",
  readOnly: true,
  error: null,
  writers: [],
};

/** Open documents of this page, shared by every component that shows the same key. */
const openDocuments = new Map<string, { sync: SharedDocumentSync; users: number }>();

function acquireDocument(id: string): SharedDocumentSync {
  let entry = openDocuments.get(id);
  if (!entry) {
    entry = { sync: new SharedDocumentSync(acquireSocket(), documentAddressFromId(id)), users: 0 };
    openDocuments.set(id, entry);
  }
  entry.users += 1;
  return entry.sync;
}

function releaseDocument(id: string) {
  const entry = openDocuments.get(id);
  if (!entry) return;
  entry.users -= 1;
  if (entry.users > 0) return;
  openDocuments.delete(id);
  // Changes still collected go out before the editor disappears.
  entry.sync.flush();
  entry.sync.stop();
  releaseSocket();
}

/** A shared document for a React component: its Y.Doc, sync status and who else is writing. */
export function useSharedDocument(address: DocumentAddress): SharedDocumentSnapshot {
  const id = documentAddressId(address);
  const subscribe = useCallback(
    (listener: () => void) => {
      const sync = acquireDocument(id);
      const unsubscribe = sync.subscribe(listener);
      listener();
      return () => {
        unsubscribe();
        releaseDocument(id);
      };
    },
    // Keyed by the id: the address object may be new on every render.
    [id],
  );
  const getSnapshot = useCallback(() => openDocuments.get(id)?.sync.getSnapshot() ?? idleSnapshot, [id]);
  return useSyncExternalStore(subscribe, getSnapshot, () => idleSnapshot);
}
