import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261122170836 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "price_comparison" drop constraint if exists "price_comparison_serial_unique";`);
    this.addSql(`alter table if exists "comparison_report" drop constraint if exists "comparison_report_serial_unique";`);
    this.addSql(`alter table if exists "comparison_report" drop constraint if exists "comparison_report_comparison_id_unique";`);
    this.addSql(`create table if not exists "comparison_report" ("id" text not null, "comparison_id" text not null, "serial" text not null, "organization_name" text not null, "title" text not null, "content_sha256" text not null, "sha256" text not null, "size" integer not null, "pdf_base64" text not null, "generated_at" timestamptz not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "comparison_report_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_comparison_report_comparison_id_unique" ON "comparison_report" ("comparison_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_comparison_report_serial_unique" ON "comparison_report" ("serial") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_comparison_report_deleted_at" ON "comparison_report" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "price_comparison" ("id" text not null, "organization_id" text not null, "organization_name" text not null, "created_by_customer_id" text not null, "created_by_email" text null, "title" text not null, "category_id" text not null, "category_name" text null, "quantity" integer not null, "required_specs" text null, "status" text check ("status" in ('draft', 'submitted', 'claimed', 'returned', 'confirmed', 'ordered')) not null default 'draft', "selected_offer_id" text null, "selection_reason" text null, "agency_id" text null, "agency_name" text null, "submitted_at" timestamptz null, "confirmed_at" timestamptz null, "serial" text null, "prices_locked_until" timestamptz null, "cart_id" text null, "order_id" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "price_comparison_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_price_comparison_deleted_at" ON "price_comparison" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_price_comparison_organization_id_status" ON "price_comparison" ("organization_id", "status") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_price_comparison_agency_id_status" ON "price_comparison" ("agency_id", "status") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_price_comparison_serial_unique" ON "price_comparison" ("serial") WHERE serial IS NOT NULL AND deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_price_comparison_cart_id" ON "price_comparison" ("cart_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "comparison_review" ("id" text not null, "action" text check ("action" in ('submitted', 'resubmitted', 'claimed', 'returned', 'confirmed')) not null, "comment" text null, "actor_type" text not null, "actor_id" text not null, "actor_name" text null, "at" timestamptz not null, "comparison_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "comparison_review_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_comparison_review_comparison_id" ON "comparison_review" ("comparison_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_comparison_review_deleted_at" ON "comparison_review" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "comparison_offer" ("id" text not null, "position" integer not null, "variant_id" text not null, "product_id" text not null, "supplier_id" text not null, "supplier_name" text not null, "title" text not null, "variant_title" text null, "thumbnail" text null, "unit_price" numeric not null, "currency_code" text not null, "specs" jsonb not null, "after_sales" text null, "comparison_id" text not null, "raw_unit_price" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "comparison_offer_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_comparison_offer_comparison_id" ON "comparison_offer" ("comparison_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_comparison_offer_deleted_at" ON "comparison_offer" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "comparison_review" add constraint "comparison_review_comparison_id_foreign" foreign key ("comparison_id") references "price_comparison" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table if exists "comparison_offer" add constraint "comparison_offer_comparison_id_foreign" foreign key ("comparison_id") references "price_comparison" ("id") on update cascade on delete cascade;`);

    // Report serial numbers (GWC-CMP-<year>-<n>): drawn on confirmation, unique under concurrency.
    this.addSql(`create sequence if not exists "price_comparison_serial_seq" start with 1 increment by 1;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "comparison_review" drop constraint if exists "comparison_review_comparison_id_foreign";`);

    this.addSql(`alter table if exists "comparison_offer" drop constraint if exists "comparison_offer_comparison_id_foreign";`);

    this.addSql(`drop table if exists "comparison_report" cascade;`);

    this.addSql(`drop table if exists "price_comparison" cascade;`);

    this.addSql(`drop table if exists "comparison_review" cascade;`);

    this.addSql(`drop table if exists "comparison_offer" cascade;`);

    this.addSql(`drop sequence if exists "price_comparison_serial_seq";`);
  }

}
