package org.rxledger.reports.xlsx;

/**
 * One column of a report table.
 *
 * @param width  width in characters (Excel's unit is 1/256 of a character)
 * @param totals whether the totals row sums this column (a SUBTOTAL formula, so filters respect it)
 */
public record Column(String header, ColumnType type, int width, boolean totals) {

    public static Column text(String header, int width) {
        return new Column(header, ColumnType.TEXT, width, false);
    }

    public static Column integer(String header) {
        return new Column(header, ColumnType.INTEGER, Math.max(8, header.length() + 2), false);
    }

    /** A whole-number column whose totals row sums it (claim counts). */
    public static Column count(String header) {
        return new Column(header, ColumnType.INTEGER, Math.max(8, header.length() + 2), true);
    }

    public static Column decimal(String header) {
        return new Column(header, ColumnType.DECIMAL, Math.max(10, header.length() + 2), false);
    }

    public static Column date(String header) {
        return new Column(header, ColumnType.DATE, 12, false);
    }

    public static Column money(String header) {
        return new Column(header, ColumnType.MONEY, Math.max(13, header.length() + 2), true);
    }
}
