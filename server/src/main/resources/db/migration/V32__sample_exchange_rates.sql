-- The demo loads a few monthly EUR/USD rates so converted views work out of the box; they are
-- labelled as samples, never taken for the operator's (issue 28).
ALTER TABLE exchange_rates DROP CONSTRAINT exchange_rates_source_check;
ALTER TABLE exchange_rates ADD CONSTRAINT exchange_rates_source_check CHECK (source IN ('csv', 'manual', 'sample'));
