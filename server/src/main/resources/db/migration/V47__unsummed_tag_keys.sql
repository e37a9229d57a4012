-- A tag key with more distinct values in a source's billing period than STATEGRAPH_SYNC_SUMMED_TAG_VALUES
-- (an instance, pod or function name: an identifier, not an allocation) is not summed per value: at a
-- resource per line its rows in cost_daily_tags, and its values in the tag sets of cost_daily_tag_sets,
-- were as many as the export's lines. Its tag sets keep the key with the value masked ("*"). The load
-- records those keys here, with the lines that name each; questions about their values read the rows.
ALTER TABLE billing_loads ADD COLUMN unsummed_tag_keys jsonb;
COMMENT ON COLUMN billing_loads.unsummed_tag_keys IS
    'tag keys not summed per value in this load''s rollups, each with the lines naming it; NULL: every key is';
