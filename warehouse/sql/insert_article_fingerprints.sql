-- Append the batch's fingerprints (outlet, signature, witness) staged in Python.
INSERT INTO store.article_fingerprints BY NAME SELECT * FROM staged_fingerprints;
