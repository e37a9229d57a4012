-- A price book whose prices are negative, NaN, infinite or not numbers is refused whole (the load
-- is one transaction, so the book before it stays): a price is a plain decimal of 0 or more.
CREATE FUNCTION pricing.prices_valid(prices jsonb) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
    SELECT NOT EXISTS (
        SELECT 1
        FROM jsonb_each(prices) AS product(hash, list)
        CROSS JOIN LATERAL jsonb_array_elements(CASE WHEN jsonb_typeof(product.list) = 'array' THEN product.list ELSE '[]' END) AS p(price)
        CROSS JOIN LATERAL (VALUES ('USD'), ('CNY')) AS c(currency)
        WHERE p.price ? c.currency
          AND NOT coalesce(p.price ->> c.currency ~ '^[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]{1,2})?$', false))
$$;
-- NOT VALID: the book loaded before is not read again; every product loaded from now on is checked
-- (a new book's table is made LIKE this one, with its constraints).
ALTER TABLE pricing.products ADD CONSTRAINT products_prices_valid CHECK (pricing.prices_valid(prices)) NOT VALID;
