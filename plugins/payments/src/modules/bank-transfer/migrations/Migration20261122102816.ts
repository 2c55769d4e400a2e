import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261122102816 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "bank_transfer_receipt" drop constraint if exists "bank_transfer_receipt_statement_line_unique";`);
    this.addSql(`alter table if exists "bank_transfer_receipt" drop constraint if exists "bank_transfer_receipt_payment_id_unique";`);
    this.addSql(`create table if not exists "bank_transfer_receipt" ("id" text not null, "payment_id" text not null, "payment_reference" text not null, "statement_line" text not null, "amount" numeric not null, "currency_code" text not null, "received_at" timestamptz not null, "payer_name" text null, "note" text null, "recorded_by" text null, "raw_amount" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "bank_transfer_receipt_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_bank_transfer_receipt_payment_id_unique" ON "bank_transfer_receipt" ("payment_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_bank_transfer_receipt_payment_reference" ON "bank_transfer_receipt" ("payment_reference") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_bank_transfer_receipt_statement_line_unique" ON "bank_transfer_receipt" ("statement_line") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_bank_transfer_receipt_deleted_at" ON "bank_transfer_receipt" ("deleted_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "bank_transfer_receipt" cascade;`);
  }

}
