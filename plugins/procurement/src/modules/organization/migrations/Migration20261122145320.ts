import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261122145320 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "organization_member" drop constraint if exists "organization_member_customer_id_unique";`);
    this.addSql(`alter table if exists "organization_invitation" drop constraint if exists "organization_invitation_token_hash_unique";`);
    this.addSql(`alter table if exists "organization" drop constraint if exists "organization_credit_code_unique";`);
    this.addSql(`create table if not exists "organization" ("id" text not null, "name" text not null, "type" text check ("type" in ('government_unit', 'public_institution', 'state_owned_enterprise', 'association', 'company', 'individual')) not null, "credit_code" text null, "status" text check ("status" in ('active', 'suspended')) not null default 'active', "annual_budget" numeric null, "budget_year" integer null, "raw_annual_budget" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "organization_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_organization_deleted_at" ON "organization" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_organization_credit_code_unique" ON "organization" ("credit_code") WHERE credit_code IS NOT NULL AND deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_organization_type" ON "organization" ("type") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_organization_status" ON "organization" ("status") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "organization_invitation" ("id" text not null, "email" text not null, "role" text check ("role" in ('purchaser', 'approver', 'admin')) not null default 'purchaser', "token_hash" text not null, "expires_at" timestamptz not null, "accepted_at" timestamptz null, "invited_by" text null, "accepted_by" text null, "organization_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "organization_invitation_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_organization_invitation_token_hash_unique" ON "organization_invitation" ("token_hash") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_organization_invitation_organization_id" ON "organization_invitation" ("organization_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_organization_invitation_deleted_at" ON "organization_invitation" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_organization_invitation_email" ON "organization_invitation" ("email") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "organization_member" ("id" text not null, "customer_id" text not null, "role" text check ("role" in ('purchaser', 'approver', 'admin')) not null default 'purchaser', "limit_per_order" numeric null, "limit_per_period" numeric null, "limit_period" text check ("limit_period" in ('month', 'quarter', 'year')) null, "organization_id" text not null, "raw_limit_per_order" jsonb null, "raw_limit_per_period" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "organization_member_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_organization_member_customer_id_unique" ON "organization_member" ("customer_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_organization_member_organization_id" ON "organization_member" ("organization_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_organization_member_deleted_at" ON "organization_member" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "organization_invitation" add constraint "organization_invitation_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade;`);

    this.addSql(`alter table if exists "organization_member" add constraint "organization_member_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "organization_invitation" drop constraint if exists "organization_invitation_organization_id_foreign";`);

    this.addSql(`alter table if exists "organization_member" drop constraint if exists "organization_member_organization_id_foreign";`);

    this.addSql(`drop table if exists "organization" cascade;`);

    this.addSql(`drop table if exists "organization_invitation" cascade;`);

    this.addSql(`drop table if exists "organization_member" cascade;`);
  }

}
