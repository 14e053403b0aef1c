// Co-mentioned entities: who appears in the same articles as a given entity most often.
// Parameters: $name.
MATCH (e:Entity)<-[:MENTIONS]-(a:Article)-[:MENTIONS]->(other:Entity)
WHERE (e.name = $name OR $name IN e.aliases) AND other <> e
RETURN other.name AS entity, count(DISTINCT a) AS articles
ORDER BY articles DESC, entity
LIMIT 20
