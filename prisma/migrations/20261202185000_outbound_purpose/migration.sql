-- AlterTable
ALTER TABLE "OutboundMessage" ADD COLUMN "purpose" TEXT NOT NULL DEFAULT 'other';

-- Rows written before the column existed: the purpose their key and kind imply.
UPDATE "OutboundMessage" SET "purpose" = CASE
  WHEN "idempotencyKey" LIKE 'ack:%' THEN 'acknowledgement'
  WHEN "idempotencyKey" LIKE 'invite:%' THEN 'invitation'
  WHEN "idempotencyKey" LIKE 'human-reply:%' THEN 'human_reply'
  WHEN "idempotencyKey" LIKE 'followup:%' THEN 'follow_up'
  WHEN "kind" = 'slack_case' THEN 'case_message'
  WHEN "kind" = 'slack_thread' THEN 'case_thread'
  WHEN "kind" = 'slack_case_update' THEN 'case_update'
  WHEN "kind" = 'slack_alert' THEN 'alert'
  WHEN "kind" = 'slack_alert_update' THEN 'alert_update'
  WHEN "kind" = 'slack_burst' THEN 'burst_summary'
  WHEN "kind" = 'slack_handoff' THEN 'handoff'
  WHEN "kind" = 'slack_notice' THEN 'notice'
  WHEN "kind" = 'slack_digest' THEN 'digest'
  ELSE 'other' END;
