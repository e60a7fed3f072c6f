/**
 * tRPC's HTTP adapter does not look at Content-Type or Origin, so a form or text/plain POST from
 * another site would reach procedures with the victim's cookie. Refuse those before tRPC runs.
 */
export function rejectCrossSiteRequest(req: Request): Response | null {
  const fetchSite = req.headers.get("sec-fetch-site");
  if (fetchSite && fetchSite !== "same-origin" && fetchSite !== "none") {
    return refuse("Anfragen von fremden Seiten sind nicht erlaubt.");
  }
  const origin = req.headers.get("origin");
  if (origin && origin !== new URL(req.url).origin && origin !== expectedOrigin(req)) {
    return refuse("Anfragen von fremden Seiten sind nicht erlaubt.");
  }
  if (req.method === "POST") {
    const contentType = req.headers.get("content-type") ?? "";
    if (!contentType.toLowerCase().startsWith("application/json")) {
      return refuse("Nur JSON-Anfragen werden angenommen.", 415);
    }
  }
  return null;
}

function expectedOrigin(req: Request): string | null {
  const host = req.headers.get("host");
  if (!host) return null;
  const protocol = req.headers.get("x-forwarded-proto") ?? new URL(req.url).protocol.replace(":", "");
  return `${protocol}://${host}`;
}

function refuse(message: string, status = 403): Response {
  return Response.json({ error: { message } }, { status, headers: { "Cache-Control": "no-store" } });
}
