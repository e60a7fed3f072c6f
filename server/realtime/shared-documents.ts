import { getDb } from "@/db";
import { AppError } from "../errors";
import {
  addressOf,
  decodeBase64,
  docAwarenessSchema,
  docJoinSchema,
  docUpdateSchema,
  documentAddressId,
  type DocumentAddress,
} from "../schemas/shared-documents";
import { RateLimiterMemory } from "rate-limiter-flexible";
import type { guarded, KimServer, KimSocket } from "./socket-server";
import { conferenceDocumentAccess } from "../conferences/conference-documents";
import { minutesDocumentAccess } from "../sessions/minutes-document";
import type { DocumentAccess } from "../shared-documents/access";
import { sharedDocumentSettings } from "../shared-documents/storage";
import { applySharedDocumentUpdate, getSharedDocumentForJoin } from "../shared-documents/apply-document-update";

function room(address: DocumentAddress) {
  return `doc:${documentAddressId(address)}`;
}

let updateRate = { points: 0, limiter: new RateLimiterMemory({ points: 1, duration: 1 }) };
function updateLimiter(): RateLimiterMemory {
  const points = sharedDocumentSettings.updatesPerSecond;
  if (updateRate.points !== points)
    updateRate = { points, limiter: new RateLimiterMemory({ keyPrefix: "doc-update", points, duration: 1 }) };
  return updateRate.limiter;
}
const maxQueuedUpdates = 100;
const awarenessRate = new RateLimiterMemory({ keyPrefix: "doc-awareness", points: 10, duration: 1 });

async function within(limiter: RateLimiterMemory, socketId: string): Promise<boolean> {
  return limiter.consume(socketId).then(
    () => true,
    () => false,
  );
}

/** Which kind of document an address names, and so who may open and write it. */
function accessOf(address: DocumentAddress): DocumentAccess {
  return "sessionId" in address ? minutesDocumentAccess : conferenceDocumentAccess;
}

/** Either permission opens a document; which one counts is checked per address by its `DocumentAccess`. */
const documentPermissions = ["conferences.take_part", "sessions.view"] as const;

/** The shared-document events of one connection; the same checks as everywhere run per event. */
export function registerSharedDocumentEvents(io: KimServer, socket: KimSocket, guard: typeof guarded): void {
  socket.on(
    "doc:join",
    guard(socket, documentPermissions, docJoinSchema, async (actor, address) => {
      const db = await getDb();
      await accessOf(address).require(db, actor, address);
      // Joined before reading: an update committed in between arrives twice, which Yjs ignores.
      await socket.join(room(address));
      try {
        return await getSharedDocumentForJoin(db, actor, address, accessOf(address));
      } catch (error) {
        await socket.leave(room(address));
        throw error;
      }
    }),
  );
  const handleUpdate = guard(socket, documentPermissions, docUpdateSchema, async (actor, payload) => {
    // Too fast, or missing predecessors: nothing is stored and the client syncs again shortly,
    // sending everything the server lacks. Refusing outright would cost the client its changes.
    if (!(await within(updateLimiter(), socket.id))) return { stored: false };
    const db = await getDb();
    const address = addressOf(payload);
    let bytes: Uint8Array;
    try {
      bytes = decodeBase64(payload.update);
    } catch {
      throw new AppError("INVALID_INPUT", "formulations.documents.invalidUpdate");
    }
    try {
      const { changed } = await applySharedDocumentUpdate(db, actor, { ...address, update: bytes }, accessOf(address));
      // Stored above; only now do the others get it.
      if (changed) socket.to(room(address)).emit("doc:applied", { ...address, update: payload.update });
      return { stored: true };
    } catch (error) {
      if (error instanceof AppError && error.message === "formulations.documents.outOfSync") return { stored: false };
      throw error;
    }
  });
  // socket.io runs handlers side by side; a connection's updates must be stored in the order sent,
  // because each builds on the ones before it.
  let queue: Promise<unknown> = Promise.resolve();
  let queued = 0;
  socket.on("doc:update", (payload, ack) => {
    // A client that runs far ahead of what is stored is flooding, not typing.
    if (++queued > maxQueuedUpdates) {
      socket.disconnect(true);
      return;
    }
    queue = queue
      .then(() => handleUpdate(payload, ack))
      .catch(() => undefined)
      .finally(() => (queued -= 1));
  });
  socket.on(
    "doc:awareness",
    guard(socket, documentPermissions, docAwarenessSchema, async (actor, payload) => {
      if (!(await within(awarenessRate, socket.id))) return;
      const address = addressOf(payload);
      // Only who has joined the document may say they are writing in it; nothing is stored.
      if (!socket.rooms.has(room(address))) throw new AppError("NOT_FOUND", "errors.notFound");
      const db = await getDb();
      await accessOf(address).require(db, actor, address);
      socket
        .to(room(address))
        .emit("doc:awareness", { ...address, userId: actor.userId, displayName: actor.displayName, typing: payload.typing });
    }),
  );
}
