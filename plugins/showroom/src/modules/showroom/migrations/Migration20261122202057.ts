import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261122202057 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "showroom_rfid_tag" drop constraint if exists "showroom_rfid_tag_epc_unique";`);
    this.addSql(`alter table if exists "showroom_kiosk" drop constraint if exists "showroom_kiosk_key_id_unique";`);
    this.addSql(`alter table if exists "showroom_zone" drop constraint if exists "showroom_zone_centre_id_code_unique";`);
    this.addSql(`alter table if exists "showroom_event_signup" drop constraint if exists "showroom_event_signup_event_id_phone_unique";`);
    this.addSql(`alter table if exists "showroom_order_attribution" drop constraint if exists "showroom_order_attribution_order_id_unique";`);
    this.addSql(`alter table if exists "showroom_kiosk_event" drop constraint if exists "showroom_kiosk_event_event_id_unique";`);
    this.addSql(`create table if not exists "showroom_centre" ("id" text not null, "name" text not null, "name_en" text null, "address" text null, "city" text null, "opening_hours" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "showroom_centre_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_showroom_centre_deleted_at" ON "showroom_centre" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "showroom_kiosk_event" ("id" text not null, "event_id" text not null, "kiosk_id" text not null, "centre_id" text not null, "type" text check ("type" in ('lift', 'replace')) not null, "epc" text not null, "antenna" text null, "exhibit_id" text null, "product_id" text null, "occurred_at" timestamptz not null, "received_at" timestamptz not null, "dwell_ms" integer null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "showroom_kiosk_event_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_showroom_kiosk_event_deleted_at" ON "showroom_kiosk_event" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_showroom_kiosk_event_event_id_unique" ON "showroom_kiosk_event" ("event_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_showroom_kiosk_event_exhibit_id_occurred_at" ON "showroom_kiosk_event" ("exhibit_id", "occurred_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_showroom_kiosk_event_kiosk_id_occurred_at" ON "showroom_kiosk_event" ("kiosk_id", "occurred_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "showroom_order_attribution" ("id" text not null, "order_id" text not null, "scan_id" text not null, "kiosk_id" text not null, "centre_id" text not null, "exhibit_id" text null, "total" numeric not null, "currency_code" text not null, "raw_total" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "showroom_order_attribution_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_showroom_order_attribution_deleted_at" ON "showroom_order_attribution" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_showroom_order_attribution_order_id_unique" ON "showroom_order_attribution" ("order_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_showroom_order_attribution_exhibit_id" ON "showroom_order_attribution" ("exhibit_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "showroom_qr_scan" ("id" text not null, "kiosk_id" text not null, "centre_id" text not null, "exhibit_id" text null, "exhibit_ids" jsonb not null default '{"ids":[]}', "product_id" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "showroom_qr_scan_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_showroom_qr_scan_deleted_at" ON "showroom_qr_scan" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_showroom_qr_scan_kiosk_id" ON "showroom_qr_scan" ("kiosk_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_showroom_qr_scan_exhibit_id" ON "showroom_qr_scan" ("exhibit_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "showroom_theme" ("id" text not null, "title" text not null, "title_en" text null, "story" text null, "story_en" text null, "hero_media" jsonb not null default '{"items":[]}', "starts_on" timestamptz not null, "ends_on" timestamptz not null, "featured_product_ids" jsonb not null default '{"ids":[]}', "featured_exhibit_ids" jsonb not null default '{"ids":[]}', "status" text check ("status" in ('draft', 'published')) not null default 'draft', "centre_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "showroom_theme_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_showroom_theme_centre_id" ON "showroom_theme" ("centre_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_showroom_theme_deleted_at" ON "showroom_theme" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_showroom_theme_centre_id_starts_on" ON "showroom_theme" ("centre_id", "starts_on") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "showroom_theme_event" ("id" text not null, "title" text not null, "title_en" text null, "description" text null, "location" text null, "starts_at" timestamptz not null, "ends_at" timestamptz not null, "capacity" integer not null, "signup_closes_at" timestamptz null, "theme_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "showroom_theme_event_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_showroom_theme_event_theme_id" ON "showroom_theme_event" ("theme_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_showroom_theme_event_deleted_at" ON "showroom_theme_event" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "showroom_event_signup" ("id" text not null, "name" text not null, "phone" text not null, "email" text null, "organization_name" text null, "party_size" integer not null default 1, "status" text check ("status" in ('confirmed', 'cancelled')) not null default 'confirmed', "customer_id" text null, "event_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "showroom_event_signup_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_showroom_event_signup_event_id" ON "showroom_event_signup" ("event_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_showroom_event_signup_deleted_at" ON "showroom_event_signup" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_showroom_event_signup_event_id_phone_unique" ON "showroom_event_signup" ("event_id", "phone") WHERE deleted_at IS NULL AND status = 'confirmed';`);

    this.addSql(`create table if not exists "showroom_zone" ("id" text not null, "code" text not null, "name" text not null, "name_en" text null, "description" text null, "rank" integer not null default 0, "centre_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "showroom_zone_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_showroom_zone_centre_id" ON "showroom_zone" ("centre_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_showroom_zone_deleted_at" ON "showroom_zone" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_showroom_zone_centre_id_code_unique" ON "showroom_zone" ("centre_id", "code") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "showroom_kiosk" ("id" text not null, "name" text not null, "antennas" jsonb not null default '{"ids":[]}', "key_id" text not null, "key_hash" text not null, "key_rotated_at" timestamptz null, "revoked_at" timestamptz null, "last_heartbeat_at" timestamptz null, "app_version" text null, "agent_version" text null, "centre_id" text not null, "zone_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "showroom_kiosk_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_showroom_kiosk_centre_id" ON "showroom_kiosk" ("centre_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_showroom_kiosk_zone_id" ON "showroom_kiosk" ("zone_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_showroom_kiosk_deleted_at" ON "showroom_kiosk" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_showroom_kiosk_key_id_unique" ON "showroom_kiosk" ("key_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "showroom_exhibit" ("id" text not null, "product_id" text not null, "variant_id" text not null, "plinth" text null, "antenna" text null, "rank" integer not null default 0, "status" text check ("status" in ('on_display', 'withdrawn')) not null default 'on_display', "zone_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "showroom_exhibit_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_showroom_exhibit_zone_id" ON "showroom_exhibit" ("zone_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_showroom_exhibit_deleted_at" ON "showroom_exhibit" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_showroom_exhibit_product_id" ON "showroom_exhibit" ("product_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_showroom_exhibit_status" ON "showroom_exhibit" ("status") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "showroom_rfid_tag" ("id" text not null, "epc" text not null, "scheme" text check ("scheme" in ('sgtin-96', 'raw')) not null default 'raw', "gtin" text null, "serial" text null, "status" text check ("status" in ('active', 'retired')) not null default 'active', "exhibit_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "showroom_rfid_tag_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_showroom_rfid_tag_exhibit_id" ON "showroom_rfid_tag" ("exhibit_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_showroom_rfid_tag_deleted_at" ON "showroom_rfid_tag" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_showroom_rfid_tag_epc_unique" ON "showroom_rfid_tag" ("epc") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "showroom_theme" add constraint "showroom_theme_centre_id_foreign" foreign key ("centre_id") references "showroom_centre" ("id") on update cascade;`);

    this.addSql(`alter table if exists "showroom_theme_event" add constraint "showroom_theme_event_theme_id_foreign" foreign key ("theme_id") references "showroom_theme" ("id") on update cascade;`);

    this.addSql(`alter table if exists "showroom_event_signup" add constraint "showroom_event_signup_event_id_foreign" foreign key ("event_id") references "showroom_theme_event" ("id") on update cascade;`);

    this.addSql(`alter table if exists "showroom_zone" add constraint "showroom_zone_centre_id_foreign" foreign key ("centre_id") references "showroom_centre" ("id") on update cascade;`);

    this.addSql(`alter table if exists "showroom_kiosk" add constraint "showroom_kiosk_centre_id_foreign" foreign key ("centre_id") references "showroom_centre" ("id") on update cascade;`);
    this.addSql(`alter table if exists "showroom_kiosk" add constraint "showroom_kiosk_zone_id_foreign" foreign key ("zone_id") references "showroom_zone" ("id") on update cascade;`);

    this.addSql(`alter table if exists "showroom_exhibit" add constraint "showroom_exhibit_zone_id_foreign" foreign key ("zone_id") references "showroom_zone" ("id") on update cascade;`);

    this.addSql(`alter table if exists "showroom_rfid_tag" add constraint "showroom_rfid_tag_exhibit_id_foreign" foreign key ("exhibit_id") references "showroom_exhibit" ("id") on update cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "showroom_theme" drop constraint if exists "showroom_theme_centre_id_foreign";`);

    this.addSql(`alter table if exists "showroom_zone" drop constraint if exists "showroom_zone_centre_id_foreign";`);

    this.addSql(`alter table if exists "showroom_kiosk" drop constraint if exists "showroom_kiosk_centre_id_foreign";`);

    this.addSql(`alter table if exists "showroom_theme_event" drop constraint if exists "showroom_theme_event_theme_id_foreign";`);

    this.addSql(`alter table if exists "showroom_event_signup" drop constraint if exists "showroom_event_signup_event_id_foreign";`);

    this.addSql(`alter table if exists "showroom_kiosk" drop constraint if exists "showroom_kiosk_zone_id_foreign";`);

    this.addSql(`alter table if exists "showroom_exhibit" drop constraint if exists "showroom_exhibit_zone_id_foreign";`);

    this.addSql(`alter table if exists "showroom_rfid_tag" drop constraint if exists "showroom_rfid_tag_exhibit_id_foreign";`);

    this.addSql(`drop table if exists "showroom_centre" cascade;`);

    this.addSql(`drop table if exists "showroom_kiosk_event" cascade;`);

    this.addSql(`drop table if exists "showroom_order_attribution" cascade;`);

    this.addSql(`drop table if exists "showroom_qr_scan" cascade;`);

    this.addSql(`drop table if exists "showroom_theme" cascade;`);

    this.addSql(`drop table if exists "showroom_theme_event" cascade;`);

    this.addSql(`drop table if exists "showroom_event_signup" cascade;`);

    this.addSql(`drop table if exists "showroom_zone" cascade;`);

    this.addSql(`drop table if exists "showroom_kiosk" cascade;`);

    this.addSql(`drop table if exists "showroom_exhibit" cascade;`);

    this.addSql(`drop table if exists "showroom_rfid_tag" cascade;`);
  }

}
