import { EventEmitter } from "node:events";

/**
 * Changes made through tRPC that live boards must react to at once. The socket server listens;
 * services only announce, so they stay free of socket.io.
 */
interface Notices {
  /** A consent of the case was given or revoked: what each participant may see has changed. */
  "consent-changed": [caseId: string];
  /** A user's sessions were voided (deactivated, roles changed, guest revoked): cut their sockets. */
  "access-changed": [userId: string];
}

// One emitter per process, also when the services run inside Next's bundle and the socket server
// outside it (each loads its own copy of this module), like the database handle.
const holder = globalThis as { __kimNotices?: EventEmitter<Notices> };
const emitter = (holder.__kimNotices ??= new EventEmitter<Notices>());

export function announceConsentChanged(caseId: string) {
  emitter.emit("consent-changed", caseId);
}

export function onConsentChanged(listener: (caseId: string) => void): () => void {
  emitter.on("consent-changed", listener);
  return () => emitter.off("consent-changed", listener);
}

export function announceAccessChanged(userId: string) {
  emitter.emit("access-changed", userId);
}

export function onAccessChanged(listener: (userId: string) => void): () => void {
  emitter.on("access-changed", listener);
  return () => emitter.off("access-changed", listener);
}
