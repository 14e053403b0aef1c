// Timeline of one entity: dated relations it takes part in, oldest first.
// Parameters: $name (the entity's name or any alias).
MATCH (e:Entity)
WHERE e.name = $name OR $name IN e.aliases
MATCH (e)-[r]-(other:Entity)
WHERE r.date IS NOT NULL
RETURN r.date AS date, startNode(r).name AS actor, type(r) AS relation, endNode(r).name AS target, r.evidence AS evidence
ORDER BY date
