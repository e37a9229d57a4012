-- The first and last ChargePeriodStart of each load: a question about a range reads only the tables
-- of the loads whose charges reach into it (a billing period's export may hold charges of the days
-- around it, so the billing period alone cannot say).
ALTER TABLE billing_loads ADD COLUMN first_charge timestamptz, ADD COLUMN last_charge timestamptz;

UPDATE billing_loads l SET first_charge = r.first_charge, last_charge = r.last_charge
FROM (SELECT load_id, min(charge_period_start) AS first_charge, max(charge_period_start) AS last_charge
      FROM billing_rows GROUP BY load_id) r
WHERE r.load_id = l.id;
