import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261122212858 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "live_lineup_item" drop constraint if exists "live_lineup_item_session_id_variant_id_unique";`);
    this.addSql(`alter table if exists "live_host_grant" drop constraint if exists "live_host_grant_host_id_kind_target_id_unique";`);
    this.addSql(`alter table if exists "live_host" drop constraint if exists "live_host_email_unique";`);
    this.addSql(`create table if not exists "live_host" ("id" text not null, "email" text not null, "display_name" text not null, "bio" text null, "avatar_url" text null, "status" text check ("status" in ('active', 'suspended')) not null default 'active', "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "live_host_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_live_host_deleted_at" ON "live_host" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_live_host_email_unique" ON "live_host" ("email") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "live_host_grant" ("id" text not null, "kind" text check ("kind" in ('supplier', 'category')) not null, "target_id" text not null, "host_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "live_host_grant_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_live_host_grant_host_id" ON "live_host_grant" ("host_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_live_host_grant_deleted_at" ON "live_host_grant" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_live_host_grant_host_id_kind_target_id_unique" ON "live_host_grant" ("host_id", "kind", "target_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "live_session" ("id" text not null, "host_id" text not null, "title" text not null, "cover_url" text null, "stream_url" text null, "embed_kind" text check ("embed_kind" in ('platform', 'wechat_channels', 'douyin', 'other')) not null default 'platform', "scheduled_start_at" timestamptz not null, "scheduled_end_at" timestamptz null, "status" text check ("status" in ('scheduled', 'live', 'ended')) not null default 'scheduled', "started_at" timestamptz null, "ended_at" timestamptz null, "attribution_window_hours" integer not null default 72, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "live_session_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_live_session_deleted_at" ON "live_session" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_live_session_host_id" ON "live_session" ("host_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_live_session_status" ON "live_session" ("status") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "live_pin" ("id" text not null, "lineup_item_id" text not null, "pinned_at" timestamptz not null, "unpinned_at" timestamptz null, "session_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "live_pin_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_live_pin_session_id" ON "live_pin" ("session_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_live_pin_deleted_at" ON "live_pin" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_live_pin_session_id_pinned_at" ON "live_pin" ("session_id", "pinned_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_live_pin_one_open_per_session" ON "live_pin" ("session_id") WHERE unpinned_at IS NULL AND deleted_at IS NULL;`);

    this.addSql(`create table if not exists "live_lineup_item" ("id" text not null, "product_id" text not null, "variant_id" text not null, "rank" integer not null default 0, "live_price" numeric null, "live_stock_cap" integer null, "sold_quantity" integer not null default 0, "session_id" text not null, "raw_live_price" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "live_lineup_item_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_live_lineup_item_session_id" ON "live_lineup_item" ("session_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_live_lineup_item_deleted_at" ON "live_lineup_item" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_live_lineup_item_session_id_variant_id_unique" ON "live_lineup_item" ("session_id", "variant_id") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "live_host_grant" add constraint "live_host_grant_host_id_foreign" foreign key ("host_id") references "live_host" ("id") on update cascade;`);

    this.addSql(`alter table if exists "live_pin" add constraint "live_pin_session_id_foreign" foreign key ("session_id") references "live_session" ("id") on update cascade;`);

    this.addSql(`alter table if exists "live_lineup_item" add constraint "live_lineup_item_session_id_foreign" foreign key ("session_id") references "live_session" ("id") on update cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "live_host_grant" drop constraint if exists "live_host_grant_host_id_foreign";`);

    this.addSql(`alter table if exists "live_pin" drop constraint if exists "live_pin_session_id_foreign";`);

    this.addSql(`alter table if exists "live_lineup_item" drop constraint if exists "live_lineup_item_session_id_foreign";`);

    this.addSql(`drop table if exists "live_host" cascade;`);

    this.addSql(`drop table if exists "live_host_grant" cascade;`);

    this.addSql(`drop table if exists "live_session" cascade;`);

    this.addSql(`drop table if exists "live_pin" cascade;`);

    this.addSql(`drop table if exists "live_lineup_item" cascade;`);
  }

}
