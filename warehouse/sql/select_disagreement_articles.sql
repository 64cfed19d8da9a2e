-- The articles of the open disagreements: originals before copies, then by publication.
SELECT *
FROM disagreement_articles
ORDER BY disagreement_id, side DESC, copy, published_at, article_id;
