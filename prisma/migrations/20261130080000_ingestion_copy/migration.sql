-- Platform signature schemes (issue 3): the app key a platform issues per app, used to sign pull
-- requests (TOP, JD, PDD, Douyin) and to verify Douyin's push event-sign; and the shop's access token.
ALTER TABLE "channels" ADD COLUMN "app_key" TEXT;
ALTER TABLE "pull_cursors" ADD COLUMN "access_token" TEXT;

-- The demo channels' published app keys (README "Ingestion"), for databases seeded before this migration.
UPDATE "channels" SET "app_key" = k.app_key
  FROM (VALUES ('ch_tmall', '21000001'), ('ch_jd', 'DEMOJDAPPKEY0001'), ('ch_pdd', 'pdd_demo_client_id'), ('ch_douyin', '7012345678901234567')) AS k(id, app_key)
 WHERE "channels"."id" = k.id AND "channels"."app_key" IS NULL;
