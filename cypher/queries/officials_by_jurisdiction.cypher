// Officials by jurisdiction: who holds which office where.
// Parameters: none.
MATCH (o:Official)-[h:HOLDS_OFFICE]->(j:Entity)
RETURN j.name AS jurisdiction, o.name AS official, h.title AS title
ORDER BY jurisdiction, official
