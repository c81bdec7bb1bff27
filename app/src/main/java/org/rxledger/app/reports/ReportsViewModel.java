package org.rxledger.app.reports;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.rxledger.app.task.JobHandle;
import org.rxledger.app.task.TaskRunner;
import org.rxledger.app.ui.Failures;
import org.rxledger.app.ui.Notice;
import org.rxledger.app.ui.SystemViewer;
import org.rxledger.core.reporting.ReportPeriod;
import org.rxledger.reports.engine.Report;
import org.rxledger.reports.engine.ReportOutcome;
import org.rxledger.reports.engine.ReportRunner;
import org.rxledger.reports.engine.ReportTableWriter.Format;
import org.rxledger.reports.pdf.PdfPrinting;

/**
 * The Reports area (issue 19): the reports of {@code rxledger report} for a clerk who does not use the command
 * line. Pick a report, its period, Excel or PDF, where it goes; run it in the background (cancellable), then open it,
 * or Print: the PDF is written and handed to the system's print dialog (issue 20). The runs of this session stay
 * listed so a report written an hour ago is one Enter away.
 */
public final class ReportsViewModel {

    /** Hands a written PDF to a printer; false when the person cancelled the print dialog. */
    @FunctionalInterface
    public interface Printer {
        boolean print(Path pdf, String jobName) throws Exception;
    }

    /** One run of this session, as the list shows it. */
    public record Run(String report, String period, Path file, String summary, LocalDateTime when) {
    }

