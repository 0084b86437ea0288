import { everyone, type Rows } from "@/tests/integration/authorization/shared";

export const trackerRows: Rows = {
  "tracker.overview": { input: () => undefined, expect: everyone("OK") },
};
