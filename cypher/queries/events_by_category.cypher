// Events by PLOVER category: how many assaults, arrests, accusations, mobilisations
// (events the text says did not or may happen, flagged negated/hypothetical, left out).
// Parameters: none.
MATCH ()-[r]->()
WHERE r.category IS NOT NULL AND NOT coalesce(r.negated, false) AND NOT coalesce(r.hypothetical, false)
RETURN r.category AS category, type(r) AS relation, count(r) AS events
ORDER BY events DESC, category
