// Merge entity nodes on the static :Entity label and id, then add their type labels.
// $rows: [{id, labels: [..], props: {name, aliases, mentions, articles, title}}]
UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
SET n += row.props
FOREACH (_ IN CASE WHEN 'Person' IN row.labels THEN [1] ELSE [] END | SET n:Person)
FOREACH (_ IN CASE WHEN 'Official' IN row.labels THEN [1] ELSE [] END | SET n:Official)
FOREACH (_ IN CASE WHEN 'Organization' IN row.labels THEN [1] ELSE [] END | SET n:Organization)
FOREACH (_ IN CASE WHEN 'Agency' IN row.labels THEN [1] ELSE [] END | SET n:Agency)
FOREACH (_ IN CASE WHEN 'Place' IN row.labels THEN [1] ELSE [] END | SET n:Place)
FOREACH (_ IN CASE WHEN 'Group' IN row.labels THEN [1] ELSE [] END | SET n:Group)
FOREACH (_ IN CASE WHEN 'Law' IN row.labels THEN [1] ELSE [] END | SET n:Law)
