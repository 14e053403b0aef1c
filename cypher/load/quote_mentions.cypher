// Link articles to the quotes they hold. $rows: [{id, source, target, props}]
UNWIND $rows AS row
MATCH (a:Article {id: row.source})
MATCH (q:Quote {id: row.target})
MERGE (a)-[r:MENTIONS {id: row.id}]->(q)
SET r += row.props
