package org.rxledger.app.remits;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rxledger.app.remits.RemittanceRows.ClaimRow;
import org.rxledger.app.task.SynchronousTaskRunner;
import org.rxledger.app.testdata.TestStores;
import org.rxledger.app.ui.Notice;
import org.rxledger.core.remit.ImportOutcome;
import org.rxledger.core.remit.RejectionLog;
import org.rxledger.core.remit.RemittanceImportService;
import org.rxledger.core.store.Database;
import org.rxledger.core.task.ProgressListener;

/** The remittances ViewModel on a real H2 database with the synchronous runner. */
class RemittancesViewModelTest {

    private static final Path SAMPLE = org.rxledger.app.testdata.SampleFiles.sample835();

    @TempDir
    Path dir;

    private Database db;
    private final List<Notice> notices = new ArrayList<>();
    private RemittancesViewModel vm;
    private RemittanceImports imports;

    @BeforeEach
    void open() {
        db = TestStores.freshDatabase();
        imports = new RemittanceImports(new RemittanceImportService(db.transactions(), dir.resolve("archive")),
                new RejectionLog(db.transactions()));
        vm = new RemittancesViewModel(db.transactions(), new SynchronousTaskRunner(), () -> imports, notices::add);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private Path copy(String name, String from, String to) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, Files.readString(SAMPLE, StandardCharsets.ISO_8859_1).replace(from, to),
                StandardCharsets.ISO_8859_1);
        return p;
    }

    @Test
    void importingTellsTheOutcomeInPlainWordsAndSelectsThePayment() throws IOException {
        vm.importFiles(List.of(copy("a.835", "", ""), copy("b.835", "", ""), copy("c.835", "BPR*I*206.82*", "BPR*I*1.00*")),
                RejectionLog.Source.CHOOSER);

        assertThat(vm.lastOutcomeProperty().get().lines()).satisfiesExactly(
                l -> assertThat(l).isEqualTo("a.835: imported 1 payment (4 claims, 206.82)"),
                l -> assertThat(l).isEqualTo("Claim payments: 0 % matched automatically (0 of 4), 4 unmatched."),
                l -> assertThat(l).matches("Took \\d+\\.\\d s: parse \\d+\\.\\d s · store \\d+\\.\\d s · match .* · post .*"
                        + " · journal and audit .* · commit \\d+\\.\\d s\\."),
                l -> assertThat(l).startsWith("b.835: duplicate of file a.835 imported on ").endsWith("nothing was stored"),
                l -> assertThat(l).startsWith("c.835: rejected, nothing was stored: c.835, segment 4 (BPR), BPR02"));
        assertThat(notices).last().satisfies(n -> assertThat(n.kind()).isEqualTo(Notice.Kind.WARNING));
        assertThat(vm.payments()).hasSize(1);
        assertThat(vm.rejections()).singleElement().satisfies(r -> assertThat(r.source()).isEqualTo("CHOOSER"));
        assertThat(vm.selectedPaymentProperty().get().traceNumber()).isEqualTo("EFT0314A77");
        assertThat(vm.claims()).hasSize(4);
        assertThat(vm.providerAdjustments()).extracting(RemittanceRows.ProviderAdjustmentRow::reasonText)
                .containsExactly("Overpayment recovery", "Interest owed", "Adjustment");
    }

    @Test
    void cancellingAnImportStoresNothingAndSaysSo() throws IOException {
        // a runner whose Cancel was pressed before the job looked: the import stops at its first check
        org.rxledger.app.task.TaskRunner cancelling = new org.rxledger.app.task.TaskRunner() {
            private final org.rxledger.app.task.JobStatus status = new org.rxledger.app.task.JobStatus();

            @Override
            public <T> org.rxledger.app.task.JobHandle run(String title, org.rxledger.app.task.Job<T> job,
                                                           java.util.function.Consumer<? super T> onSuccess,
                                                           java.util.function.Consumer<? super Throwable> onFailure) {
                try {
                    onSuccess.accept(job.run(new org.rxledger.core.task.ProgressListener() {
                        @Override
                        public void progress(long done, long total, String message) {
                        }

                        @Override
                        public boolean isCancelled() {
                            return true;
                        }
                    }));
                } catch (Exception e) {
                    onFailure.accept(e);
                }
                return org.rxledger.app.task.JobHandle.DONE;
            }

            @Override
            public org.rxledger.app.task.JobStatus status() {
                return status;
            }
        };
        RemittancesViewModel cancelled = new RemittancesViewModel(db.transactions(), cancelling, () -> imports,
                notices::add);

        cancelled.importFiles(List.of(copy("a.835", "", "")), RejectionLog.Source.CHOOSER);

        assertThat(cancelled.lastOutcomeProperty().get()).isEqualTo("a.835: import cancelled, nothing was stored");
        assertThat(cancelled.payments()).isEmpty();
        assertThat(cancelled.rejections()).isEmpty();
        assertThat(cancelled.importingProperty().get()).isFalse();
    }

    @Test
    void filtersNarrowTheClaims() throws IOException {
        vm.importFiles(List.of(copy("a.835", "", "")), RejectionLog.Source.DROP);

        vm.reversedOnlyProperty().set(true);
        assertThat(vm.claims()).extracting(ClaimRow::statusCode).containsExactly("22");
        assertThat(vm.claimCountTextProperty().get()).isEqualTo("1 of 4 claims");

        vm.reversedOnlyProperty().set(false);
        vm.adjustedOverProperty().set("30");
        // charge − paid: 26.40, 47.60, −14.90, 28.00 → only 47.60 is above 30
        assertThat(vm.claims()).extracting(c -> c.adjusted().toString()).containsExactly("47.60");
        vm.adjustedOverProperty().set("not a number");
        assertThat(vm.claims()).hasSize(4);

        vm.clearFilters();
        vm.deniedOnlyProperty().set(true);
        assertThat(vm.claims()).isEmpty();
    }

    @Test
    void selectingAClaimLoadsItsAdjustmentsWithDescriptionsAndItsRawSegments() throws IOException {
        vm.importFiles(List.of(copy("a.835", "", "")), RejectionLog.Source.CHOOSER);

        vm.selectedClaimProperty().set(vm.claims().get(3));

        RemittanceRows.ClaimDetail detail = vm.detailProperty().get();
        assertThat(detail.adjustments()).extracting(RemittanceRows.AdjustmentRow::group,
                RemittanceRows.AdjustmentRow::reason, RemittanceRows.AdjustmentRow::where)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("OA", "23", "Line 1"),
                        org.assertj.core.groups.Tuple.tuple("PR", "3", "Line 1"));
        assertThat(detail.adjustments().get(1).reasonText()).containsIgnoringCase("copayment");
        assertThat(detail.lines()).singleElement().satisfies(l -> assertThat(l.product()).isEqualTo("N4:11111022233"));
        assertThat(detail.rawSegments()).contains("CLP*7001600-00*2*40.00*12.00");
        assertThat(vm.claims().get(3).status()).startsWith("2 — ");
    }

    @Test
    void theInboxMovesImportedFilesToArchiveAndRefusedOnesToRejectedWithAReason() throws Exception {
        InboxWatcher inbox = new InboxWatcher(dir.resolve("data"), Clock.systemUTC());
        Files.createDirectories(inbox.inbox());
        Files.copy(SAMPLE, inbox.inbox().resolve("good.835"));
        Files.writeString(inbox.inbox().resolve("bad.835"), "ISA*garbage");
        Files.writeString(inbox.inbox().resolve("partial.835.part"), "still copying");

        assertThat(inbox.poll()).isEmpty(); // first sight: not yet known to be stable
        List<Path> ready = inbox.poll();
        assertThat(ready).extracting(p -> p.getFileName().toString()).containsExactly("bad.835", "good.835");
        assertThat(inbox.poll()).isEmpty(); // in flight: not offered twice

        for (Path p : ready) {
            inbox.process(p, imports, ProgressListener.NONE, () -> false);
        }
        assertThat(inbox.archive().resolve("good.835")).exists();
        assertThat(inbox.rejected().resolve("bad.835")).exists();
        assertThat(Files.readString(inbox.rejected().resolve("bad.835.reason.txt"))).startsWith("Rejected, nothing was stored:");
        assertThat(inbox.inbox().resolve("partial.835.part")).exists();

        // a cancelled import leaves the file in the inbox and it is not offered again until it changes
        Files.copy(SAMPLE, inbox.inbox().resolve("later.835"));
        inbox.poll();
        Path later = inbox.poll().get(0);
        assertThat(inbox.process(later, imports, ProgressListener.NONE, () -> true).status())
                .isEqualTo(ImportOutcome.Status.CANCELLED);
        assertThat(later).exists();
        assertThat(inbox.poll()).isEmpty();
        assertThat(inbox.poll()).isEmpty();
        Files.delete(later);

        // the same file again: a duplicate, archived beside the first with a time stamp and a reason
        Files.copy(SAMPLE, inbox.inbox().resolve("good.835"));
        inbox.poll();
        Path again = inbox.poll().get(0);
        ImportOutcome outcome = inbox.process(again, imports, ProgressListener.NONE, () -> false);
        assertThat(outcome.status()).isEqualTo(ImportOutcome.Status.DUPLICATE);
        try (var files = Files.list(inbox.archive())) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .anySatisfy(n -> assertThat(n).startsWith("good.835.").endsWith(".reason.txt"));
        }
    }

    @Test
    void reMatchingWaitingItemsRunsInTheBackgroundAndTellsTheCounts() throws IOException {
        vm.importFiles(List.of(copy("a.835", "", "")), RejectionLog.Source.CHOOSER);
        notices.clear();

        vm.rematchWaiting();

        // no claims are stored, so the four claim payments still wait; nothing was posted
        assertThat(notices).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(Notice.Kind.INFO);
            assertThat(n.title()).isEqualTo("Re-matched waiting items");
            assertThat(n.text()).isEqualTo("Re-matched 4 waiting claim payment(s): 0 matched, 4 still waiting; 0 held payment(s) posted");
        });
        assertThat(vm.payments()).hasSize(1);
    }
}
