package de.amtsweg.platform;

import io.nayuki.qrcodegen.QrCode;

/**
 * QR codes as SVG (no inline image data, no script, so the strict CSP allows them as images), for
 * setting up an authenticator app.
 */
public final class QrCodes {

  private QrCodes() {}

  /** The text as a QR code (medium error correction), black on white, with a quiet zone. */
  public static String svg(String text) {
    QrCode qr = QrCode.encodeText(text, QrCode.Ecc.MEDIUM);
    int border = 4;
    int size = qr.size + border * 2;
    StringBuilder path = new StringBuilder();
    for (int y = 0; y < qr.size; y++) {
      for (int x = 0; x < qr.size; x++) {
        if (qr.getModule(x, y)) {
          path.append('M').append(x + border).append(',').append(y + border).append("h1v1h-1z");
        }
      }
    }
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 "
        + size
        + " "
        + size
        + "\" shape-rendering=\"crispEdges\"><rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>"
        + "<path d=\""
        + path
        + "\" fill=\"#000000\"/></svg>";
  }
}
