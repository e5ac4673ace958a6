package de.amtsweg.account;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A small one-page PDF with lines of text, for the demo Postfach's Bescheide. */
final class DemoPdf {

  private DemoPdf() {}

  static byte[] of(List<String> lines) {
    StringBuilder text = new StringBuilder("BT /F1 12 Tf 72 770 Td 16 TL\n");
    for (String line : lines) {
      text.append('(').append(escape(line)).append(") Tj T*\n");
    }
    text.append("ET\n");
    byte[] stream = text.toString().getBytes(StandardCharsets.ISO_8859_1);
    List<String> objects =
        List.of(
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
                + " /Resources << /Font << /F1 5 0 R >> >> >>",
            "<< /Length "
                + stream.length
                + " >>\nstream\n"
                + new String(stream, StandardCharsets.ISO_8859_1)
                + "endstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
    ByteArrayOutputStream pdf = new ByteArrayOutputStream();
    write(pdf, "%PDF-1.4\n");
    List<Integer> offsets = new ArrayList<>();
    for (int i = 0; i < objects.size(); i++) {
      offsets.add(pdf.size());
      write(pdf, (i + 1) + " 0 obj\n" + objects.get(i) + "\nendobj\n");
    }
    int xref = pdf.size();
    write(pdf, "xref\n0 " + (objects.size() + 1) + "\n0000000000 65535 f \n");
    for (int offset : offsets) {
      write(pdf, String.format("%010d 00000 n \n", offset));
    }
    write(
        pdf,
        "trailer\n<< /Size "
            + (objects.size() + 1)
            + " /Root 1 0 R >>\nstartxref\n"
            + xref
            + "\n%%EOF\n");
    return pdf.toByteArray();
  }

  private static String escape(String line) {
    return line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)");
  }

  private static void write(ByteArrayOutputStream out, String text) {
    out.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
  }
}
