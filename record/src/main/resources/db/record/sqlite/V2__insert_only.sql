-- SQLite: the record's tables refuse UPDATE and DELETE.
CREATE TRIGGER record_entry_no_update BEFORE UPDATE ON record_entry
BEGIN SELECT RAISE(ABORT, 'the record is insert-only: UPDATE of record_entry is refused'); END;
CREATE TRIGGER record_entry_no_delete BEFORE DELETE ON record_entry
BEGIN SELECT RAISE(ABORT, 'the record is insert-only: DELETE from record_entry is refused'); END;
CREATE TRIGGER record_hash_no_update BEFORE UPDATE ON record_hash
BEGIN SELECT RAISE(ABORT, 'the record is insert-only: UPDATE of record_hash is refused'); END;
CREATE TRIGGER record_hash_no_delete BEFORE DELETE ON record_hash
BEGIN SELECT RAISE(ABORT, 'the record is insert-only: DELETE from record_hash is refused'); END;
CREATE TRIGGER record_checkpoint_no_update BEFORE UPDATE ON record_checkpoint
BEGIN SELECT RAISE(ABORT, 'the record is insert-only: UPDATE of record_checkpoint is refused'); END;
CREATE TRIGGER record_checkpoint_no_delete BEFORE DELETE ON record_checkpoint
BEGIN SELECT RAISE(ABORT, 'the record is insert-only: DELETE from record_checkpoint is refused'); END;
CREATE TRIGGER record_cosignature_no_update BEFORE UPDATE ON record_cosignature
BEGIN SELECT RAISE(ABORT, 'the record is insert-only: UPDATE of record_cosignature is refused'); END;
CREATE TRIGGER record_cosignature_no_delete BEFORE DELETE ON record_cosignature
BEGIN SELECT RAISE(ABORT, 'the record is insert-only: DELETE from record_cosignature is refused'); END;
