-- A write that read without a lock sends its changes as one statement whose guard re-checks the
-- version it read (an UPDATE ... WHERE version = the one read, which waits for a concurrent
-- writer's row lock). The statement calls this with the number of rows its guard changed: any
-- other number than one refuses the whole statement as a serialization failure, to be retried.
CREATE FUNCTION require_unchanged_since_read(guarded_rows BIGINT) RETURNS VOID LANGUAGE plpgsql AS $$
BEGIN
  IF guarded_rows <> 1 THEN
    RAISE EXCEPTION 'the record changed since this write read it' USING ERRCODE = 'serialization_failure';
  END IF;
END
$$;
