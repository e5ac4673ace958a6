package de.amtsweg.applications;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.PDNameTreeNode;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * A receipt PDF as a reader and a program see it: PDF/A-3 identification in the XMP metadata, the
 * text, and the answers embedded as {@code antrag.json} and {@code antrag.xml}.
 */
record ReceiptCheck(String text, String json, String xml) {

  /**
   * Reads the receipt and checks what every receipt must have: PDF/A-3, the reference, both data
   * files.
   */
  static ReceiptCheck of(byte[] pdf, String reference) {
    assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    try (PDDocument document = Loader.loadPDF(pdf)) {
      PDMetadata metadata = document.getDocumentCatalog().getMetadata();
      assertThat(metadata).as("XMP metadata").isNotNull();
      String xmp = new String(metadata.toByteArray(), StandardCharsets.UTF_8);
      assertThat(xmp).as("PDF/A identification").containsPattern("pdfaid:part(>|=\")3");
      assertThat(xmp).containsPattern("pdfaid:conformance(>|=\")B");

      PDDocumentNameDictionary names = document.getDocumentCatalog().getNames();
      assertThat(names).as("name dictionary with embedded files").isNotNull();
      Map<String, PDComplexFileSpecification> files = new LinkedHashMap<>();
      collect(names.getEmbeddedFiles(), files);
      assertThat(files).containsKeys("antrag.json", "antrag.xml");

      String text = new PDFTextStripper().getText(document);
      assertThat(text).contains(reference);
      return new ReceiptCheck(
          text, content(files.get("antrag.json")), content(files.get("antrag.xml")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void collect(
      PDNameTreeNode<PDComplexFileSpecification> node,
      Map<String, PDComplexFileSpecification> files)
      throws IOException {
    if (node == null) {
      return;
    }
    if (node.getNames() != null) {
      files.putAll(node.getNames());
    }
    if (node.getKids() != null) {
      for (PDNameTreeNode<PDComplexFileSpecification> kid : node.getKids()) {
        collect(kid, files);
      }
    }
  }

  private static String content(PDComplexFileSpecification file) throws IOException {
    return new String(file.getEmbeddedFile().toByteArray(), StandardCharsets.UTF_8);
  }
}
