-- Entries are looked up by index and by type, never by unit: the unit index only slowed every write.
DROP INDEX council_entry_unit;
