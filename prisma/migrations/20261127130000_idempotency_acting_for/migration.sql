-- The idempotency key keeps the actor and the clinician an integration acts for apart: a user whose
-- id is "ehr for dr.x" no longer shares the key space of the integration "ehr" acting for "dr.x".
ALTER TABLE "idempotency_record" DROP CONSTRAINT "idempotency_record_pkey";

ALTER TABLE "idempotency_record" ADD COLUMN "acting_for" TEXT NOT NULL DEFAULT '';

-- Rows written before held both in user_id, as "<actor> for <acting-for user>". A row is split when
-- the audit events its write appended under the same key (an integration's, acting for someone)
-- show that actor and that clinician; any other row was written by a user acting for no one.
UPDATE "idempotency_record" AS "record"
SET "user_id" = "event"."actor", "acting_for" = "event"."acting_for"
FROM (SELECT DISTINCT "actor", "acting_for", "idempotency_key" FROM "audit_event" WHERE "acting_for" IS NOT NULL) AS "event"
WHERE "event"."idempotency_key" = "record"."key" AND "record"."user_id" = "event"."actor" || ' for ' || "event"."acting_for";

ALTER TABLE "idempotency_record" ADD CONSTRAINT "idempotency_record_pkey" PRIMARY KEY ("user_id", "acting_for", "key");
