-- Lines without a ResourceId are summed per charge category (Usage, Tax, Credit, ...) in the monthly
-- resource rollup, so the console can say what "No resource ID" holds (issue 28). Resource lines keep
-- NULL: their category is not a dimension of the rollup. Loads written before this version have NULL
-- on their no-resource lines too, until their period is synced again.
ALTER TABLE cost_monthly_resources ADD COLUMN charge_category text;
