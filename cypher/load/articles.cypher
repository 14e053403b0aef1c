// Merge article nodes (provenance). $rows: [{id, props: {article_id, title, date, source, url}}]
UNWIND $rows AS row
MERGE (a:Article {id: row.id})
SET a += row.props
