-- The topic settings a page's outcome was decided under (a hash of the relevance terms, or 'any' for
-- --any-topic). An entry judged off-topic is seen only under the same settings: change the terms or run
-- with --any-topic and it is read again. Rows from before this migration have NULL: read again once.
-- A feed's validators (ETag, body hash) likewise hold only under the settings they were read with.
ALTER TABLE store.page_fetches ADD COLUMN topic_key VARCHAR;
ALTER TABLE store.source_fetches ADD COLUMN topic_key VARCHAR;
