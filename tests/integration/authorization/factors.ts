import { everyone, type Rows } from "@/tests/integration/authorization/shared";

// The person's own second factors: every signed-in account manages only its own; another
// account's factor, or none at all, looks missing.
export const factorsRows: Rows = {
  "me.factors.list": { input: () => undefined, expect: everyone("OK") },
  // Starts an unconfirmed set-up of the caller's own (counts for nothing until confirmed).
  "me.factors.startTotp": { input: () => ({ label: "Matrix phone" }), expect: everyone("OK") },
  "me.factors.confirmTotp": { input: () => ({ factorId: "no-such-factor", code: "123456" }), expect: everyone("NOT_FOUND") },
  // Without a confirmed factor there is nothing for recovery codes to stand in for.
  "me.factors.regenerateRecoveryCodes": { input: () => undefined, expect: everyone("BAD_REQUEST") },
  "me.factors.remove": { input: () => ({ factorId: "no-such-factor" }), expect: everyone("NOT_FOUND") },
};
