package de.amtsweg.applications;

import de.amtsweg.platform.ProblemException;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The virus-scan hook: speaks clamd's INSTREAM protocol to a ClamAV-compatible scanner when {@code
 * amtsweg.applications.virus-scan.enabled} is set. When the scanner is enabled but cannot answer,
 * uploads are refused rather than let through unscanned.
 */
@Component
public class VirusScanner {

  private static final Logger log = LoggerFactory.getLogger(VirusScanner.class);
  private static final int CHUNK = 8192;

  /** What the scanner said. */
  public enum Verdict {
    CLEAN,
    INFECTED,
    NOT_SCANNED
  }

  private final ApplicationsProperties.VirusScan settings;

  VirusScanner(ApplicationsProperties properties) {
    this.settings = properties.virusScan();
  }

  public Verdict scan(byte[] bytes) {
    if (!settings.enabled()) {
      return Verdict.NOT_SCANNED;
    }
    int timeout = (int) settings.timeout().toMillis();
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(settings.host(), settings.port()), timeout);
      socket.setSoTimeout(timeout);
      DataOutputStream out = new DataOutputStream(socket.getOutputStream());
      out.write("zINSTREAM\0".getBytes(StandardCharsets.US_ASCII));
      for (int offset = 0; offset < bytes.length; offset += CHUNK) {
        int length = Math.min(CHUNK, bytes.length - offset);
        out.writeInt(length);
        out.write(bytes, offset, length);
      }
      out.writeInt(0);
      out.flush();
      InputStream in = socket.getInputStream();
      String answer =
          new String(in.readAllBytes(), StandardCharsets.US_ASCII).replace("\0", "").strip();
      if (answer.endsWith("OK")) {
        return Verdict.CLEAN;
      }
      if (answer.endsWith("FOUND")) {
        return Verdict.INFECTED;
      }
      log.error("Virus scanner gave no verdict: {}", answer);
    } catch (IOException e) {
      log.error(
          "Virus scanner at {}:{} not reachable: {}",
          settings.host(),
          settings.port(),
          e.getMessage());
    }
    throw new ScannerUnavailableException();
  }

  /** The scanner is configured but did not answer; the upload is refused. */
  public static class ScannerUnavailableException extends ProblemException {
    public ScannerUnavailableException() {
      super(HttpStatus.SERVICE_UNAVAILABLE, "virus-scanner-unavailable");
    }
  }
}
