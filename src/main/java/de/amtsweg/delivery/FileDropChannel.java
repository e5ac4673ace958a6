package de.amtsweg.delivery;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes an e-invoice into the route's folder for the finance system to pick up: {@code <id>.json}
 * (its metadata) and then {@code <id>.xml}, each written to a temporary file in the same folder and
 * moved into place atomically, so the receiver never reads half a file; the XML comes last, so its
 * metadata is there when it appears. Writing again replaces both (the same id: a repeat).
 */
@Component
class FileDropChannel implements Channel {

  private final DeliveryRoutes routes;
  private final JsonMapper json = JsonMapper.builder().build();

  FileDropChannel(DeliveryRoutes routes) {
    this.routes = routes;
  }

  @Override
  public DeliveryChannel id() {
    return DeliveryChannel.FILE_DROP;
  }

  @Override
  public Mode mode() {
    return Mode.PUSH;
  }

  @Override
  public boolean accepts(DocumentType type) {
    return type == DocumentType.E_RECHNUNG;
  }

  @Override
  public Outcome push(Parcel parcel, DeliveryRoutes.Route route) {
    Path folder = routes.fileDropFolder(route).orElse(null);
    if (folder == null) {
      return Outcome.failure("no file-drop folder set up by the operator");
    }
    Document document = parcel.document();
    String name = document.id().toString();
    byte[] original = document.original();
    if (original == null) {
      return Outcome.failure("the document has no content to write");
    }
    try {
      Files.createDirectories(folder);
      Map<String, Object> metadata = new LinkedHashMap<>(document.metadata());
      metadata.put("xmlFile", name + ".xml");
      writeAtomically(folder, name + ".json", json.writeValueAsBytes(metadata));
      writeAtomically(folder, name + ".xml", original);
      return Outcome.success();
    } catch (IOException | RuntimeException e) {
      return Outcome.failure("file: " + e.getClass().getSimpleName());
    }
  }

  private static void writeAtomically(Path folder, String name, byte[] content) throws IOException {
    Path temporary = Files.createTempFile(folder, ".amtsweg-", ".part");
    try {
      Files.write(temporary, content);
      Files.move(
          temporary,
          folder.resolve(name),
          StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }
}
