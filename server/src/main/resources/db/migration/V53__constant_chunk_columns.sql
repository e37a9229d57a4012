-- A chunk stores a column of dictionary ids or timestamps whose every line has one value as that one
-- value (RowChunk), and readers repeat it for each of the chunk's row_count lines: a line's provider,
-- billing account, currency, period and the like are most often one value for a whole chunk, and each
-- such array was received element by element and compressed by PostgreSQL. Both short forms (this one
-- and V52's shared decimals, an empty array) are told apart by their stored size first: pg_column_size
-- does not decompress, so a whole column is decompressed once, by unnest (V52 tested cardinality, which
-- decompressed an unshared candidate a second time). Chunks written before hold whole arrays, and an
-- array of one line's chunk is one element either way, so they read as before.
CREATE OR REPLACE VIEW billing_rows AS
SELECT c.tenant_id,
       c.source_id,
       c.load_id,
       c.billing_period,
       d_availability_zone.value AS availability_zone,
       u.billed_cost,
       d_billing_account_id.value AS billing_account_id,
       d_billing_account_name.value AS billing_account_name,
       d_billing_account_type.value AS billing_account_type,
       d_billing_currency.value AS billing_currency,
       u.billing_period_start,
       u.billing_period_end,
       d_capacity_reservation_id.value AS capacity_reservation_id,
       d_capacity_reservation_status.value AS capacity_reservation_status,
       d_charge_category.value AS charge_category,
       d_charge_class.value AS charge_class,
       d_charge_description.value AS charge_description,
       d_charge_frequency.value AS charge_frequency,
       u.charge_period_start,
       u.charge_period_end,
       d_commitment_discount_category.value AS commitment_discount_category,
       d_commitment_discount_id.value AS commitment_discount_id,
       d_commitment_discount_name.value AS commitment_discount_name,
       u.commitment_discount_quantity,
       d_commitment_discount_status.value AS commitment_discount_status,
       d_commitment_discount_type.value AS commitment_discount_type,
       d_commitment_discount_unit.value AS commitment_discount_unit,
       u.consumed_quantity,
       d_consumed_unit.value AS consumed_unit,
       u.contracted_cost,
       u.contracted_unit_price,
       u.effective_cost,
       d_invoice_id.value AS invoice_id,
       d_invoice_issuer_name.value AS invoice_issuer_name,
       u.list_cost,
       u.list_unit_price,
       d_pricing_category.value AS pricing_category,
       d_pricing_currency.value AS pricing_currency,
       u.pricing_currency_contracted_unit_price,
       u.pricing_currency_effective_cost,
       u.pricing_currency_list_unit_price,
       u.pricing_quantity,
       d_pricing_unit.value AS pricing_unit,
       d_provider_name.value AS provider_name,
       d_publisher_name.value AS publisher_name,
       d_service_provider_name.value AS service_provider_name,
       d_host_provider_name.value AS host_provider_name,
       d_region_id.value AS region_id,
       d_region_name.value AS region_name,
       r_resource_id.vals[(u.resource_id & 31) + 1] AS resource_id,
       d_resource_name.value AS resource_name,
       d_resource_type.value AS resource_type,
       d_service_category.value AS service_category,
       d_service_name.value AS service_name,
       d_service_subcategory.value AS service_subcategory,
       d_sku_id.value AS sku_id,
       d_sku_meter.value AS sku_meter,
       d_sku_price_details.value AS sku_price_details,
       d_sku_price_id.value AS sku_price_id,
       d_sub_account_id.value AS sub_account_id,
       d_sub_account_name.value AS sub_account_name,
       d_sub_account_type.value AS sub_account_type,
       CASE WHEN u.tags_rest IS NULL THEN d_tags.value ELSE d_tags.value || u.tags_rest::jsonb END AS tags,
       d_extra.value AS extra,
       u.resource_id AS resource_key
FROM (SELECT * FROM billing_chunks UNION ALL SELECT * FROM billing_chunks_small) c
CROSS JOIN LATERAL unnest(
        CASE WHEN pg_column_size(c.availability_zone) < 64 AND c.row_count > 1 AND cardinality(c.availability_zone) = 1 THEN array_fill(c.availability_zone[1], ARRAY[c.row_count]) ELSE c.availability_zone END,
        c.billed_cost,
        CASE WHEN pg_column_size(c.billing_account_id) < 64 AND c.row_count > 1 AND cardinality(c.billing_account_id) = 1 THEN array_fill(c.billing_account_id[1], ARRAY[c.row_count]) ELSE c.billing_account_id END,
        CASE WHEN pg_column_size(c.billing_account_name) < 64 AND c.row_count > 1 AND cardinality(c.billing_account_name) = 1 THEN array_fill(c.billing_account_name[1], ARRAY[c.row_count]) ELSE c.billing_account_name END,
        CASE WHEN pg_column_size(c.billing_account_type) < 64 AND c.row_count > 1 AND cardinality(c.billing_account_type) = 1 THEN array_fill(c.billing_account_type[1], ARRAY[c.row_count]) ELSE c.billing_account_type END,
        CASE WHEN pg_column_size(c.billing_currency) < 64 AND c.row_count > 1 AND cardinality(c.billing_currency) = 1 THEN array_fill(c.billing_currency[1], ARRAY[c.row_count]) ELSE c.billing_currency END,
        CASE WHEN pg_column_size(c.billing_period_start) < 64 AND c.row_count > 1 AND cardinality(c.billing_period_start) = 1 THEN array_fill(c.billing_period_start[1], ARRAY[c.row_count]) ELSE c.billing_period_start END,
        CASE WHEN pg_column_size(c.billing_period_end) < 64 AND c.row_count > 1 AND cardinality(c.billing_period_end) = 1 THEN array_fill(c.billing_period_end[1], ARRAY[c.row_count]) ELSE c.billing_period_end END,
        CASE WHEN pg_column_size(c.capacity_reservation_id) < 64 AND c.row_count > 1 AND cardinality(c.capacity_reservation_id) = 1 THEN array_fill(c.capacity_reservation_id[1], ARRAY[c.row_count]) ELSE c.capacity_reservation_id END,
        CASE WHEN pg_column_size(c.capacity_reservation_status) < 64 AND c.row_count > 1 AND cardinality(c.capacity_reservation_status) = 1 THEN array_fill(c.capacity_reservation_status[1], ARRAY[c.row_count]) ELSE c.capacity_reservation_status END,
        CASE WHEN pg_column_size(c.charge_category) < 64 AND c.row_count > 1 AND cardinality(c.charge_category) = 1 THEN array_fill(c.charge_category[1], ARRAY[c.row_count]) ELSE c.charge_category END,
        CASE WHEN pg_column_size(c.charge_class) < 64 AND c.row_count > 1 AND cardinality(c.charge_class) = 1 THEN array_fill(c.charge_class[1], ARRAY[c.row_count]) ELSE c.charge_class END,
        CASE WHEN pg_column_size(c.charge_description) < 64 AND c.row_count > 1 AND cardinality(c.charge_description) = 1 THEN array_fill(c.charge_description[1], ARRAY[c.row_count]) ELSE c.charge_description END,
        CASE WHEN pg_column_size(c.charge_frequency) < 64 AND c.row_count > 1 AND cardinality(c.charge_frequency) = 1 THEN array_fill(c.charge_frequency[1], ARRAY[c.row_count]) ELSE c.charge_frequency END,
        CASE WHEN pg_column_size(c.charge_period_start) < 64 AND c.row_count > 1 AND cardinality(c.charge_period_start) = 1 THEN array_fill(c.charge_period_start[1], ARRAY[c.row_count]) ELSE c.charge_period_start END,
        CASE WHEN pg_column_size(c.charge_period_end) < 64 AND c.row_count > 1 AND cardinality(c.charge_period_end) = 1 THEN array_fill(c.charge_period_end[1], ARRAY[c.row_count]) ELSE c.charge_period_end END,
        CASE WHEN pg_column_size(c.commitment_discount_category) < 64 AND c.row_count > 1 AND cardinality(c.commitment_discount_category) = 1 THEN array_fill(c.commitment_discount_category[1], ARRAY[c.row_count]) ELSE c.commitment_discount_category END,
        CASE WHEN pg_column_size(c.commitment_discount_id) < 64 AND c.row_count > 1 AND cardinality(c.commitment_discount_id) = 1 THEN array_fill(c.commitment_discount_id[1], ARRAY[c.row_count]) ELSE c.commitment_discount_id END,
        CASE WHEN pg_column_size(c.commitment_discount_name) < 64 AND c.row_count > 1 AND cardinality(c.commitment_discount_name) = 1 THEN array_fill(c.commitment_discount_name[1], ARRAY[c.row_count]) ELSE c.commitment_discount_name END,
        c.commitment_discount_quantity,
        CASE WHEN pg_column_size(c.commitment_discount_status) < 64 AND c.row_count > 1 AND cardinality(c.commitment_discount_status) = 1 THEN array_fill(c.commitment_discount_status[1], ARRAY[c.row_count]) ELSE c.commitment_discount_status END,
        CASE WHEN pg_column_size(c.commitment_discount_type) < 64 AND c.row_count > 1 AND cardinality(c.commitment_discount_type) = 1 THEN array_fill(c.commitment_discount_type[1], ARRAY[c.row_count]) ELSE c.commitment_discount_type END,
        CASE WHEN pg_column_size(c.commitment_discount_unit) < 64 AND c.row_count > 1 AND cardinality(c.commitment_discount_unit) = 1 THEN array_fill(c.commitment_discount_unit[1], ARRAY[c.row_count]) ELSE c.commitment_discount_unit END,
        c.consumed_quantity,
        CASE WHEN pg_column_size(c.consumed_unit) < 64 AND c.row_count > 1 AND cardinality(c.consumed_unit) = 1 THEN array_fill(c.consumed_unit[1], ARRAY[c.row_count]) ELSE c.consumed_unit END,
        CASE WHEN pg_column_size(c.contracted_cost) < 64 AND cardinality(c.contracted_cost) = 0 THEN c.billed_cost ELSE c.contracted_cost END,
        CASE WHEN pg_column_size(c.contracted_unit_price) < 64 AND cardinality(c.contracted_unit_price) = 0 THEN c.list_unit_price ELSE c.contracted_unit_price END,
        CASE WHEN pg_column_size(c.effective_cost) < 64 AND cardinality(c.effective_cost) = 0 THEN c.billed_cost ELSE c.effective_cost END,
        CASE WHEN pg_column_size(c.invoice_id) < 64 AND c.row_count > 1 AND cardinality(c.invoice_id) = 1 THEN array_fill(c.invoice_id[1], ARRAY[c.row_count]) ELSE c.invoice_id END,
        CASE WHEN pg_column_size(c.invoice_issuer_name) < 64 AND c.row_count > 1 AND cardinality(c.invoice_issuer_name) = 1 THEN array_fill(c.invoice_issuer_name[1], ARRAY[c.row_count]) ELSE c.invoice_issuer_name END,
        CASE WHEN pg_column_size(c.list_cost) < 64 AND cardinality(c.list_cost) = 0 THEN c.billed_cost ELSE c.list_cost END,
        c.list_unit_price,
        CASE WHEN pg_column_size(c.pricing_category) < 64 AND c.row_count > 1 AND cardinality(c.pricing_category) = 1 THEN array_fill(c.pricing_category[1], ARRAY[c.row_count]) ELSE c.pricing_category END,
        CASE WHEN pg_column_size(c.pricing_currency) < 64 AND c.row_count > 1 AND cardinality(c.pricing_currency) = 1 THEN array_fill(c.pricing_currency[1], ARRAY[c.row_count]) ELSE c.pricing_currency END,
        CASE WHEN pg_column_size(c.pricing_currency_contracted_unit_price) < 64 AND cardinality(c.pricing_currency_contracted_unit_price) = 0 THEN c.list_unit_price ELSE c.pricing_currency_contracted_unit_price END,
        CASE WHEN pg_column_size(c.pricing_currency_effective_cost) < 64 AND cardinality(c.pricing_currency_effective_cost) = 0 THEN c.billed_cost ELSE c.pricing_currency_effective_cost END,
        CASE WHEN pg_column_size(c.pricing_currency_list_unit_price) < 64 AND cardinality(c.pricing_currency_list_unit_price) = 0 THEN c.list_unit_price ELSE c.pricing_currency_list_unit_price END,
        CASE WHEN pg_column_size(c.pricing_quantity) < 64 AND cardinality(c.pricing_quantity) = 0 THEN c.consumed_quantity ELSE c.pricing_quantity END,
        CASE WHEN pg_column_size(c.pricing_unit) < 64 AND c.row_count > 1 AND cardinality(c.pricing_unit) = 1 THEN array_fill(c.pricing_unit[1], ARRAY[c.row_count]) ELSE c.pricing_unit END,
        CASE WHEN pg_column_size(c.provider_name) < 64 AND c.row_count > 1 AND cardinality(c.provider_name) = 1 THEN array_fill(c.provider_name[1], ARRAY[c.row_count]) ELSE c.provider_name END,
        CASE WHEN pg_column_size(c.publisher_name) < 64 AND c.row_count > 1 AND cardinality(c.publisher_name) = 1 THEN array_fill(c.publisher_name[1], ARRAY[c.row_count]) ELSE c.publisher_name END,
        CASE WHEN pg_column_size(c.service_provider_name) < 64 AND c.row_count > 1 AND cardinality(c.service_provider_name) = 1 THEN array_fill(c.service_provider_name[1], ARRAY[c.row_count]) ELSE c.service_provider_name END,
        CASE WHEN pg_column_size(c.host_provider_name) < 64 AND c.row_count > 1 AND cardinality(c.host_provider_name) = 1 THEN array_fill(c.host_provider_name[1], ARRAY[c.row_count]) ELSE c.host_provider_name END,
        CASE WHEN pg_column_size(c.region_id) < 64 AND c.row_count > 1 AND cardinality(c.region_id) = 1 THEN array_fill(c.region_id[1], ARRAY[c.row_count]) ELSE c.region_id END,
        CASE WHEN pg_column_size(c.region_name) < 64 AND c.row_count > 1 AND cardinality(c.region_name) = 1 THEN array_fill(c.region_name[1], ARRAY[c.row_count]) ELSE c.region_name END,
        CASE WHEN pg_column_size(c.resource_id) < 64 AND c.row_count > 1 AND cardinality(c.resource_id) = 1 THEN array_fill(c.resource_id[1], ARRAY[c.row_count]) ELSE c.resource_id END,
        CASE WHEN pg_column_size(c.resource_name) < 64 AND c.row_count > 1 AND cardinality(c.resource_name) = 1 THEN array_fill(c.resource_name[1], ARRAY[c.row_count]) ELSE c.resource_name END,
        CASE WHEN pg_column_size(c.resource_type) < 64 AND c.row_count > 1 AND cardinality(c.resource_type) = 1 THEN array_fill(c.resource_type[1], ARRAY[c.row_count]) ELSE c.resource_type END,
        CASE WHEN pg_column_size(c.service_category) < 64 AND c.row_count > 1 AND cardinality(c.service_category) = 1 THEN array_fill(c.service_category[1], ARRAY[c.row_count]) ELSE c.service_category END,
        CASE WHEN pg_column_size(c.service_name) < 64 AND c.row_count > 1 AND cardinality(c.service_name) = 1 THEN array_fill(c.service_name[1], ARRAY[c.row_count]) ELSE c.service_name END,
        CASE WHEN pg_column_size(c.service_subcategory) < 64 AND c.row_count > 1 AND cardinality(c.service_subcategory) = 1 THEN array_fill(c.service_subcategory[1], ARRAY[c.row_count]) ELSE c.service_subcategory END,
        CASE WHEN pg_column_size(c.sku_id) < 64 AND c.row_count > 1 AND cardinality(c.sku_id) = 1 THEN array_fill(c.sku_id[1], ARRAY[c.row_count]) ELSE c.sku_id END,
        CASE WHEN pg_column_size(c.sku_meter) < 64 AND c.row_count > 1 AND cardinality(c.sku_meter) = 1 THEN array_fill(c.sku_meter[1], ARRAY[c.row_count]) ELSE c.sku_meter END,
        CASE WHEN pg_column_size(c.sku_price_details) < 64 AND c.row_count > 1 AND cardinality(c.sku_price_details) = 1 THEN array_fill(c.sku_price_details[1], ARRAY[c.row_count]) ELSE c.sku_price_details END,
        CASE WHEN pg_column_size(c.sku_price_id) < 64 AND c.row_count > 1 AND cardinality(c.sku_price_id) = 1 THEN array_fill(c.sku_price_id[1], ARRAY[c.row_count]) ELSE c.sku_price_id END,
        CASE WHEN pg_column_size(c.sub_account_id) < 64 AND c.row_count > 1 AND cardinality(c.sub_account_id) = 1 THEN array_fill(c.sub_account_id[1], ARRAY[c.row_count]) ELSE c.sub_account_id END,
        CASE WHEN pg_column_size(c.sub_account_name) < 64 AND c.row_count > 1 AND cardinality(c.sub_account_name) = 1 THEN array_fill(c.sub_account_name[1], ARRAY[c.row_count]) ELSE c.sub_account_name END,
        CASE WHEN pg_column_size(c.sub_account_type) < 64 AND c.row_count > 1 AND cardinality(c.sub_account_type) = 1 THEN array_fill(c.sub_account_type[1], ARRAY[c.row_count]) ELSE c.sub_account_type END,
        CASE WHEN pg_column_size(c.tags) < 64 AND c.row_count > 1 AND cardinality(c.tags) = 1 THEN array_fill(c.tags[1], ARRAY[c.row_count]) ELSE c.tags END,
        CASE WHEN pg_column_size(c.extra) < 64 AND c.row_count > 1 AND cardinality(c.extra) = 1 THEN array_fill(c.extra[1], ARRAY[c.row_count]) ELSE c.extra END,
        c.tags_rest)
    AS u(availability_zone, billed_cost, billing_account_id, billing_account_name, billing_account_type, billing_currency, billing_period_start, billing_period_end, capacity_reservation_id, capacity_reservation_status, charge_category, charge_class, charge_description, charge_frequency, charge_period_start, charge_period_end, commitment_discount_category, commitment_discount_id, commitment_discount_name, commitment_discount_quantity, commitment_discount_status, commitment_discount_type, commitment_discount_unit, consumed_quantity, consumed_unit, contracted_cost, contracted_unit_price, effective_cost, invoice_id, invoice_issuer_name, list_cost, list_unit_price, pricing_category, pricing_currency, pricing_currency_contracted_unit_price, pricing_currency_effective_cost, pricing_currency_list_unit_price, pricing_quantity, pricing_unit, provider_name, publisher_name, service_provider_name, host_provider_name, region_id, region_name, resource_id, resource_name, resource_type, service_category, service_name, service_subcategory, sku_id, sku_meter, sku_price_details, sku_price_id, sub_account_id, sub_account_name, sub_account_type, tags, extra, tags_rest)
LEFT JOIN billing_strings d_availability_zone ON d_availability_zone.tenant_id = c.tenant_id AND d_availability_zone.id = u.availability_zone
LEFT JOIN billing_strings d_billing_account_id ON d_billing_account_id.tenant_id = c.tenant_id AND d_billing_account_id.id = u.billing_account_id
LEFT JOIN billing_strings d_billing_account_name ON d_billing_account_name.tenant_id = c.tenant_id AND d_billing_account_name.id = u.billing_account_name
LEFT JOIN billing_strings d_billing_account_type ON d_billing_account_type.tenant_id = c.tenant_id AND d_billing_account_type.id = u.billing_account_type
LEFT JOIN billing_strings d_billing_currency ON d_billing_currency.tenant_id = c.tenant_id AND d_billing_currency.id = u.billing_currency
LEFT JOIN billing_strings d_capacity_reservation_id ON d_capacity_reservation_id.tenant_id = c.tenant_id AND d_capacity_reservation_id.id = u.capacity_reservation_id
LEFT JOIN billing_strings d_capacity_reservation_status ON d_capacity_reservation_status.tenant_id = c.tenant_id AND d_capacity_reservation_status.id = u.capacity_reservation_status
LEFT JOIN billing_strings d_charge_category ON d_charge_category.tenant_id = c.tenant_id AND d_charge_category.id = u.charge_category
LEFT JOIN billing_strings d_charge_class ON d_charge_class.tenant_id = c.tenant_id AND d_charge_class.id = u.charge_class
LEFT JOIN billing_strings d_charge_description ON d_charge_description.tenant_id = c.tenant_id AND d_charge_description.id = u.charge_description
LEFT JOIN billing_strings d_charge_frequency ON d_charge_frequency.tenant_id = c.tenant_id AND d_charge_frequency.id = u.charge_frequency
LEFT JOIN billing_strings d_commitment_discount_category ON d_commitment_discount_category.tenant_id = c.tenant_id AND d_commitment_discount_category.id = u.commitment_discount_category
LEFT JOIN billing_strings d_commitment_discount_id ON d_commitment_discount_id.tenant_id = c.tenant_id AND d_commitment_discount_id.id = u.commitment_discount_id
LEFT JOIN billing_strings d_commitment_discount_name ON d_commitment_discount_name.tenant_id = c.tenant_id AND d_commitment_discount_name.id = u.commitment_discount_name
LEFT JOIN billing_strings d_commitment_discount_status ON d_commitment_discount_status.tenant_id = c.tenant_id AND d_commitment_discount_status.id = u.commitment_discount_status
LEFT JOIN billing_strings d_commitment_discount_type ON d_commitment_discount_type.tenant_id = c.tenant_id AND d_commitment_discount_type.id = u.commitment_discount_type
LEFT JOIN billing_strings d_commitment_discount_unit ON d_commitment_discount_unit.tenant_id = c.tenant_id AND d_commitment_discount_unit.id = u.commitment_discount_unit
LEFT JOIN billing_strings d_consumed_unit ON d_consumed_unit.tenant_id = c.tenant_id AND d_consumed_unit.id = u.consumed_unit
LEFT JOIN billing_strings d_invoice_id ON d_invoice_id.tenant_id = c.tenant_id AND d_invoice_id.id = u.invoice_id
LEFT JOIN billing_strings d_invoice_issuer_name ON d_invoice_issuer_name.tenant_id = c.tenant_id AND d_invoice_issuer_name.id = u.invoice_issuer_name
LEFT JOIN billing_strings d_pricing_category ON d_pricing_category.tenant_id = c.tenant_id AND d_pricing_category.id = u.pricing_category
LEFT JOIN billing_strings d_pricing_currency ON d_pricing_currency.tenant_id = c.tenant_id AND d_pricing_currency.id = u.pricing_currency
LEFT JOIN billing_strings d_pricing_unit ON d_pricing_unit.tenant_id = c.tenant_id AND d_pricing_unit.id = u.pricing_unit
LEFT JOIN billing_strings d_provider_name ON d_provider_name.tenant_id = c.tenant_id AND d_provider_name.id = u.provider_name
LEFT JOIN billing_strings d_publisher_name ON d_publisher_name.tenant_id = c.tenant_id AND d_publisher_name.id = u.publisher_name
LEFT JOIN billing_strings d_service_provider_name ON d_service_provider_name.tenant_id = c.tenant_id AND d_service_provider_name.id = u.service_provider_name
LEFT JOIN billing_strings d_host_provider_name ON d_host_provider_name.tenant_id = c.tenant_id AND d_host_provider_name.id = u.host_provider_name
LEFT JOIN billing_strings d_region_id ON d_region_id.tenant_id = c.tenant_id AND d_region_id.id = u.region_id
LEFT JOIN billing_strings d_region_name ON d_region_name.tenant_id = c.tenant_id AND d_region_name.id = u.region_name
LEFT JOIN billing_resource_ids r_resource_id ON r_resource_id.tenant_id = c.tenant_id AND r_resource_id.block = u.resource_id >> 5
LEFT JOIN billing_strings d_resource_name ON d_resource_name.tenant_id = c.tenant_id AND d_resource_name.id = u.resource_name
LEFT JOIN billing_strings d_resource_type ON d_resource_type.tenant_id = c.tenant_id AND d_resource_type.id = u.resource_type
LEFT JOIN billing_strings d_service_category ON d_service_category.tenant_id = c.tenant_id AND d_service_category.id = u.service_category
LEFT JOIN billing_strings d_service_name ON d_service_name.tenant_id = c.tenant_id AND d_service_name.id = u.service_name
LEFT JOIN billing_strings d_service_subcategory ON d_service_subcategory.tenant_id = c.tenant_id AND d_service_subcategory.id = u.service_subcategory
LEFT JOIN billing_strings d_sku_id ON d_sku_id.tenant_id = c.tenant_id AND d_sku_id.id = u.sku_id
LEFT JOIN billing_strings d_sku_meter ON d_sku_meter.tenant_id = c.tenant_id AND d_sku_meter.id = u.sku_meter
LEFT JOIN billing_json d_sku_price_details ON d_sku_price_details.tenant_id = c.tenant_id AND d_sku_price_details.id = u.sku_price_details
LEFT JOIN billing_strings d_sku_price_id ON d_sku_price_id.tenant_id = c.tenant_id AND d_sku_price_id.id = u.sku_price_id
LEFT JOIN billing_strings d_sub_account_id ON d_sub_account_id.tenant_id = c.tenant_id AND d_sub_account_id.id = u.sub_account_id
LEFT JOIN billing_strings d_sub_account_name ON d_sub_account_name.tenant_id = c.tenant_id AND d_sub_account_name.id = u.sub_account_name
LEFT JOIN billing_strings d_sub_account_type ON d_sub_account_type.tenant_id = c.tenant_id AND d_sub_account_type.id = u.sub_account_type
LEFT JOIN billing_json d_tags ON d_tags.tenant_id = c.tenant_id AND d_tags.id = u.tags
LEFT JOIN billing_json d_extra ON d_extra.tenant_id = c.tenant_id AND d_extra.id = u.extra;
