-- pg_dump backups must restore (docs/operations.md, ADR 029). A dump runs with an empty search_path, and the
-- SQL functions behind the cases' generated search columns (00012) call each other by bare name, so
-- pg_restore failed at CREATE TABLE cases with "function case_answers_part(jsonb, jsonb, boolean) does not
-- exist". Each function now carries the search_path it was created with, in any session (a restore included).
alter function case_item_part(jsonb, text[], boolean) set search_path from current;
alter function case_answers_part(jsonb, jsonb, boolean) set search_path from current;
alter function case_tokens(jsonb) set search_path from current;
alter function case_search_vector(jsonb, jsonb, jsonb) set search_path from current;
alter function case_search_vector_sensitive(jsonb, jsonb, jsonb) set search_path from current;
