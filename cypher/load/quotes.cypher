// Merge quote nodes. $rows: [{id, props: {text, article, date}}]
UNWIND $rows AS row
MERGE (q:Quote {id: row.id})
SET q += row.props
