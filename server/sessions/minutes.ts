import { and, eq, isNull } from "drizzle-orm";
import type { Database } from "@/db";
import { bodySessions } from "@/db/schema";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Actor } from "../auth/policy";
import { AppError } from "../errors";
import { translate } from "../i18n/translate";
import { lockSharedDocumentAt } from "../shared-documents/storage";
import { validateRichText, type RichTextDoc, type RichTextNode } from "../rich-text/validate";
import { requireSession } from "./policy";
import { currentMinutes, getSession, minutesAddress, type SessionView } from "./sessions";

const t = (key: string, values?: Record<string, string | number>) => translate(`sessions.draftDoc.${key}`, values);
const dateTime = new Intl.DateTimeFormat("de-DE", { timeZone: "Europe/Berlin", dateStyle: "long", timeStyle: "short" });

const textNode = (text: string, bold = false): RichTextNode =>
  bold ? { type: "text", text, marks: [{ type: "bold" }] } : { type: "text", text };
const paragraph = (...parts: RichTextNode[]): RichTextNode =>
  parts.length ? { type: "paragraph", content: parts } : { type: "paragraph" };

export function decisionLine(decision: NonNullable<SessionView["agenda"][number]["decision"]>): string {
  const votes = [decision.votesFor, decision.votesAgainst, decision.votesAbstain].some((v) => v !== null)
    ? ` ${t("votes", { for: decision.votesFor ?? 0, against: decision.votesAgainst ?? 0, abstain: decision.votesAbstain ?? 0 })}`
    : "";
  return `${t("decision", { outcome: translate(`sessions.outcomes.${decision.outcome}`) })}${votes}${decision.text ? `: ${decision.text}` : ""}`;
}

/**
 * A first draft of the minutes from what the session recorded: attendance, the agenda in order,
 * notes and decisions. It is not stored: the editor inserts it into the shared minutes.
 */
export function draftMinutesDoc(view: SessionView): RichTextDoc {
  const person = (a: SessionView["attendance"][number]) => (a.organisationName ? `${a.name} (${a.organisationName})` : a.name);
  const present = view.attendance.filter((a) => a.present === true).map(person);
  const absent = view.attendance.filter((a) => a.present === false).map(person);
  const content: RichTextNode[] = [
    paragraph(textNode(t("heading", { body: view.body.name, title: view.session.title }), true)),
    paragraph(textNode(t("when", { date: dateTime.format(view.session.scheduledAt), place: view.session.place || "—" }))),
    paragraph(textNode(t("present", { names: present.join(", ") || t("nobody") }))),
    paragraph(textNode(t("absent", { names: absent.join(", ") || t("nobody") }))),
  ];
  if (view.agenda.length === 0) {
    content.push(paragraph(textNode(t("noAgenda"))));
  } else {
    content.push({
      type: "orderedList",
      attrs: { start: 1, type: null },
      content: view.agenda.map((item) => {
        const parts: RichTextNode[] = [paragraph(textNode(`${translate(`sessions.agendaKinds.${item.kind}`)}: ${item.title}`, true))];
        if (item.notes) parts.push(paragraph(textNode(item.notes)));
        parts.push(paragraph(textNode(item.decision ? decisionLine(item.decision) : t("noDecision"))));
        return { type: "listItem", content: parts };
      }),
    });
  }
  // Through the same gate as a saved document, so a draft can always be saved unchanged; the JSON
  // round trip turns ProseMirror's prototype-less attribute objects into what a client would send.
  return JSON.parse(JSON.stringify(validateRichText({ type: "doc", content }).doc)) as RichTextDoc;
}

export async function minutesDraft(db: Database, actor: Actor, sessionId: string) {
  await requireSession(db, actor, sessionId, "manage");
  return { doc: draftMinutesDoc(await getSession(db, actor, sessionId)) };
}

/**
 * The minutes of `sessionId` are approved at a later session of the same body and frozen as they
 * stand. The shared document is locked meanwhile: an edit lands before the text is frozen or is
 * refused after it.
 */
export async function approveMinutes(db: Database, actor: Actor, sessionId: string, approvingSessionId: string) {
  const { session } = await requireSession(db, actor, sessionId, "manage");
  const { session: approving } = await requireSession(db, actor, approvingSessionId, "manage");
  if (approving.bodyId !== session.bodyId) throw new AppError("INVALID_INPUT", "sessions.errors.approveInSameBody", "approvingSessionId");
  if (approving.scheduledAt <= session.scheduledAt)
    throw new AppError("INVALID_INPUT", "sessions.errors.approveAtLaterSession", "approvingSessionId");
  if (session.minutesApprovedInSessionId) throw new AppError("CONFLICT", "sessions.errors.minutesApproved");
  await db.transaction(async (tx) => {
    await lockSharedDocumentAt(tx, minutesAddress(session.id));
    const minutes = await currentMinutes(tx, session);
    if (!minutes) throw new AppError("CONFLICT", "sessions.errors.noMinutes");
    const { doc: frozen, text } = validateRichText(minutes);
    if (!text.trim()) throw new AppError("CONFLICT", "sessions.errors.noMinutes");
    const [updated] = await tx
      .update(bodySessions)
      .set({ minutes: frozen, minutesApprovedInSessionId: approving.id, minutesApprovedAt: new Date(), status: "closed" })
      .where(and(eq(bodySessions.id, session.id), isNull(bodySessions.minutesApprovedInSessionId)))
      .returning({ id: bodySessions.id });
    // Checked again in the update: an approval in between wins.
    if (!updated) throw new AppError("CONFLICT", "sessions.errors.minutesApproved");
    await recordAuditEvent(tx, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      action: "sessions.minutes_approved",
      target: { type: "body_session", id: session.id },
      details: { approvingSessionId: approving.id },
    });
  });
}
