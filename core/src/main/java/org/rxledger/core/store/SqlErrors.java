package org.rxledger.core.store;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.StatementException;

/**
 * Turns a database failure into one that is safe to log and show. H2's messages quote the offending
 * values ({@code Value too long for column "CARDHOLDER_ID …": "'ZQX…'"}) and Jdbi's append the statement
 * with its bound arguments — a patient's name, member id, Rx and date of service. What is kept: the SQL
 * state, the vendor error code, and the table, column or constraint names read from known message
 * shapes (identifiers only); the stack trace is kept, the text is not. The remittance import reads the
 * SQL state from the cause, so the cause stays an {@link SQLException}.
 */
final class SqlErrors {

    /** Identifier-only captures at the start of H2's messages; values come later in them and are never read. */
    private static final List<Pattern> NAMES = List.of(
            Pattern.compile("Value too long for column \"([A-Z0-9_]+)"),
            Pattern.compile("NULL not allowed for column \"([A-Z0-9_]+)\""),
            Pattern.compile("Unique index or primary key violation: \"(?:PUBLIC\\.)?([A-Z0-9_]+) ON (?:PUBLIC\\.)?([A-Z0-9_]+)"),
            Pattern.compile("Referential integrity constraint violation: \"([A-Z0-9_]+): (?:PUBLIC\\.)?([A-Z0-9_]+) FOREIGN KEY"),
            Pattern.compile("Check constraint violation: \"([A-Z0-9_]+)"));
    private static final Pattern STATEMENT_TABLE = Pattern.compile(
            "^\\s*(?:INSERT\\s+INTO|UPDATE|DELETE\\s+FROM|MERGE\\s+INTO|SELECT\\s.*?\\sFROM)\\s+([A-Za-z_][A-Za-z0-9_]*)",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private SqlErrors() {
    }

    /**
     * True when {@code e} is a database failure whose text may hold values: a Jdbi exception, or one of our
     * {@link StoreException}s wrapping a {@link SQLException}. An exception of a domain type is left as it is,
     * even when a database failure is its cause: the caller catches it by type (a refused duplicate payment).
     */
    static boolean isDatabaseError(Throwable e) {
        if (e instanceof JdbiException) {
            return true;
        }
        if (e instanceof StoreException && !(e instanceof DataFolderBusyException)) {
            for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
                if (t instanceof SQLException || t instanceof JdbiException) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * A {@link StoreException} saying only what is safe: our own message when the failure was already one
     * of ours, else "the database refused …"; its cause is a bare {@link SQLException} with the state, the
     * code, the names and the original stack trace.
     */
    static StoreException translate(RuntimeException e) {
        SQLException sql = firstSqlException(e);
        String state = sql == null ? null : sql.getSQLState();
        int code = sql == null ? 0 : sql.getErrorCode();
        List<String> names = new ArrayList<>();
        String table = statementTable(e);
        if (table != null) {
            names.add("table " + table);
        }
        if (sql != null && sql.getMessage() != null) {
            names.addAll(namesIn(sql.getMessage()));
        }
        String detail = "SQL state " + state + ", error code " + code + (names.isEmpty() ? "" : ", " + String.join(", ", names));
        String message = e instanceof StoreException ours && !(ours.getCause() instanceof StoreException)
                ? ours.getMessage() + " (" + detail + ")"
                : "The database could not complete the operation (" + detail + ")";
        SQLException bare = new SQLException(detail, state, code);
        bare.setStackTrace(sql != null ? sql.getStackTrace() : e.getStackTrace());
        StoreException safe = new StoreException(message, bare);
        safe.setStackTrace(e.getStackTrace());
        return safe;
    }

    /** True when a {@link SQLException} with {@code state} is in the cause chain of {@code e}. */
    static boolean hasState(Throwable e, String state) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && state.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static SQLException firstSqlException(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }

    private static String statementTable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof StatementException se && se.getStatementContext() != null && se.getStatementContext().getRawSql() != null) {
                Matcher m = STATEMENT_TABLE.matcher(se.getStatementContext().getRawSql());
                return m.lookingAt() ? m.group(1).toUpperCase(Locale.ROOT) : null;
            }
        }
        return null;
    }

    static List<String> namesIn(String message) {
        List<String> names = new ArrayList<>();
        for (Pattern p : NAMES) {
            Matcher m = p.matcher(message);
            if (m.lookingAt()) {
                String kind = p.pattern().startsWith("Value") || p.pattern().startsWith("NULL") ? "column " : "constraint ";
                names.add(kind + m.group(1));
                if (m.groupCount() > 1) {
                    names.add("table " + m.group(2));
                }
            }
        }
        return names;
    }
}
