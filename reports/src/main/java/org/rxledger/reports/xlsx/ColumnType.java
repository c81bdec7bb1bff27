package org.rxledger.reports.xlsx;

/** How a column's cells are written: real numbers and dates, never numbers as text. */
public enum ColumnType {
    TEXT, INTEGER, DECIMAL, MONEY, DATE
}
