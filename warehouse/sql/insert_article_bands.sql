-- Append the LSH band hashes of the batch's signatures.
INSERT INTO store.article_bands BY NAME SELECT * FROM staged_bands;
