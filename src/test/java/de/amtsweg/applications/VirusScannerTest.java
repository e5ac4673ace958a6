package de.amtsweg.applications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The virus-scan hook against a stand-in for clamd that speaks its INSTREAM protocol: it reports
 * the EICAR test signature as found, everything else as clean, and can also stay silent.
 */
class VirusScannerTest {

  private static final String EICAR =
      "X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*";

  /** A one-connection clamd: reads the chunks, answers like clamd does. */
  private static ServerSocket clamd(boolean answer) throws IOException {
    ServerSocket server = new ServerSocket(0);
    Thread.ofVirtual()
        .start(
            () -> {
              try (Socket socket = server.accept()) {
                DataInputStream in = new DataInputStream(socket.getInputStream());
                byte[] command = new byte[10];
                in.readFully(command);
                assertThat(new String(command, StandardCharsets.US_ASCII)).isEqualTo("zINSTREAM\0");
                ByteArrayOutputStream data = new ByteArrayOutputStream();
                for (int length = in.readInt(); length > 0; length = in.readInt()) {
                  data.write(in.readNBytes(length));
                }
                if (!answer) {
                  Thread.sleep(5_000);
                  return;
                }
                String verdict =
                    data.toString(StandardCharsets.US_ASCII).contains("EICAR")
                        ? "stream: Eicar-Signature FOUND"
                        : "stream: OK";
                socket
                    .getOutputStream()
                    .write((verdict + "\0").getBytes(StandardCharsets.US_ASCII));
              } catch (IOException | InterruptedException e) {
                // the scanner under test closed the connection
              }
            });
    return server;
  }

  private static VirusScanner scanner(boolean enabled, int port) {
    return new VirusScanner(
        new ApplicationsProperties(
            Duration.ofDays(30),
            Duration.ofDays(7),
            Duration.ofDays(7),
            20_000_000,
            new ApplicationsProperties.VirusScan(
                enabled, "localhost", port, Duration.ofSeconds(1))));
  }

  @Test
  void theEicarTestFileIsFoundAndAPdfIsClean() throws IOException {
    try (ServerSocket server = clamd(true)) {
      assertThat(
              scanner(true, server.getLocalPort()).scan(EICAR.getBytes(StandardCharsets.US_ASCII)))
          .isEqualTo(VirusScanner.Verdict.INFECTED);
    }
    try (ServerSocket server = clamd(true)) {
      assertThat(
              scanner(true, server.getLocalPort())
                  .scan("%PDF-1.7 harmless".getBytes(StandardCharsets.US_ASCII)))
          .isEqualTo(VirusScanner.Verdict.CLEAN);
    }
  }

  @Test
  void aScannerThatDoesNotAnswerRefusesTheUploadInsteadOfLettingItThrough() throws IOException {
    try (ServerSocket server = clamd(false)) {
      assertThatThrownBy(() -> scanner(true, server.getLocalPort()).scan(new byte[] {1, 2, 3}))
          .isInstanceOf(VirusScanner.ScannerUnavailableException.class);
    }
    int closedPort;
    try (ServerSocket probe = new ServerSocket(0)) {
      closedPort = probe.getLocalPort();
    }
    assertThatThrownBy(() -> scanner(true, closedPort).scan(new byte[] {1}))
        .isInstanceOf(VirusScanner.ScannerUnavailableException.class);
  }

  @Test
  void switchedOffNothingIsScanned() {
    assertThat(scanner(false, 1).scan(EICAR.getBytes(StandardCharsets.US_ASCII)))
        .isEqualTo(VirusScanner.Verdict.NOT_SCANNED);
  }
}
