"""Pure functions over scorecards: scoring, plans, statements, progress, ranking, districts."""
