-- DuckLake upkeep (gdwatch maintain): write inlined rows to Parquet, merge small adjacent files, expire the
-- snapshots older than the retention (time travel before it ends; rows are never touched), and remove the
-- files no snapshot needs any more. Each CALL returns what it did.
CALL ducklake_flush_inlined_data('lake');
CALL ducklake_merge_adjacent_files('lake');
CALL ducklake_expire_snapshots('lake', older_than => now() - to_days($retention_days::INTEGER));
CALL ducklake_cleanup_old_files('lake', older_than => now() - to_days($retention_days::INTEGER));
