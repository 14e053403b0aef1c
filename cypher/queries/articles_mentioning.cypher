// Articles mentioning an entity: provenance, newest first.
// Parameters: $name.
MATCH (a:Article)-[:MENTIONS]->(e:Entity)
WHERE e.name = $name OR $name IN e.aliases
RETURN a.article_id AS article, a.title AS title, a.date AS date, a.url AS url
ORDER BY date DESC
