package org.rxledger.core.mfp;

/** One problem in an MFP price CSV: line (1 = header), column name (or null for the whole row), reason. */
public record MfpImportError(String file, long line, String column, String message) {

    @Override
    public String toString() {
        return file + " line " + line + (column == null ? "" : ", column " + column) + ": " + message;
    }
}
