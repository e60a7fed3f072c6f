import { errorCodeOf } from "../test/error-code";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db";
import { auditEvents } from "@/db/schema";
import type { Actor } from "../auth/policy";
import type { IdentityInput } from "../schemas/cases";
import { callerFor } from "../test/factories";
import { setUpSessions } from "./test-fixture";

describe("case manager polls", () => {
  let handle: DatabaseHandle;
  let kommuneId: string;
  let organisationId: string;
  let arbeitsgruppe: string;
  let coordinator: Actor;
  let memberL: Actor;
  let memberA: Actor;
  let cm: Actor;
  let themeId: string;
  let sessionA: string;

  beforeAll(async () => {
    ({ handle, kommuneId, organisationId, arbeitsgruppe, coordinator, memberL, memberA, cm, themeId, sessionA } = await setUpSessions());
  });
  afterAll(() => handle.close());

  describe("case manager polls", () => {
    const canary = {
      lastName: "Zyxwvaldottir",
      firstName: "Qurbanella",
      birthDate: "1987-03-14",
      street: "Kanarienweg 77",
      phone: "0171 5550199",
    };
    let pollId: string;

    beforeAll(async () => {
      await callerFor(handle.db, cm).cases.create({
        accessChannel: "screening_referral",
        kommuneId,
        referringOrganisationId: organisationId,
        identity: {
          ...canary,
          authorityContacts: [{ authority: "jobcenter", contactPerson: "Frau Amt", fileNumber: "JC-4711-AZ" }],
        } as IdentityInput,
        screening: { screenedOn: "2026-01-05", problemsByArea: { housing: "Wohnung zu klein" }, verdict: "yes" },
      });
      pollId = (
        await callerFor(handle.db, coordinator).sessions.polls.create({
          bodyId: arbeitsgruppe,
          sessionId: sessionA,
          question: "Was beobachten Sie zur Wohnungssuche?",
          themeIds: [themeId],
          dueDate: "2026-02-01",
        })
      ).id;
    });

    it("refuses an answer naming a field of one's own case, without repeating the value", async () => {
      const answer = callerFor(handle.db, cm).sessions.polls.answer({
        pollId,
        themeId,
        answer: "Frau Zyxwvaldottir sucht seit Monaten",
        caseCount: 1,
      });
      await expect(answer).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("Name") });
      await expect(answer).rejects.not.toMatchObject({ message: expect.stringContaining("Zyxwvaldottir") });
      await expect(
        callerFor(handle.db, cm).sessions.polls.answer({ pollId, themeId, answer: "Angerufen unter 0171 5550199", caseCount: 1 }),
      ).rejects.toMatchObject({ code: "BAD_REQUEST" });
      const [rejected] = await handle.db.select().from(auditEvents).where(eq(auditEvents.action, "sessions.poll_answer_rejected"));
      expect(JSON.stringify(rejected!.details)).not.toContain("Zyxwvaldottir");
    });

    it("refuses an answer naming the person in another spelling or a contact person at an authority", async () => {
      const answer = (text: string) => callerFor(handle.db, cm).sessions.polls.answer({ pollId, themeId, answer: text, caseCount: 1 });
      await expect(answer("Bei QURBANELLA ZYXWVALDÓTTIR klappt es nicht")).rejects.toMatchObject({
        message: expect.stringContaining("(Name, Vorname)"),
      });
      await expect(answer("Frau Amt vom Jobcenter antwortet nicht")).rejects.toMatchObject({
        message: expect.stringContaining("(Ansprechpartner*in)"),
      });
    });

    it("collects a pseudonymised answer per theme, for the coordination to read", async () => {
      await callerFor(handle.db, cm).sessions.polls.answer({
        pollId,
        themeId,
        answer: "Große Familien werden von Vermietern abgelehnt.",
        caseCount: 3,
      });
      await callerFor(handle.db, cm).sessions.polls.answer({ pollId, themeId, answer: "Große Familien finden nichts.", caseCount: 2 });
      const answers = await callerFor(handle.db, coordinator).sessions.polls.answers({ pollId });
      expect(answers.themes[0]!.answers).toEqual([expect.objectContaining({ answer: "Große Familien finden nichts.", caseCount: 2 })]);
      const mine = await callerFor(handle.db, cm).sessions.polls.open();
      expect(mine[0]!.themes[0]).toEqual(expect.objectContaining({ answer: "Große Familien finden nichts.", caseCount: 2 }));
    });

    it("shows body members only counts, and none below the minimum group size (A10)", async () => {
      const forMember = await callerFor(handle.db, memberA).sessions.polls.list();
      expect(forMember.polls[0]!.themes[0]).toEqual({
        themeId,
        title: "Bezahlbarer Wohnraum fehlt",
        answerCount: { lessThan: 5 },
        caseCount: { lessThan: 5 },
      });
      expect(JSON.stringify(forMember)).not.toContain("Große Familien");
      expect(await errorCodeOf(callerFor(handle.db, memberA).sessions.polls.answers({ pollId }))).toBe("FORBIDDEN");
      expect((await callerFor(handle.db, memberL).sessions.polls.list()).polls).toEqual([]);
      const forCoordination = await callerFor(handle.db, coordinator).sessions.polls.list();
      expect(forCoordination.polls[0]!.themes[0]).toEqual(expect.objectContaining({ answerCount: 1, caseCount: 2 }));
      expect(
        await errorCodeOf(
          callerFor(handle.db, memberA).sessions.polls.answer({ pollId, themeId, answer: "Ich bin kein CM", caseCount: 1 }),
        ),
      ).toBe("FORBIDDEN");
    });

    it("takes no answers once closed, nor for themes the poll does not ask about", async () => {
      expect(
        await errorCodeOf(
          callerFor(handle.db, cm).sessions.polls.answer({ pollId, themeId: coordinator.userId, answer: "Falsches Thema", caseCount: 1 }),
        ),
      ).toBe("BAD_REQUEST");
      await callerFor(handle.db, coordinator).sessions.polls.close({ pollId });
      expect(await errorCodeOf(callerFor(handle.db, cm).sessions.polls.answer({ pollId, themeId, answer: "Zu spät", caseCount: 1 }))).toBe(
        "CONFLICT",
      );
      expect(await callerFor(handle.db, cm).sessions.polls.open()).toEqual([]);
    });
  });
});
