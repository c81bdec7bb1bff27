package org.rxledger.reports.pdf;

import java.awt.GraphicsEnvironment;
import java.awt.print.PrinterException;
import java.awt.print.PrinterJob;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.printing.PDFPageable;

/**
 * Prints a PDF through the operating system's print dialog. {@link PDFPageable} hands the printer
 * each page at its own size and orientation (US Letter for our packets), so nothing is scaled to
 * the printer's default paper; the user picks printer, copies and page range in the dialog.
 * Call it off the JavaFX thread: the AWT dialog is modal and blocks its caller.
 */
public final class PdfPrinting {

    private PdfPrinting() {
    }

    /**
     * @return false when the user cancelled the dialog
     * @throws PrinterException in plain words when there is no display or no printer
     */
    public static boolean print(Path pdf, String jobName) throws IOException, PrinterException {
        if (GraphicsEnvironment.isHeadless()) {
            throw new PrinterException("Printing needs a screen for the print dialog; this session has none. "
                    + "Open the PDF in a viewer and print from there.");
        }
        if (PrinterJob.lookupPrintServices().length == 0) {
            throw new PrinterException("No printer is set up on this computer. Add a printer in the system settings, "
                    + "or save the PDF and print it elsewhere.");
        }
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            PrinterJob job = PrinterJob.getPrinterJob();
            job.setJobName(jobName);
            job.setPageable(new PDFPageable(doc));
            if (!job.printDialog()) {
                return false;
            }
            job.print();
            return true;
        }
    }
}
