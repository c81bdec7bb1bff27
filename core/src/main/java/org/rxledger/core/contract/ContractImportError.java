package org.rxledger.core.contract;

/** One problem in a contract or price file: line (1 = header), column name (or null for the whole row), reason. */
public record ContractImportError(String file, long line, String column, String message) {

    @Override
    public String toString() {
        return file + " line " + line + (column == null ? "" : ", column " + column) + ": " + message;
    }
}
