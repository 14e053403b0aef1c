// Merge relationships between entities, one statement per relationship type.
// RELATION_TYPE is replaced by the loader with a type from the ontology's fixed set only.
// $rows: [{id, source, target, props: {evidence, article, char_start, ...}}]
UNWIND $rows AS row
MATCH (a:Entity {id: row.source})
MATCH (b:Entity {id: row.target})
MERGE (a)-[r:RELATION_TYPE {id: row.id}]->(b)
SET r += row.props
