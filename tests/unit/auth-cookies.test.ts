import { describe, expect, it } from "vitest";
import { authCookies, secureCookies, sessionCookieName } from "@/server/auth/cookies";

describe("sign-in cookies", () => {
  it("are __Host-/__Secure- prefixed, Secure, HttpOnly and SameSite=Lax under an https URL", () => {
    expect(secureCookies("https://trilogue.example.org")).toBe(true);
    const cookies = authCookies(true);
    expect(cookies.sessionToken).toEqual({ name: "__Host-trilogue.session-token", options: { httpOnly: true, sameSite: "lax", path: "/", secure: true } });
    expect(cookies.csrfToken?.name).toBe("__Host-trilogue.csrf-token");
    expect(cookies.callbackUrl?.name).toBe("__Secure-trilogue.callback-url");
  });

  it("stay unprefixed and not Secure over plain http (npm run dev on localhost)", () => {
    expect(secureCookies("http://localhost:3000")).toBe(false);
    expect(secureCookies(undefined)).toBe(false);
    expect(sessionCookieName(false)).toBe("trilogue.session-token");
    expect(authCookies(false).sessionToken?.options).toMatchObject({ httpOnly: true, sameSite: "lax", secure: false });
  });
});
