import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261122170825 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "supervisor" drop constraint if exists "supervisor_email_unique";`);
    this.addSql(`create table if not exists "supervisor" ("id" text not null, "name" text not null, "email" text not null, "scope" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "supervisor_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_supervisor_email_unique" ON "supervisor" ("email") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_supervisor_deleted_at" ON "supervisor" ("deleted_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "supervisor" cascade;`);
  }

}
