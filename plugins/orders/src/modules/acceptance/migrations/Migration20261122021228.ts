import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261122021228 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "order_acceptance" drop constraint if exists "order_acceptance_order_id_unique";`);
    this.addSql(`create table if not exists "order_acceptance" ("id" text not null, "order_id" text not null, "customer_id" text not null, "accepted_at" timestamptz not null, "note" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "order_acceptance_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_order_acceptance_order_id_unique" ON "order_acceptance" ("order_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_order_acceptance_customer_id" ON "order_acceptance" ("customer_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_order_acceptance_deleted_at" ON "order_acceptance" ("deleted_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "order_acceptance" cascade;`);
  }

}
