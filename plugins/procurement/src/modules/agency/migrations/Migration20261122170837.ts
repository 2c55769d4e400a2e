import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261122170837 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "agency_user" drop constraint if exists "agency_user_email_unique";`);
    this.addSql(`alter table if exists "agency" drop constraint if exists "agency_credit_code_unique";`);
    this.addSql(`create table if not exists "agency" ("id" text not null, "name" text not null, "credit_code" text null, "status" text check ("status" in ('active', 'suspended')) not null default 'active', "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "agency_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_agency_deleted_at" ON "agency" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_agency_credit_code_unique" ON "agency" ("credit_code") WHERE credit_code IS NOT NULL AND deleted_at IS NULL;`);

    this.addSql(`create table if not exists "agency_user" ("id" text not null, "email" text not null, "name" text null, "agency_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "agency_user_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_agency_user_email_unique" ON "agency_user" ("email") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_agency_user_agency_id" ON "agency_user" ("agency_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_agency_user_deleted_at" ON "agency_user" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "agency_user" add constraint "agency_user_agency_id_foreign" foreign key ("agency_id") references "agency" ("id") on update cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "agency_user" drop constraint if exists "agency_user_agency_id_foreign";`);

    this.addSql(`drop table if exists "agency" cascade;`);

    this.addSql(`drop table if exists "agency_user" cascade;`);
  }

}
