import { type Rows } from "@/tests/integration/authorization/shared";

export const assessmentsRows: Rows = {

};
