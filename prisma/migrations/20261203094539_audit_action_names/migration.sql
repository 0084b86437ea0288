-- One naming scheme for audit actions, `<object>.<what happened>` in the past tense (the
-- AuditAction union in server/audit.ts). Earlier events are renamed to it so the trail reads
-- consistently and filters by action find old and new events alike; nothing else changes.
ALTER TABLE "AuditEvent" DISABLE TRIGGER "AuditEvent_append_only";

UPDATE "AuditEvent" SET "action" = CASE "action"
  WHEN 'comment.create' THEN 'comment.created'
  WHEN 'comment.edit' THEN 'comment.edited'
  WHEN 'comment.withdraw' THEN 'comment.withdrawn'
  WHEN 'comment.resolve' THEN 'comment.resolved'
  WHEN 'comment.reopen' THEN 'comment.reopened'
  WHEN 'minutes.save' THEN 'minutes.saved'
  WHEN 'minutes.release' THEN 'minutes.released'
  WHEN 'paper.create' THEN 'paper.created'
  WHEN 'paper.save' THEN 'paper.saved'
  WHEN 'paper.release' THEN 'paper.released'
  WHEN 'paper.withdraw' THEN 'paper.withdrawn'
  WHEN 'stance.create' THEN 'stance.created'
  WHEN 'stance.save' THEN 'stance.saved'
  WHEN 'stance.release' THEN 'stance.released'
  WHEN 'stance.seal' THEN 'stance.sealed'
  WHEN 'stance.submit' THEN 'stance.submitted'
  WHEN 'stance.open' THEN 'stance.seal_opened'
  ELSE "action" END
WHERE "action" IN ('comment.create', 'comment.edit', 'comment.withdraw', 'comment.resolve', 'comment.reopen',
  'minutes.save', 'minutes.release', 'paper.create', 'paper.save', 'paper.release', 'paper.withdraw',
  'stance.create', 'stance.save', 'stance.release', 'stance.seal', 'stance.submit', 'stance.open');

ALTER TABLE "AuditEvent" ENABLE TRIGGER "AuditEvent_append_only";
