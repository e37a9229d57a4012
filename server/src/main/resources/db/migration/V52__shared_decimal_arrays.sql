-- A chunk stores a decimal column as an empty array where every line of it has the same value there as
-- in the column's source (SharedDecimals): effective, contracted and list cost and the pricing currency's
-- effective cost share the billed cost; the pricing quantity the consumed quantity; the contracted unit
-- prices and the pricing currency's list unit price the list unit price. Chunks written before hold no
-- empty arrays (an empty column is NULL), so they read as before.
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
CROSS JOIN LATERAL unnest(c.availability_zone, c.billed_cost, c.billing_account_id, c.billing_account_name, c.billing_account_type, c.billing_currency, c.billing_period_start, c.billing_period_end, c.capacity_reservation_id, c.capacity_reservation_status, c.charge_category, c.charge_class, c.charge_description, c.charge_frequency, c.charge_period_start, c.charge_period_end, c.commitment_discount_category, c.commitment_discount_id, c.commitment_discount_name, c.commitment_discount_quantity, c.commitment_discount_status, c.commitment_discount_type, c.commitment_discount_unit, c.consumed_quantity, c.consumed_unit, CASE WHEN cardinality(c.contracted_cost) = 0 THEN c.billed_cost ELSE c.contracted_cost END, CASE WHEN cardinality(c.contracted_unit_price) = 0 THEN c.list_unit_price ELSE c.contracted_unit_price END, CASE WHEN cardinality(c.effective_cost) = 0 THEN c.billed_cost ELSE c.effective_cost END, c.invoice_id, c.invoice_issuer_name, CASE WHEN cardinality(c.list_cost) = 0 THEN c.billed_cost ELSE c.list_cost END, c.list_unit_price, c.pricing_category, c.pricing_currency, CASE WHEN cardinality(c.pricing_currency_contracted_unit_price) = 0 THEN c.list_unit_price ELSE c.pricing_currency_contracted_unit_price END, CASE WHEN cardinality(c.pricing_currency_effective_cost) = 0 THEN c.billed_cost ELSE c.pricing_currency_effective_cost END, CASE WHEN cardinality(c.pricing_currency_list_unit_price) = 0 THEN c.list_unit_price ELSE c.pricing_currency_list_unit_price END, CASE WHEN cardinality(c.pricing_quantity) = 0 THEN c.consumed_quantity ELSE c.pricing_quantity END, c.pricing_unit, c.provider_name, c.publisher_name, c.service_provider_name, c.host_provider_name, c.region_id, c.region_name, c.resource_id, c.resource_name, c.resource_type, c.service_category, c.service_name, c.service_subcategory, c.sku_id, c.sku_meter, c.sku_price_details, c.sku_price_id, c.sub_account_id, c.sub_account_name, c.sub_account_type, c.tags, c.extra, c.tags_rest)
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
