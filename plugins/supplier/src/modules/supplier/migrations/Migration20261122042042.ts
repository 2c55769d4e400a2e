import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261122042042 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "supplier_member" drop constraint if exists "supplier_member_email_unique";`);
    this.addSql(`alter table if exists "supplier_invitation" drop constraint if exists "supplier_invitation_token_unique";`);
    this.addSql(`alter table if exists "supplier" drop constraint if exists "supplier_credit_code_unique";`);
    this.addSql(`alter table if exists "supplier" drop constraint if exists "supplier_code_unique";`);
    this.addSql(`create table if not exists "listing_change" ("id" text not null, "supplier_id" text not null, "product_id" text not null, "kind" text check ("kind" in ('create', 'update')) not null, "status" text check ("status" in ('pending', 'approved', 'rejected', 'changes_requested')) not null default 'pending', "proposed" jsonb not null, "previous" jsonb null, "review_note" text null, "reviewed_at" timestamptz null, "reviewed_by" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "listing_change_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_listing_change_deleted_at" ON "listing_change" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_listing_change_supplier_id_status" ON "listing_change" ("supplier_id", "status") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_listing_change_product_id" ON "listing_change" ("product_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "supplier" ("id" text not null, "code" text not null, "company_name" text not null, "credit_code" text not null, "credit_code_checksum_ok" boolean not null default true, "credit_code_override" boolean not null default false, "legal_representative" text not null, "contact_name" text not null, "contact_phone" text not null, "contact_email" text not null, "region" text not null, "categories_served" jsonb null, "qualification_documents" jsonb null, "status" text check ("status" in ('pending', 'approved', 'suspended', 'rejected')) not null default 'pending', "review_note" text null, "reviewed_at" timestamptz null, "reviewed_by" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "supplier_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_supplier_code_unique" ON "supplier" ("code") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_supplier_credit_code_unique" ON "supplier" ("credit_code") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_supplier_deleted_at" ON "supplier" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_supplier_status" ON "supplier" ("status") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "supplier_audit_entry" ("id" text not null, "supplier_id" text not null, "actor_type" text check ("actor_type" in ('supplier', 'operator', 'system')) not null, "actor_id" text null, "action" text not null, "subject_type" text not null, "subject_id" text null, "data" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "supplier_audit_entry_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_supplier_audit_entry_deleted_at" ON "supplier_audit_entry" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_supplier_audit_entry_supplier_id" ON "supplier_audit_entry" ("supplier_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "supplier_invitation" ("id" text not null, "email" text not null, "role" text check ("role" in ('owner', 'staff')) not null default 'staff', "token" text not null, "expires_at" timestamptz not null, "accepted_at" timestamptz null, "supplier_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "supplier_invitation_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_supplier_invitation_token_unique" ON "supplier_invitation" ("token") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_supplier_invitation_supplier_id" ON "supplier_invitation" ("supplier_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_supplier_invitation_deleted_at" ON "supplier_invitation" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "supplier_member" ("id" text not null, "email" text not null, "name" text not null, "role" text check ("role" in ('owner', 'staff')) not null default 'staff', "supplier_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "supplier_member_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_supplier_member_email_unique" ON "supplier_member" ("email") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_supplier_member_supplier_id" ON "supplier_member" ("supplier_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_supplier_member_deleted_at" ON "supplier_member" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "supplier_invitation" add constraint "supplier_invitation_supplier_id_foreign" foreign key ("supplier_id") references "supplier" ("id") on update cascade;`);

    this.addSql(`alter table if exists "supplier_member" add constraint "supplier_member_supplier_id_foreign" foreign key ("supplier_id") references "supplier" ("id") on update cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "supplier_invitation" drop constraint if exists "supplier_invitation_supplier_id_foreign";`);

    this.addSql(`alter table if exists "supplier_member" drop constraint if exists "supplier_member_supplier_id_foreign";`);

    this.addSql(`drop table if exists "listing_change" cascade;`);

    this.addSql(`drop table if exists "supplier" cascade;`);

    this.addSql(`drop table if exists "supplier_audit_entry" cascade;`);

    this.addSql(`drop table if exists "supplier_invitation" cascade;`);

    this.addSql(`drop table if exists "supplier_member" cascade;`);
  }

}
