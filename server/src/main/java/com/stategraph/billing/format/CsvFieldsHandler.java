package com.stategraph.billing.format;

import de.siegmar.fastcsv.reader.CsvCallbackHandler;
import de.siegmar.fastcsv.reader.RecordType;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects each CSV record's fields, and knows how many fields of the record being read were
 * complete: when the parser gives up inside a field (one past its buffer), that count names the
 * column it was in.
 */
final class CsvFieldsHandler extends CsvCallbackHandler<String[]> {
    private final List<String> fields = new ArrayList<>();
    private RecordType type = RecordType.DATA;

    /** Fields of the record being read that were complete when the parser stopped. */
    int completeFields() {
        return fields.size();
    }

    @Override
    protected RecordType getRecordType() {
        return type;
    }

    @Override
    protected int getFieldCount() {
        return fields.size();
    }

    @Override
    protected void beginRecord(long startingLineNumber) {
        fields.clear();
        type = RecordType.DATA;
    }

    @Override
    protected void addField(char[] buf, int offset, int len, boolean quoted) {
        fields.add(new String(buf, offset, len));
    }

    @Override
    protected void setComment(char[] buf, int offset, int len) {
        type = RecordType.COMMENT;
    }

    @Override
    protected void setEmpty() {
        type = RecordType.EMPTY;
    }

    @Override
    protected String[] buildRecord() {
        return fields.toArray(new String[0]);
    }
}
