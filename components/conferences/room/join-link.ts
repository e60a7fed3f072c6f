import QRCode from "qrcode";

/** A QR code as one SVG path: one unit square per dark module. */
export interface QrCode {
  size: number;
  path: string;
}

export function qrCodeOf(text: string): QrCode {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: "M" });
  let path = "";
  for (let y = 0; y < modules.size; y++) for (let x = 0; x < modules.size; x++) if (modules.get(y, x)) path += `M${x} ${y}h1v1h-1z`;
  return { size: modules.size, path };
}

const shortCodeLength = 8;

/**
 * The short code of a conference for the room's join hint: the start of its id, short enough to
 * type from the back of a room. It opens nothing by itself: the link leads to sign-in and to the
 * conference only for people invited to it.
 */
export function shortCodeOf(conferenceId: string): string {
  return conferenceId.replace(/-/g, "").slice(0, shortCodeLength);
}

export function matchesShortCode(conferenceId: string, code: string): boolean {
  return code.length === shortCodeLength && shortCodeOf(conferenceId) === code.toLowerCase();
}
