// Timeline of one entity: dated relations it takes part in, oldest first (events the text
// says did not or may happen, flagged negated/hypothetical, left out).
// Parameters: $name (the entity's name or any alias).
MATCH (e:Entity)
WHERE e.name = $name OR $name IN e.aliases
MATCH (e)-[r]-(other:Entity)
WHERE r.date IS NOT NULL AND NOT coalesce(r.negated, false) AND NOT coalesce(r.hypothetical, false)
RETURN r.date AS date, startNode(r).name AS actor, type(r) AS relation, endNode(r).name AS target, r.evidence AS evidence
ORDER BY date
