// Most-connected actors: the 20 entities with the most relations to other entities.
// Parameters: none.
MATCH (e:Entity)-[r]-(:Entity)
RETURN e.name AS entity, labels(e) AS labels, count(r) AS degree
ORDER BY degree DESC, entity
LIMIT 20
