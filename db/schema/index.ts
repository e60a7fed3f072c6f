export * from "./tenancy";
export * from "./bodies";
export * from "./users";
export * from "./audit";
export * from "./offers";
export * from "./cases";
export * from "./conferences";
export * from "./themes";
