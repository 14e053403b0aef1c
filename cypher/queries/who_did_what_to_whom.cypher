// Who did what to whom: every event relation between entities, with its date and proof
// (events the text says did not or may happen, flagged negated/hypothetical, left out).
// Parameters: none.
MATCH (a:Entity)-[r]->(b:Entity)
WHERE r.category IS NOT NULL AND NOT coalesce(r.negated, false) AND NOT coalesce(r.hypothetical, false)
RETURN a.name AS actor, type(r) AS did, b.name AS to_whom, r.date AS date, r.evidence AS evidence
ORDER BY date, actor
