import { adminOnly, type Rows } from "@/tests/integration/authorization/shared";

/** The admin Security page and an account's sessions: administrators only. */
export const securityRows: Rows = {
  "admin.security.list": { input: () => ({ list: "sign_ins" }), expect: adminOnly() },
  "admin.security.list#sessions": { input: () => ({ list: "sessions", outcome: "live" }), expect: adminOnly() },
  "admin.security.list#admin actions": { input: () => ({ list: "admin", q: "user" }), expect: adminOnly() },
  "admin.users.sessions": { input: ({ world: w }) => ({ userId: w.users.usDelegate.id }), expect: adminOnly() },
  "admin.users.sessions#missing": { input: () => ({ userId: "no-such-user" }), expect: adminOnly("NOT_FOUND") },
  // The outsider: ending its sessions disturbs no other row's caller.
  "admin.users.signOutEverywhere": { input: ({ world: w }) => ({ userId: w.users.outsider.id }), expect: adminOnly() },
};
