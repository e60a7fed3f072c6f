import { describe, expect, it } from "vitest";
import { rejectCrossSiteRequest } from "./request-guard";

const url = "http://localhost:3000/api/trpc/users.create";

function request(headers: Record<string, string>, method = "POST") {
  return new Request(url, { method, headers: { host: "localhost:3000", ...headers }, body: method === "POST" ? "{}" : undefined });
}

describe("tRPC request guard", () => {
  it("lets same-origin JSON through", () => {
    expect(
      rejectCrossSiteRequest(
        request({ "content-type": "application/json", origin: "http://localhost:3000", "sec-fetch-site": "same-origin" }),
      ),
    ).toBeNull();
  });

  it.each([
    ["text/plain", "text/plain;charset=UTF-8"],
    ["a form", "application/x-www-form-urlencoded"],
    ["multipart", "multipart/form-data; boundary=x"],
  ])("refuses %s bodies with 415", (_, contentType) => {
    expect(rejectCrossSiteRequest(request({ "content-type": contentType }))?.status).toBe(415);
  });

  it("refuses a foreign Origin and cross-site fetches with 403", () => {
    expect(rejectCrossSiteRequest(request({ "content-type": "application/json", origin: "https://evil.example" }))?.status).toBe(403);
    expect(rejectCrossSiteRequest(request({ "content-type": "application/json", "sec-fetch-site": "cross-site" }))?.status).toBe(403);
    expect(rejectCrossSiteRequest(request({ "sec-fetch-site": "same-site" }, "GET"))?.status).toBe(403);
  });
});
