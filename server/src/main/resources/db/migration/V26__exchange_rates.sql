-- Exchange rates per currency pair and month, set by the operator (by hand or from a CSV): one unit
-- of from_currency is `rate` units of to_currency in that month. A month before the current one is
-- final: its rate, once set, is never changed. A tenant may name the currency it reports in.
CREATE TABLE exchange_rates (
    from_currency  text NOT NULL CHECK (from_currency ~ '^[A-Z]{3}$'),
    to_currency    text NOT NULL CHECK (to_currency ~ '^[A-Z]{3}$'),
    month          date NOT NULL CHECK (extract(day FROM month) = 1),
    rate           numeric NOT NULL CHECK (rate > 0),
    source         text NOT NULL CHECK (source IN ('csv', 'manual')),
    updated_at     timestamptz NOT NULL,
    updated_by     text NOT NULL,
    PRIMARY KEY (from_currency, to_currency, month),
    CHECK (from_currency <> to_currency)
);

ALTER TABLE tenants ADD COLUMN reporting_currency text CHECK (reporting_currency ~ '^[A-Z]{3}$');
