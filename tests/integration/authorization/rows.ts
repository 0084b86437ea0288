import { foundationRows } from "@/tests/integration/authorization/foundation";
import type { Rows } from "@/tests/integration/authorization/shared";

/** Every procedure's row, one module per area of the router. */
export const MATRIX: Rows = {
  ...foundationRows,
};
