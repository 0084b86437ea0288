import { jointTextsRows } from "@/tests/integration/authorization/joint-texts";
import { papersRows } from "@/tests/integration/authorization/papers";
import { stancesRows } from "@/tests/integration/authorization/stances";
import { trackerRows } from "@/tests/integration/authorization/tracker";
import { commentsRows } from "@/tests/integration/authorization/comments";
import { assessmentsRows } from "@/tests/integration/authorization/assessments";
import { minutesRows } from "@/tests/integration/authorization/minutes";
import { briefingRows } from "@/tests/integration/authorization/briefing";
import { agendaRows } from "@/tests/integration/authorization/agenda";
import { foundationRows } from "@/tests/integration/authorization/foundation";
import { issuesRows } from "@/tests/integration/authorization/issues";
import { membersRows } from "@/tests/integration/authorization/members";
import { sessionsRows } from "@/tests/integration/authorization/sessions";
import { notificationsRows } from "@/tests/integration/authorization/notifications";
import { readLogRows } from "@/tests/integration/authorization/read-log";
import { securityRows } from "@/tests/integration/authorization/security";
import { factorsRows } from "@/tests/integration/authorization/factors";
import type { Rows } from "@/tests/integration/authorization/shared";

/** Every procedure's row, one module per area of the router. */
export const MATRIX: Rows = {
  ...foundationRows,
  ...factorsRows,
  ...membersRows,
  ...sessionsRows,
  ...issuesRows,
  ...agendaRows,
  ...papersRows,
  ...jointTextsRows,
  ...stancesRows,
  ...trackerRows,
  ...commentsRows,
  ...assessmentsRows,
  ...minutesRows,
  ...briefingRows,
  ...notificationsRows,
  ...readLogRows,
  ...securityRows,
};
