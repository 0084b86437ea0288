// Step-up (issue 15, ASVS V2 / V3.7): sensitive actions — raising a release level, opening a seal,
// changing factors or the password, every admin change — need the person to have proved who they
// are (sign-in, or me.stepUp with the password or a factor) within the last 15 minutes in THIS
// sign-in session (SignInSession.authenticatedAt).

/** How long a proof of identity counts for step-up actions. */
export const STEP_UP_WINDOW_MS = 15 * 60_000;

export const STEP_UP_MESSAGE = "This change needs a recent sign-in: sign out, sign in again, then repeat it within 15 minutes.";

/** Whether a session last authenticated at `authenticatedAt` (ms) may take a step-up action at `now`. */
export function stepUpFresh(authenticatedAt: number | null | undefined, now: number): boolean {
  if (authenticatedAt === null || authenticatedAt === undefined || !Number.isFinite(authenticatedAt)) return false;
  // A time in the future (clock skew between app instances) counts as now, not as forever.
  return now - Math.min(authenticatedAt, now) < STEP_UP_WINDOW_MS;
}

/** Thrown when a step-up action finds the session's authentication stale; answers FORBIDDEN with data.stepUp. */
export class StepUpRequired extends Error {
  constructor() {
    super(STEP_UP_MESSAGE);
    this.name = "StepUpRequired";
  }
}
