package de.amtsweg.casework;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.multipdf.PDFMergerUtility;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * One PDF to print and post: the Bescheid, then each attachment in order; a photo or scan (JPEG,
 * PNG) gets an A4 page of its own, scaled to fit within a 15 mm margin.
 */
final class PostalPrint {

  /** A file of the print, with its detected type. */
  record Part(String contentType, byte[] content) {}

  private static final float MARGIN = 15 / 25.4f * 72;

  private PostalPrint() {}

  static byte[] of(byte[] bescheid, List<Part> attachments) {
    try (PDDocument print = Loader.loadPDF(bescheid)) {
      PDFMergerUtility merger = new PDFMergerUtility();
      for (Part part : attachments) {
        if ("application/pdf".equals(part.contentType())) {
          try (PDDocument document = Loader.loadPDF(part.content())) {
            merger.appendDocument(print, document);
          }
        } else {
          imagePage(print, part.content());
        }
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      print.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void imagePage(PDDocument print, byte[] image) throws IOException {
    PDImageXObject picture = PDImageXObject.createFromByteArray(print, image, "attachment");
    PDPage page = new PDPage(PDRectangle.A4);
    print.addPage(page);
    float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
    float height = PDRectangle.A4.getHeight() - 2 * MARGIN;
    float scale = Math.min(width / picture.getWidth(), height / picture.getHeight());
    float w = picture.getWidth() * scale;
    float h = picture.getHeight() * scale;
    try (PDPageContentStream content = new PDPageContentStream(print, page)) {
      content.drawImage(
          picture, MARGIN + (width - w) / 2, PDRectangle.A4.getHeight() - MARGIN - h, w, h);
    }
  }
}
