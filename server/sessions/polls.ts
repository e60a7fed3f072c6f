import { and, asc, desc, eq, inArray, isNull } from "drizzle-orm";
import type { Database } from "@/db";
import { bodySessions, casePollAnswers, casePolls, cases, themes, users } from "@/db/schema";
import { countViewFor } from "../aggregates/count-view";
import { shownCount } from "../aggregates/shown-count";
import { recordAuditEvent } from "../audit/record-audit-event";
import { can, type Actor } from "../auth/policy";
import { findIdentityLeaksInCases, leakedFieldNames } from "../cases/identity-leaks";
import { AppError } from "../errors";
import type { AnswerPollInput, CreatePollInput } from "../schemas/sessions";
import { requireBody, tenantBodies, visibleBodyIds } from "../bodies/policy";
import { mayReadPollAnswers } from "./policy";

async function themeTitles(db: Database, tenantId: string, themeIds: string[]) {
  if (themeIds.length === 0) return new Map<string, string>();
  const rows = await db
    .select({ id: themes.id, title: themes.title })
    .from(themes)
    .where(and(eq(themes.tenantId, tenantId), inArray(themes.id, themeIds)));
  return new Map(rows.map((r) => [r.id, r.title]));
}

export async function createPoll(db: Database, actor: Actor, input: CreatePollInput) {
  if (!can(actor, "polls.manage", { tenantId: actor.tenantId })) throw new AppError("FORBIDDEN", "errors.forbidden");
  await requireBody(db, actor, input.bodyId, "view");
  if (input.sessionId) {
    const [session] = await db
      .select({ id: bodySessions.id })
      .from(bodySessions)
      .where(and(eq(bodySessions.id, input.sessionId), eq(bodySessions.bodyId, input.bodyId), eq(bodySessions.tenantId, actor.tenantId)));
    if (!session) throw new AppError("INVALID_INPUT", "sessions.errors.unknownSession", "sessionId");
  }
  const themeIds = [...new Set(input.themeIds)];
  const found = await db
    .select({ id: themes.id })
    .from(themes)
    .where(and(eq(themes.tenantId, actor.tenantId), inArray(themes.id, themeIds), isNull(themes.mergedIntoThemeId)));
  if (found.length !== themeIds.length) throw new AppError("INVALID_INPUT", "sessions.errors.unknownTheme", "themeIds");
  return db.transaction(async (tx) => {
    const [poll] = await tx
      .insert(casePolls)
      .values({
        tenantId: actor.tenantId,
        bodyId: input.bodyId,
        sessionId: input.sessionId,
        question: input.question,
        themeIds,
        dueDate: input.dueDate,
        createdByUserId: actor.userId,
      })
      .returning();
    await recordAuditEvent(tx, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      action: "sessions.poll_created",
      target: { type: "case_poll", id: poll!.id },
      details: { bodyId: input.bodyId, themes: themeIds.length },
    });
    return poll!;
  });
}

export async function closePoll(db: Database, actor: Actor, pollId: string) {
  if (!can(actor, "polls.manage", { tenantId: actor.tenantId })) throw new AppError("FORBIDDEN", "errors.forbidden");
  await db.transaction(async (tx) => {
    const [closed] = await tx
      .update(casePolls)
      .set({ closedAt: new Date() })
      .where(and(eq(casePolls.id, pollId), eq(casePolls.tenantId, actor.tenantId), isNull(casePolls.closedAt)))
      .returning({ id: casePolls.id });
    if (!closed) throw new AppError("NOT_FOUND", "errors.notFound");
    await recordAuditEvent(tx, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      action: "sessions.poll_closed",
      target: { type: "case_poll", id: pollId },
    });
  });
}

/**
 * Polls of the bodies the actor follows, with per-theme counts. Answers are case managers' free
 * text about cases, so only the coordination gets exact figures (and the text, in `pollAnswers`);
 * everyone else sees counts below the tenant's minimum group size as "fewer than k" (A10).
 */
export async function listPolls(db: Database, actor: Actor) {
  const all = await tenantBodies(db, actor.tenantId);
  const visible = visibleBodyIds(actor, all);
  const ids = visible === "all" ? all.map((b) => b.id) : [...visible];
  const canManage = mayReadPollAnswers(actor);
  const view = await countViewFor(db, actor);
  if (ids.length === 0) return { exact: view.exact, canManage, polls: [] };
  const polls = await db
    .select()
    .from(casePolls)
    .where(and(eq(casePolls.tenantId, actor.tenantId), inArray(casePolls.bodyId, ids)))
    .orderBy(desc(casePolls.createdAt));
  const answers = polls.length
    ? await db
        .select({ pollId: casePollAnswers.pollId, themeId: casePollAnswers.themeId, caseCount: casePollAnswers.caseCount })
        .from(casePollAnswers)
        .where(
          inArray(
            casePollAnswers.pollId,
            polls.map((p) => p.id),
          ),
        )
    : [];
  const titles = await themeTitles(db, actor.tenantId, [...new Set(polls.flatMap((p) => p.themeIds))]);
  const names = new Map(all.map((b) => [b.id, b.name]));
  return {
    exact: view.exact,
    canManage,
    polls: polls.map((poll) => ({
      id: poll.id,
      bodyId: poll.bodyId,
      bodyName: names.get(poll.bodyId) ?? "",
      sessionId: poll.sessionId,
      question: poll.question,
      dueDate: poll.dueDate,
      closedAt: poll.closedAt,
      themes: poll.themeIds.map((themeId) => {
        const mine = answers.filter((a) => a.pollId === poll.id && a.themeId === themeId);
        return {
          themeId,
          title: titles.get(themeId) ?? "",
          answerCount: shownCount(view, mine.length),
          caseCount: shownCount(
            view,
            mine.reduce((sum, a) => sum + a.caseCount, 0),
          ),
        };
      }),
    })),
  };
}

