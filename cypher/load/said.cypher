// Link speakers to their quotes. $rows: [{id, source, target, props}]
UNWIND $rows AS row
MATCH (a:Entity {id: row.source})
MATCH (q:Quote {id: row.target})
MERGE (a)-[r:SAID {id: row.id}]->(q)
SET r += row.props
