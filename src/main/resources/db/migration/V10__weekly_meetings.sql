-- A community's weekly meetings, as its hosts set them up: one a line, "day|time|name|where" (the
-- day's first three letters, the time in the community's zone). And the days it does not meet,
-- comma-separated ISO dates. Nothing here is about a person.
ALTER TABLE communities ADD COLUMN meetings VARCHAR(4000);
ALTER TABLE communities ADD COLUMN cancelled_on VARCHAR(1000);
