import { createHmac } from "node:crypto";
import { getIdentityKeys } from "./identity-keys";

const alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/**
 * The name a case has in one meeting: a keyed hash of case and meeting, so it is stable within the
 * meeting and its protocol, but people who meet the case in two meetings cannot tell it is the same
 * one, and without the key nobody can go back from the name to the case.
 */
export function meetingPseudonym(caseId: string, conferenceId: string): string {
  const digest = createHmac("sha256", getIdentityKeys().blindIndex).update(`meeting-pseudonym\0${caseId}\0${conferenceId}`).digest();
  let name = "";
  for (let i = 0; i < 6; i++) name += alphabet[digest[i]! % alphabet.length];
  return `K-${name}`;
}
