import { randomInt } from "node:crypto";

// Ten single-use recovery codes, each 10 characters from an alphabet without look-alikes
// (no 0/o, 1/l/i), about 50 bits each, shown as "abcde-fghij".
export const RECOVERY_CODE_COUNT = 10;
const ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
const LENGTH = 10;

export function newRecoveryCode(): string {
  let code = "";
  for (let i = 0; i < LENGTH; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

export function newRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  return Array.from({ length: count }, newRecoveryCode);
}

/**
 * A typed recovery code as it is hashed: lower case, spaces and dashes dropped. Null when it cannot
 * be one (wrong length or characters), so no hash is compared for it.
 */
export function normaliseRecoveryCode(input: string): string | null {
  const code = input.replace(/[\s-]/g, "").toLowerCase();
  return new RegExp(`^[${ALPHABET}]{${LENGTH}}$`).test(code) ? code : null;
}
