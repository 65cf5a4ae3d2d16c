from django.db import migrations

# The pool is the record of what people and models said: rows are never edited or deleted.
# TRUNCATE (test flushes, disaster recovery) is a deliberate act and stays possible.
FORBID = """
CREATE FUNCTION signalpool_forbid_change() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'signals are append-only: record a correction instead of % on signal %',
        TG_OP, OLD.id USING ERRCODE = 'integrity_constraint_violation';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER signalpool_signal_append_only
    BEFORE UPDATE OR DELETE ON signalpool_signal
    FOR EACH ROW EXECUTE FUNCTION signalpool_forbid_change();
"""

ALLOW = """
DROP TRIGGER signalpool_signal_append_only ON signalpool_signal;
DROP FUNCTION signalpool_forbid_change();
"""


class Migration(migrations.Migration):
    dependencies = [("signalpool", "0001_initial")]
    operations = [migrations.RunSQL(FORBID, ALLOW)]
