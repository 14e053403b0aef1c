// Who did what to whom: every event relation between entities, with its date and proof.
// Parameters: none.
MATCH (a:Entity)-[r]->(b:Entity)
WHERE r.category IS NOT NULL
RETURN a.name AS actor, type(r) AS did, b.name AS to_whom, r.date AS date, r.evidence AS evidence
ORDER BY date, actor
