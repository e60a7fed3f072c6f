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

const emitter = new EventEmitter<Notices>();

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
