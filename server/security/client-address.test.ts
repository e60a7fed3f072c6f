import { describe, expect, it } from "vitest";
import { parseEnv } from "../config/env";
import { clientAddressOf } from "./client-address";

describe("the client address the sign-in limits count", () => {
  const forged = { "x-forwarded-for": "1.2.3.4", "x-real-ip": "5.6.7.8" };

  it("is the socket address when no proxy is configured, whatever headers the client sends", () => {
    expect(clientAddressOf(forged, "203.0.113.9", undefined)).toBe("203.0.113.9");
  });

  it("behind the configured proxy is the last entry of its header, which the client cannot write", () => {
    const headers = { "x-forwarded-for": "1.2.3.4, 198.51.100.7" };
    expect(clientAddressOf(headers, "10.0.0.2", "X-Forwarded-For")).toBe("198.51.100.7");
    expect(clientAddressOf({ "x-real-ip": "198.51.100.8" }, "10.0.0.2", "x-real-ip")).toBe("198.51.100.8");
    // The proxy did not set it (a request that reached the server some other way): the socket counts.
    expect(clientAddressOf({}, "10.0.0.2", "x-real-ip")).toBe("10.0.0.2");
  });

  it("is configured by TRUSTED_PROXY_HEADER, a header name", () => {
    expect(parseEnv({ TRUSTED_PROXY_HEADER: "X-Forwarded-For" }).TRUSTED_PROXY_HEADER).toBe("X-Forwarded-For");
    expect(() => parseEnv({ TRUSTED_PROXY_HEADER: "x forwarded: for" })).toThrow(/TRUSTED_PROXY_HEADER/);
  });
});
