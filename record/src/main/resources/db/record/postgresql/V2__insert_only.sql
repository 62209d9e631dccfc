-- PostgreSQL: the record's tables refuse UPDATE, DELETE and TRUNCATE.
CREATE FUNCTION record_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the record is insert-only: % of % is refused', TG_OP, TG_TABLE_NAME;
END;
$$;

CREATE TRIGGER record_entry_insert_only BEFORE UPDATE OR DELETE ON record_entry
    FOR EACH ROW EXECUTE FUNCTION record_refuse_change();
CREATE TRIGGER record_entry_no_truncate BEFORE TRUNCATE ON record_entry
    FOR EACH STATEMENT EXECUTE FUNCTION record_refuse_change();
CREATE TRIGGER record_hash_insert_only BEFORE UPDATE OR DELETE ON record_hash
    FOR EACH ROW EXECUTE FUNCTION record_refuse_change();
CREATE TRIGGER record_hash_no_truncate BEFORE TRUNCATE ON record_hash
    FOR EACH STATEMENT EXECUTE FUNCTION record_refuse_change();
CREATE TRIGGER record_checkpoint_insert_only BEFORE UPDATE OR DELETE ON record_checkpoint
    FOR EACH ROW EXECUTE FUNCTION record_refuse_change();
CREATE TRIGGER record_checkpoint_no_truncate BEFORE TRUNCATE ON record_checkpoint
    FOR EACH STATEMENT EXECUTE FUNCTION record_refuse_change();
CREATE TRIGGER record_cosignature_insert_only BEFORE UPDATE OR DELETE ON record_cosignature
    FOR EACH ROW EXECUTE FUNCTION record_refuse_change();
CREATE TRIGGER record_cosignature_no_truncate BEFORE TRUNCATE ON record_cosignature
    FOR EACH STATEMENT EXECUTE FUNCTION record_refuse_change();
