package org.rxledger.reports.pdf;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import org.rxledger.core.contract.MacAppeal;
import org.rxledger.core.contract.MacAppealService;

/**
 * A MAC appeal as it leaves the office, the same from the command line and the Contracts area: the packet gathered,
 * the PDF written, then the disclosure recorded (only once the file exists).
 */
public final class MacAppealExport {

    /** The appeal printed and the PDF written (pages, SHA-256). */
    public record Written(MacAppeal appeal, AuditPacketPdfWriter.Result pdf) {
    }

    private MacAppealExport() {
    }

    public static Written write(MacAppealService service, String rx, int fill, Path pdf) throws IOException {
        MacAppeal appeal = service.packet(rx, fill);
        AuditPacketPdfWriter.Result result = new MacAppealPdfWriter().write(appeal, LocalDateTime.now(service.clock()), pdf);
        service.recordSent(appeal, result.pageCount(), result.sha256());
        return new Written(appeal, result);
    }
}
