package org.rxledger.app.ui;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.event.EventTarget;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Labeled;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import org.rxledger.app.task.TaskRunner;
import org.rxledger.core.money.Money;
import org.rxledger.reports.xlsx.Column;
import org.rxledger.reports.xlsx.XlsxReportWriter;

/**
 * "Export to Excel" of what a table shows (issue 19): its visible columns in their order and its rows as filtered and
 * sorted on screen, into an .xlsx with money as numbers of two decimals, dates as dates and counts as numbers; every
 * other cell as the text the table shows. Installed once on the window's root ({@link #install}), so every table in it
 * gets the context-menu item and Ctrl+Shift+E without a line in its view.
 */
public final class TableExport {

    public static final KeyCombination SHORTCUT = new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.SHIFT_DOWN);
    static final String MENU_TEXT = "Export to Excel";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT);

    /** What a table showed when the clerk asked, read on the FX thread and written in the background. */
    public record Snapshot(String title, List<Column> columns, List<Object[]> rows) {
    }

    private final Supplier<Path> folder;
    private final Clock clock;
    private final TaskRunner runner;
    private final Consumer<Notice> notices;
    private final Consumer<Path> written;

    /**
     * @param folder  where workbooks go (the data folder's exports/)
     * @param written called on the FX thread with each workbook written (the shell offers to open it)
     */
    private TableExport(Supplier<Path> folder, Clock clock, TaskRunner runner, Consumer<Notice> notices,
                        Consumer<Path> written) {
        this.folder = folder;
        this.clock = clock;
        this.runner = runner;
        this.notices = notices;
        this.written = written;
    }

    /** Gives every table under {@code root} the export: Ctrl+Shift+E where a table has the keyboard, and its context menu. */
    public static void install(Node root, Supplier<Path> folder, Clock clock, TaskRunner runner, Consumer<Notice> notices,
                               Consumer<Path> written) {
        TableExport export = new TableExport(folder, clock, runner, notices, written);
        root.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (SHORTCUT.match(e)) {
                TableView<?> table = tableOf(root.getScene() == null ? null : root.getScene().getFocusOwner());
                if (table != null) {
                    export.export(table);
                    e.consume();
                }
            }
        });
        // before the table shows its menu: add the item to the menu it has, or give it one
        root.addEventFilter(ContextMenuEvent.CONTEXT_MENU_REQUESTED, e -> {
            TableView<?> table = tableOf(e.getTarget());
            if (table != null) {
                export.addMenuItem(table);
            }
        });
    }

    private void addMenuItem(TableView<?> table) {
        ContextMenu menu = table.getContextMenu();
        if (menu == null) {
            menu = new ContextMenu();
            table.setContextMenu(menu);
        }
        if (menu.getItems().stream().noneMatch(i -> MENU_TEXT.equals(i.getText()))) {
            MenuItem item = new MenuItem(MENU_TEXT);
            item.setAccelerator(SHORTCUT);
            item.setOnAction(a -> export(table));
            if (!menu.getItems().isEmpty()) {
                menu.getItems().add(new SeparatorMenuItem());
            }
            menu.getItems().add(item);
        }
    }

    /** Writes what {@code table} shows now into a new workbook in the exports folder, in the background. */
    public void export(TableView<?> table) {
        Snapshot snapshot = snapshot(table);
        LocalDateTime now = LocalDateTime.now(clock);
        Path target = folder.get().resolve(fileName(snapshot.title()) + "-" + STAMP.format(now) + ".xlsx");
        runner.run("Exporting " + snapshot.title() + " to Excel", progress -> {
            write(snapshot, now, target);
            return target;
        }, written, failure -> notices.accept(Failures.explain("exporting the table to Excel", failure)));
    }

    /** The table's visible leaf columns and its shown rows, as values: Money, LocalDate, numbers typed; the rest as shown. */
    public static Snapshot snapshot(TableView<?> table) {
        return snapshotOf(table);
    }

    private static <S> Snapshot snapshotOf(TableView<S> table) {
        List<TableColumn<S, ?>> columns = new ArrayList<>(table.getVisibleLeafColumns());
        List<S> items = List.copyOf(table.getItems());
        List<Object[]> rows = new ArrayList<>();
        for (S item : items) {
            rows.add(new Object[columns.size()]);
        }
        List<Column> typed = new ArrayList<>();
        for (int c = 0; c < columns.size(); c++) {
            TableColumn<S, ?> column = columns.get(c);
            Object[] values = new Object[items.size()];
            boolean money = true;
            boolean date = true;
            boolean integer = true;
            boolean decimal = true;
            for (int r = 0; r < items.size(); r++) {
                Object v = column.getCellObservableValue(items.get(r)) == null ? null
                        : column.getCellObservableValue(items.get(r)).getValue();
                values[r] = v;
                if (v != null) {
                    money &= v instanceof Money;
                    date &= v instanceof LocalDate;
                    integer &= v instanceof Integer || v instanceof Long;
                    decimal &= v instanceof BigDecimal;
                }
            }
            String header = header(column);
            Column type;
            if (items.isEmpty() || !(money || date || integer || decimal)) {
                type = Column.text(header, Math.max(header.length() + 2, (int) Math.round(column.getWidth() / 7)));
                shownTexts(table, column, values);
            } else if (money) {
                type = Column.money(header);
            } else if (date) {
                type = Column.date(header);
            } else if (integer) {
                type = Column.integer(header);
            } else {
                type = Column.decimal(header);
            }
            typed.add(type);
            for (int r = 0; r < items.size(); r++) {
                rows.get(r)[c] = values[r];
            }
        }
        return new Snapshot(title(table), typed, rows);
    }

    /** Replaces each value by the text the column's cell shows for it (a status label, a formatted NDC). */
    private static <S, T> void shownTexts(TableView<S> table, TableColumn<S, T> column, Object[] values) {
        TableCell<S, T> cell = column.getCellFactory() == null ? null : column.getCellFactory().call(column);
        if (cell != null) {
            cell.updateTableView(table);
            cell.updateTableColumn(column);
        }
        for (int r = 0; r < values.length; r++) {
            String text = null;
            if (cell != null) {
                cell.updateIndex(r);
                text = cell.getText();
                if ((text == null || text.isEmpty()) && cell.getGraphic() instanceof Labeled l) {
                    text = l.getText();
                }
            }
            values[r] = text != null && !text.isEmpty() ? text : values[r] == null ? null : values[r].toString();
        }
        if (cell != null) {
            cell.updateIndex(-1);
        }
    }

    private static String header(TableColumn<?, ?> column) {
        String text = column.getText();
        if ((text == null || text.isBlank()) && column.getGraphic() instanceof Labeled l) {
            text = l.getText();
        }
        return text == null || text.isBlank() ? "" : text.strip();
    }

    /** The table's name for the file and the sheet: its accessible text, else its id without "Table" ("claims"). */
    static String title(TableView<?> table) {
        String name = table.getAccessibleText();
        if (name == null || name.isBlank()) {
            String id = table.getId() == null ? "table" : table.getId().replaceAll("Table$", "");
            name = id.isEmpty() ? "table" : Character.toUpperCase(id.charAt(0)) + id.substring(1);
        }
        return name;
    }

    private static String fileName(String title) {
        String name = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return name.isEmpty() ? "table" : name;
    }

    /** The workbook: a title block naming the table and the rows exported, then the table (XlsxReportWriter). */
    static void write(Snapshot snapshot, LocalDateTime generated, Path target) throws IOException {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("Rows", String.valueOf(snapshot.rows().size()));
        parameters.put("As shown", "filtered and sorted as on screen");
        String sheet = snapshot.title().replaceAll("[\\\\/?*\\[\\]:]", " ");
        try (XlsxReportWriter writer = new XlsxReportWriter()) {
            writer.startTable(sheet.length() > 31 ? sheet.substring(0, 31) : sheet, snapshot.title(), parameters,
                    generated, snapshot.columns());
            for (Object[] row : snapshot.rows()) {
                writer.row(row);
            }
            writer.writeTo(target);
        }
    }

    /** The table that holds {@code target} (a cell, a row, the table itself), or null. */
    static TableView<?> tableOf(EventTarget target) {
        Node n = target instanceof Node node ? node : null;
        while (n != null && !(n instanceof TableView<?>)) {
            n = n.getParent();
        }
        return (TableView<?>) n;
    }
}
