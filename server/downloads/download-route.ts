import { cookies } from "next/headers";
import { getDb } from "@/db";
import { actorFromCookies } from "../auth/session";
import { serveDownload, type DownloadSpec } from "./serve-download";

/** A route handler (GET) serving one download for the signed-in person. */
export function downloadRoute<Params, Input>(spec: DownloadSpec<Params, Input>) {
  return async (request: Request, context: { params: Promise<Params> }) => {
    const actor = await actorFromCookies(await cookies());
    return serveDownload(request, await context.params, spec, { db: await getDb(), actor });
  };
}
