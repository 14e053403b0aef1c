// Link articles to the entities they mention. $rows: [{id, source, target, props}]
UNWIND $rows AS row
MATCH (a:Article {id: row.source})
MATCH (n:Entity {id: row.target})
MERGE (a)-[r:MENTIONS {id: row.id}]->(n)
SET r += row.props
