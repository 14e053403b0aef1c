// Quotes by speaker: what one entity said, with the article and date.
// Parameters: $name.
MATCH (s:Entity)-[:SAID]->(q:Quote)
WHERE s.name = $name OR $name IN s.aliases
RETURN q.text AS quote, q.article AS article, q.date AS date
ORDER BY date
