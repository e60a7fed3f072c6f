import type { Database } from "@/db";
import type { Actor } from "../auth/policy";

export interface RequestInfo {
  address: string;
  userAgent: string | null;
}

export interface Context {
  db: Database;
  actor: Actor | null;
  request: RequestInfo;
}
