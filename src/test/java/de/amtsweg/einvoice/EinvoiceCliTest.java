package de.amtsweg.einvoice;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code einvoice validate} over every shared file, in one call, as an operator would run it. */
class EinvoiceCliTest {

  private final JsonMapper json = JsonMapper.builder().build();

  @Test
  void printsOneJsonLinePerFileWithTheReferenceVerdict() {
    XRechnungManifest manifest = XRechnungManifest.load();
    List<String> args = new ArrayList<>(List.of("einvoice", "validate"));
    manifest.entries().forEach(e -> args.add(manifest.folder().resolve(e.file()).toString()));
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    int code =
        EinvoiceCli.run(
            args.toArray(String[]::new),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

    assertThat(code).as("some files are invalid").isEqualTo(1);
    List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
    assertThat(lines).hasSize(manifest.entries().size());
    List<String> disagreements = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      JsonNode line = json.readTree(lines.get(i));
      XRechnungManifest.Entry entry = manifest.entries().get(i);
      assertThat(line.path("file").asString()).endsWith(entry.file());
      if (line.path("valid").asBoolean() != entry.valid()) {
        disagreements.add(entry.file());
      }
      if (!entry.valid() && line.path("syntax").isString()) {
        assertThat(line.path("errors")).as(entry.file()).isNotEmpty();
        assertThat(line.path("errors").get(0).path("rule").asString()).isNotBlank();
      }
    }
    assertThat(disagreements).isEmpty();
    JsonNode first =
        json.readTree(
            lines.get(
                manifest
                    .entries()
                    .indexOf(
                        manifest.entries().stream()
                            .filter(e -> e.file().endsWith("01.01a-INVOICE_uncefact.xml"))
                            .findFirst()
                            .orElseThrow())));
    assertThat(first.path("valid").asBoolean()).isTrue();
    assertThat(first.path("syntax").asString()).isEqualTo("CII");
    assertThat(first.path("leitwegId").asString()).isEqualTo("04011000-12345-03");
    assertThat(first.path("errors")).isEmpty();
  }

  @Test
  void wrongUsageAndMissingFilesGiveExitCode2() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
    assertThat(EinvoiceCli.run(new String[] {"einvoice", "validate"}, ps, ps)).isEqualTo(2);
    assertThat(EinvoiceCli.run(new String[] {"einvoice", "validate", "/gibt/es/nicht.xml"}, ps, ps))
        .isEqualTo(2);
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("Aufruf:", "nicht lesbar");
  }
}
