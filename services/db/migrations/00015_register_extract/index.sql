-- Register extracts (GDPR art. 15) find the audit entries about a person by their personnummer as well as by
-- their cases: searches for it (details.q) and earlier extracts (details.personnummer). Partial indexes, so
-- the extract reads a few rows instead of scanning the whole audit log, which grows with every case opened.
create index audit_log_search_personnummer_idx on audit_log ((details->>'q')) where action = 'search.personnummer';
create index audit_log_extract_personnummer_idx on audit_log ((details->>'personnummer'))
  where action in ('register.extract', 'register.extract.self');
