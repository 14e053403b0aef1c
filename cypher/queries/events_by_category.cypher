// Events by PLOVER category: how many assaults, arrests, accusations, mobilisations.
// Parameters: none.
MATCH ()-[r]->()
WHERE r.category IS NOT NULL
RETURN r.category AS category, type(r) AS relation, count(r) AS events
ORDER BY events DESC, category