/** The case managers' observations on one poll, per theme: for the coordination only. */
export async function pollAnswers(db: Database, actor: Actor, pollId: string) {
  if (!mayReadPollAnswers(actor)) throw new AppError("FORBIDDEN", "errors.forbidden");
  const [poll] = await db
    .select()
    .from(casePolls)
    .where(and(eq(casePolls.id, pollId), eq(casePolls.tenantId, actor.tenantId)));
  if (!poll) throw new AppError("NOT_FOUND", "errors.notFound");
  const rows = await db
    .select({
      themeId: casePollAnswers.themeId,
      answer: casePollAnswers.answer,
      caseCount: casePollAnswers.caseCount,
      authorName: users.displayName,
      updatedAt: casePollAnswers.updatedAt,
    })
    .from(casePollAnswers)
    .innerJoin(users, eq(users.id, casePollAnswers.authorUserId))
    .where(eq(casePollAnswers.pollId, poll.id))
    .orderBy(asc(casePollAnswers.createdAt));
  const titles = await themeTitles(db, actor.tenantId, poll.themeIds);
  return {
    id: poll.id,
    question: poll.question,
    themes: poll.themeIds.map((themeId) => ({
      themeId,
      title: titles.get(themeId) ?? "",
      answers: rows.filter((r) => r.themeId === themeId),
    })),
  };
}

/** Open polls for a case manager, with what they answered so far. */
export async function openPolls(db: Database, actor: Actor) {
  if (!can(actor, "polls.answer", { tenantId: actor.tenantId })) throw new AppError("FORBIDDEN", "errors.forbidden");
  const polls = await db
    .select()
    .from(casePolls)
    .where(and(eq(casePolls.tenantId, actor.tenantId), isNull(casePolls.closedAt)))
    .orderBy(asc(casePolls.dueDate), asc(casePolls.createdAt));
  const own = polls.length
    ? await db
        .select({
          pollId: casePollAnswers.pollId,
          themeId: casePollAnswers.themeId,
          answer: casePollAnswers.answer,
          caseCount: casePollAnswers.caseCount,
        })
        .from(casePollAnswers)
        .where(
          and(
            eq(casePollAnswers.authorUserId, actor.userId),
            inArray(
              casePollAnswers.pollId,
              polls.map((p) => p.id),
            ),
          ),
        )
    : [];
  const titles = await themeTitles(db, actor.tenantId, [...new Set(polls.flatMap((p) => p.themeIds))]);
  const bodyNames = new Map((await tenantBodies(db, actor.tenantId)).map((b) => [b.id, b.name]));
  return polls.map((poll) => ({
    id: poll.id,
    bodyName: bodyNames.get(poll.bodyId) ?? "",
    question: poll.question,
    dueDate: poll.dueDate,
    themes: poll.themeIds.map((themeId) => {
      const answer = own.find((a) => a.pollId === poll.id && a.themeId === themeId);
      return { themeId, title: titles.get(themeId) ?? "", answer: answer?.answer ?? null, caseCount: answer?.caseCount ?? null };
    }),
  }));
}

/**
 * A case manager's observation on one theme. It must be pseudonymised: an answer naming any
 * identity field of one of their own cases is refused, naming the field and never the value.
 */
export async function answerPoll(db: Database, actor: Actor, input: AnswerPollInput) {
  if (!can(actor, "polls.answer", { tenantId: actor.tenantId })) throw new AppError("FORBIDDEN", "errors.forbidden");
  const [poll] = await db
    .select()
    .from(casePolls)
    .where(and(eq(casePolls.id, input.pollId), eq(casePolls.tenantId, actor.tenantId)));
  if (!poll) throw new AppError("NOT_FOUND", "errors.notFound");
  if (poll.closedAt) throw new AppError("CONFLICT", "sessions.errors.pollClosed");
  if (!poll.themeIds.includes(input.themeId)) throw new AppError("INVALID_INPUT", "sessions.errors.unknownTheme", "themeId");

  const ownCases = await db
    .select({ id: cases.id })
    .from(cases)
    .where(and(eq(cases.tenantId, actor.tenantId), eq(cases.responsibleUserId, actor.userId), isNull(cases.identityErasedAt)));
  const leaks = await findIdentityLeaksInCases(
    db,
    ownCases.map((c) => c.id),
    [input.answer],
  );
  if (leaks.length > 0) {
    await recordAuditEvent(db, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      action: "sessions.poll_answer_rejected",
      outcome: "failure",
      target: { type: "case_poll", id: poll.id },
      details: { fields: leaks },
    });
    throw new AppError("INVALID_INPUT", "sessions.errors.answerContainsIdentity", "answer", { fields: leakedFieldNames(leaks) });
  }

  return db.transaction(async (tx) => {
    const [saved] = await tx
      .insert(casePollAnswers)
      .values({ pollId: poll.id, themeId: input.themeId, authorUserId: actor.userId, answer: input.answer, caseCount: input.caseCount })
      .onConflictDoUpdate({
        target: [casePollAnswers.pollId, casePollAnswers.themeId, casePollAnswers.authorUserId],
        set: { answer: input.answer, caseCount: input.caseCount, updatedAt: new Date() },
      })
      .returning();
    await recordAuditEvent(tx, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      action: "sessions.poll_answered",
      target: { type: "case_poll", id: poll.id },
      details: { themeId: input.themeId },
    });
    return { id: saved!.id };
  });
}
