// Evidence for a relation: the sentences, articles and dates behind source -[type]-> target.
// Parameters: $source, $type, $target.
MATCH (a:Entity {name: $source})-[r]->(b:Entity {name: $target})
WHERE type(r) = $type
RETURN r.evidence AS evidence, r.article AS article, r.date AS date, r.confidence AS confidence, r.extractor AS rule
