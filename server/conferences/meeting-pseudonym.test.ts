import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { meetingPseudonym } from "./meeting-pseudonym";

process.env.IDENTITY_ENCRYPTION_KEY ??= Buffer.alloc(32, 7).toString("base64");

describe("meeting pseudonyms", () => {
  it("are stable within a meeting and differ across meetings and cases", () => {
    const caseId = randomUUID();
    const [first, second] = [randomUUID(), randomUUID()];
    expect(meetingPseudonym(caseId, first)).toBe(meetingPseudonym(caseId, first));
    expect(meetingPseudonym(caseId, first)).toMatch(/^K-[A-Z2-9]{6}$/);
    expect(meetingPseudonym(caseId, first)).not.toBe(meetingPseudonym(caseId, second));
    expect(meetingPseudonym(randomUUID(), first)).not.toBe(meetingPseudonym(caseId, first));
  });

  it("cannot be recomputed without the key", () => {
    const caseId = randomUUID();
    const conferenceId = randomUUID();
    const withKey = meetingPseudonym(caseId, conferenceId);
    const saved = process.env.IDENTITY_ENCRYPTION_KEY;
    process.env.IDENTITY_ENCRYPTION_KEY = Buffer.alloc(32, 9).toString("base64");
    try {
      expect(meetingPseudonym(caseId, conferenceId)).not.toBe(withKey);
    } finally {
      process.env.IDENTITY_ENCRYPTION_KEY = saved;
    }
  });

  it("spread evenly enough that a meeting's few cases practically never share a name", () => {
    const conferenceId = randomUUID();
    const names = new Set(Array.from({ length: 2000 }, () => meetingPseudonym(randomUUID(), conferenceId)));
    expect(names.size).toBeGreaterThan(1995);
  });
});
