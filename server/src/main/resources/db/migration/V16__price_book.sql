-- The price book: products in the format of Infracost's open-source cloud-pricing-api `products`
-- table, which Stategraph's own pricing service uses. One book at a time: a load writes a new table
-- and swaps it in at commit (PriceBookLoader), so estimates read the old book or the new.

CREATE SCHEMA pricing;

CREATE TABLE pricing.products (
    product_hash    text NOT NULL,
    sku             text,
    vendor_name     text NOT NULL,
    region          text,
    service         text,
    product_family  text,
    attributes      jsonb NOT NULL CHECK (jsonb_typeof(attributes) = 'object'),
    prices          jsonb NOT NULL CHECK (jsonb_typeof(prices) = 'object')
);
CREATE INDEX products_lookup ON pricing.products (vendor_name, service, product_family, region);

-- What the current book holds and where it came from; one row once a book was loaded.
CREATE TABLE pricing.books (
    id          integer PRIMARY KEY CHECK (id = 1),
    products    bigint NOT NULL,
    by_vendor   jsonb NOT NULL,
    loaded_at   timestamptz NOT NULL,
    source      text NOT NULL
);
