package de.amtsweg.einvoice;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.jspecify.annotations.Nullable;

/** The invoice XML embedded in a ZUGFeRD / Factur-X PDF (PDF/A-3 attachment). */
final class ZugferdPdf {

  /** File names under which ZUGFeRD 1/2, Factur-X and XRechnung-in-PDF embed the invoice. */
  static final List<String> INVOICE_FILE_NAMES =
      List.of("factur-x.xml", "zugferd-invoice.xml", "xrechnung.xml", "order-x.xml");

  private ZugferdPdf() {}

  static boolean isPdf(byte[] content) {
    return content.length >= 5
        && content[0] == '%'
        && content[1] == 'P'
        && content[2] == 'D'
        && content[3] == 'F'
        && content[4] == '-';
  }

  /** The embedded invoice XML, or null if the PDF carries none. */
  static byte @Nullable [] invoiceXml(byte[] pdf, long maxBytes) throws IOException {
    try (PDDocument document = Loader.loadPDF(new RandomAccessReadBuffer(pdf))) {
      Map<String, PDComplexFileSpecification> files = new LinkedHashMap<>();
      PDDocumentNameDictionary names = document.getDocumentCatalog().getNames();
      if (names != null && names.getEmbeddedFiles() != null) {
        collect(names.getEmbeddedFiles(), files, 0);
      }
      for (Map.Entry<String, PDComplexFileSpecification> entry : files.entrySet()) {
        if (INVOICE_FILE_NAMES.contains(entry.getKey().toLowerCase(Locale.ROOT))) {
          PDEmbeddedFile file = embedded(entry.getValue());
          if (file != null) {
            byte[] xml = file.toByteArray();
            if (xml.length > maxBytes) {
              throw new IOException("embedded invoice larger than the limit");
            }
            return xml;
          }
        }
      }
      return null;
    }
  }

  private static void collect(
      org.apache.pdfbox.pdmodel.common.PDNameTreeNode<PDComplexFileSpecification> node,
      Map<String, PDComplexFileSpecification> into,
      int depth)
      throws IOException {
    if (depth > 8) {
      return;
    }
    Map<String, PDComplexFileSpecification> names = node.getNames();
    if (names != null) {
      into.putAll(names);
    }
    if (node.getKids() != null) {
      for (var kid : node.getKids()) {
        collect(kid, into, depth + 1);
      }
    }
  }

  private static @Nullable PDEmbeddedFile embedded(PDComplexFileSpecification spec) {
    PDEmbeddedFile file = spec.getEmbeddedFileUnicode();
    return file != null ? file : spec.getEmbeddedFile();
  }
}
