export * from "./tenancy";
export * from "./bodies";
export * from "./users";
export * from "./audit";
