import { healthResponse } from "@/server/security/health";

export const dynamic = "force-dynamic";

export function GET() {
  return healthResponse();
}
