// Shortest path between two entities: how they connect, any relation, up to 6 hops.
// Parameters: $from, $to (entity names).
MATCH (a:Entity {name: $from}), (b:Entity {name: $to})
MATCH p = shortestPath((a)-[*..6]-(b))
RETURN [n IN nodes(p) | n.name] AS path, [r IN relationships(p) | type(r)] AS relations
