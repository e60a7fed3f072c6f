import { EventEmitter } from "node:events";

/**
 * Changes made through tRPC that live boards must react to at once. The socket server listens;
 * services only announce, so they stay free of socket.io.
 */
interface Notices {
  /** A consent of the case was given or revoked: what each participant may see has changed. */
  "consent-changed": [caseId: string];
}

const emitter = new EventEmitter<Notices>();

export function announceConsentChanged(caseId: string) {
  emitter.emit("consent-changed", caseId);
}

export function onConsentChanged(listener: (caseId: string) => void): () => void {
  emitter.on("consent-changed", listener);
  return () => emitter.off("consent-changed", listener);
}
