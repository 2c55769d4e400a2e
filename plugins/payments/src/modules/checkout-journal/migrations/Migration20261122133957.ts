import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261122133957 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "checkout_attempt" ("id" text not null, "cart_id" text not null, "customer_id" text null, "email" text null, "payment_session_id" text null, "provider_id" text null, "status" text check ("status" in ('pending', 'completed', 'failed', 'repaired', 'canceled', 'rolled_back', 'abandoned')) not null default 'pending', "order_id" text null, "started_at" timestamptz not null, "resolved_at" timestamptz null, "note" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "checkout_attempt_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_checkout_attempt_cart_id" ON "checkout_attempt" ("cart_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_checkout_attempt_status" ON "checkout_attempt" ("status") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_checkout_attempt_deleted_at" ON "checkout_attempt" ("deleted_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "checkout_attempt" cascade;`);
  }

}