    private final ReportRunner reports;
    private final Path reportsDir;
    private final Clock clock;
    private final TaskRunner runner;
    private final Consumer<Notice> notices;
    private final ObservableList<Report> available = FXCollections.observableArrayList();
    private final ObservableList<Run> runs = FXCollections.observableArrayList();
    private final ObjectProperty<Report> selected = new SimpleObjectProperty<>(this, "selected");
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>(this, "from");
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>(this, "to");
    private final ObjectProperty<LocalDate> asOf = new SimpleObjectProperty<>(this, "asOf");
    private final StringProperty target = new SimpleStringProperty(this, "target", "");
    private final ObjectProperty<Format> format = new SimpleObjectProperty<>(this, "format", Format.XLSX);
    private final Printer printer;
    /** Who a report with patient columns goes to: the disclosure log's recipient (blank: "not stated"). */
    private final StringProperty recipient = new SimpleStringProperty(this, "recipient", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running", false);
    private final ReadOnlyObjectWrapper<Run> last = new ReadOnlyObjectWrapper<>(this, "last");
    private JobHandle job = JobHandle.DONE;

    /** @param dataDir the data folder; workbooks go to its {@code reports} folder unless the clerk says otherwise */
    public ReportsViewModel(ReportRunner reports, Path dataDir, Clock clock, TaskRunner runner, Consumer<Notice> notices) {
        this(reports, dataDir, clock, runner, notices, PdfPrinting::print);
    }

    /** The same, with the printer a test can stand in for (there is no print dialog without a screen). */
    public ReportsViewModel(ReportRunner reports, Path dataDir, Clock clock, TaskRunner runner, Consumer<Notice> notices,
                            Printer printer) {
        this.reports = reports;
        this.printer = printer;
        this.reportsDir = dataDir.resolve("reports");
        this.clock = clock;
        this.runner = runner;
        this.notices = notices;
        available.setAll(reports.available());
        selected.addListener((o, was, now) -> target.set(now == null ? "" : defaultTarget(now).toString()));
        format.addListener((o, was, now) -> target.set(withExtension(target.get(), now)));
        if (!available.isEmpty()) {
            selected.set(available.get(0));
        }
    }

    /**
     * Where report {@code r} goes unless the clerk picks another file: {@code <data folder>/reports/<name>-<date>.xlsx}
     * (or {@code .pdf} when PDF is chosen).
     */
    public Path defaultTarget(Report r) {
        return reportsDir.resolve(r.name() + "-" + LocalDate.now(clock) + format.get().extension());
    }

    /** {@code file} with the extension of {@code f}: a known report extension is replaced, anything else kept and extended. */
    static String withExtension(String file, Format f) {
        if (file == null || file.isBlank() || f == null) {
            return file;
        }
        String s = file.strip();
        Format current = Format.of(Path.of(s));
        if (current == f) {
            return s;
        }
        String stem = current == null ? s : s.substring(0, s.length() - current.extension().length());
        return stem + f.extension();
    }

    /** The folder the Save as… dialog starts in. */
    public Path reportsDir() {
        return reportsDir;
    }

    /** Runs the selected report; refuses (with a notice saying why) a missing report or target, or a period that ends before it starts. */
    public void run() {
        start(false);
    }

    /**
     * Writes the selected report as a PDF (beside the chosen file, with .pdf) and opens the print dialog on it, so what
     * is printed is exactly the document that was written and stays on disk.
     */
    public void print() {
        format.set(Format.PDF);
        start(true);
    }

    private void start(boolean thenPrint) {
        Report report = selected.get();
        if (running.get()) {
            return;
        }
        if (report == null) {
            refuse("Choose a report in the list first.");
            return;
        }
        LocalDate start = from.get();
        LocalDate end = to.get();
        if (start != null && end != null && end.isBefore(start)) {
            refuse("To (" + end + ") is before From (" + start + "). Choose a To date on or after the From date.");
            return;
        }
        String file = target.get() == null ? "" : target.get().strip();
        if (file.isEmpty()) {
            refuse("Choose the file to write (Save as…).");
            return;
        }
        Path out = Path.of(file);
        if (!ReportRunner.isReportDocument(out)) {
            refuse("The file " + out.getFileName() + " must end in .xlsx (an Excel workbook) or .pdf (a PDF).");
            return;
        }
        ReportPeriod period = new ReportPeriod(start, end, asOf.get());
        running.set(true);
        message.set("Writing " + report.name() + "…");
        String recipientName = recipient.get() == null || recipient.get().isBlank() ? null : recipient.get().strip();
        job = runner.run("Writing the " + report.name() + " report",
                progress -> reports.run(report.name(), period, out, recipientName, progress::isCancelled),
                outcome -> {
                    finished(report, period, outcome);
                    if (thenPrint) {
                        printFile(outcome.file(), "RxLedger " + report.name());
                    }
                }, failure -> {
                    running.set(false);
                    message.set(failure instanceof CancellationException ? "Cancelled." : "");
                    notices.accept(Failures.explain("writing the " + report.name() + " report", failure));
                });
    }

    private void finished(Report report, ReportPeriod period, ReportOutcome outcome) {
        running.set(false);
        Run run = new Run(report.name(), describe(period), outcome.file(), outcome.summary(), LocalDateTime.now(clock));
        runs.add(0, run);
        last.set(run);
        message.set("Wrote " + outcome.file() + ": " + outcome.summary() + ".");
    }

    private void printFile(Path pdf, String jobName) {
        runner.run("Printing " + pdf.getFileName(), progress -> printer.print(pdf, jobName), printed -> {
            if (Boolean.TRUE.equals(printed)) {
                message.set("Sent " + pdf.getFileName() + " to the printer.");
            }
        }, failure -> notices.accept(Failures.explain("printing " + pdf.getFileName(), failure)));
    }

    /** Refuses what the view could not read (a date that is not one), as the view model's own refusals. */
    public void refuseInput(String why) {
        refuse(why);
    }

    private void refuse(String why) {
        message.set(why);
        notices.accept(Notice.error(why));
    }

    /**
     * Stops the running report: the writers check between rows, so it ends within a few hundred rows, before anything
     * is moved into place — no file, and no disclosure recorded.
     */
    public void cancel() {
        job.cancel();
    }

    /** Opens {@code run}'s workbook in the system's spreadsheet program. */
    public void open(Run run) {
        if (run == null) {
            return;
        }
        runner.run("Opening " + run.file().getFileName(), progress -> {
            SystemViewer.open(run.file());
            return null;
        }, done -> { }, failure -> notices.accept(Failures.explain("opening " + run.file().getFileName(), failure)));
    }

    /** Opens the workbook of the last run. */
    public void openLast() {
        open(last.get());
    }

    static String describe(ReportPeriod p) {
        StringBuilder s = new StringBuilder();
        if (p.from() != null || p.to() != null) {
            s.append(p.from() == null ? "…" : p.from()).append(" – ").append(p.to() == null ? "…" : p.to());
        }
        if (p.asOf() != null) {
            s.append(s.length() == 0 ? "" : ", ").append("as of ").append(p.asOf());
        }
        return s.length() == 0 ? "all dates" : s.toString();
    }

    public ObservableList<Report> available() {
        return available;
    }

    public ObservableList<Run> runs() {
        return runs;
    }

    public ObjectProperty<Report> selectedProperty() {
        return selected;
    }

    public ObjectProperty<LocalDate> fromProperty() {
        return from;
    }

    public ObjectProperty<LocalDate> toProperty() {
        return to;
    }

    public ObjectProperty<LocalDate> asOfProperty() {
        return asOf;
    }

    /** Excel workbook or PDF; changing it changes the target file's extension. */
    public ObjectProperty<Format> formatProperty() {
        return format;
    }

    public StringProperty targetProperty() {
        return target;
    }

    public StringProperty recipientProperty() {
        return recipient;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Run> lastProperty() {
        return last.getReadOnlyProperty();
    }
}
