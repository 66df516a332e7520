-- Finished and expired BankID orders are deleted after a day (services/bankid/purge.server.ts): they hold
-- personnummer, tokens and the signed text only while an order runs; the case keeps its own signature.
create index bankid_orders_started_idx on bankid_orders (started_at);
