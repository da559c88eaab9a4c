-- Slack drafts may no longer name a webhook URL (a credential, and a destination of the drafter's
-- choosing): drop it from stored revisions, so action details stop showing it to every role.
UPDATE "action_revisions" SET "payload" = "payload" - 'webhookUrl' WHERE jsonb_exists("payload", 'webhookUrl');

-- Undelivered messages that still carry a URL go to their kind's default integration instead
-- (which falls back to SLACK_WEBHOOK_URL / CRM_WEBHOOK_URL / EMAIL_WEBHOOK_URL).
UPDATE "outbox_messages" SET "destination" = 'default:' || "channel"::text
 WHERE "destination" NOT LIKE 'integration:%' AND "destination" NOT LIKE 'default:%'
   AND "status" IN ('pending', 'failed', 'sending');
