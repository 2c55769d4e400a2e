import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261122170744 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "approval_request" ("id" text not null, "organization_id" text not null, "cart_id" text not null, "order_id" text null, "requested_by_member_id" text not null, "requested_by_customer_id" text not null, "requested_by_email" text null, "amount" numeric not null, "currency_code" text not null, "reasons" jsonb not null, "note" text null, "status" text check ("status" in ('pending', 'approved', 'rejected', 'superseded')) not null default 'pending', "decided_by_member_id" text null, "decided_by_email" text null, "decided_at" timestamptz null, "comment" text null, "raw_amount" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "approval_request_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_approval_request_deleted_at" ON "approval_request" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_approval_request_organization_id_status" ON "approval_request" ("organization_id", "status") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_approval_request_cart_id" ON "approval_request" ("cart_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_approval_request_order_id" ON "approval_request" ("order_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_approval_request_requested_by_customer_id" ON "approval_request" ("requested_by_customer_id") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "approval_request" cascade;`);
  }

}
