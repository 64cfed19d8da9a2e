-- The validators a page answered with (ETag, Last-Modified), so a later run can re-check a recent article
-- with a conditional GET and catch a correction published without a new feed date.
ALTER TABLE store.page_fetches ADD COLUMN etag VARCHAR;
ALTER TABLE store.page_fetches ADD COLUMN last_modified VARCHAR;
