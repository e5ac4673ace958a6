package de.amtsweg.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The vendor-facing OpenAPI description ({@code docs/api/delivery-openapi.yaml}) parses, is OpenAPI
 * 3.1, and describes every endpoint the delivery controllers implement, with the same methods, plus
 * the webhook Amtsweg sends.
 */
class DeliveryOpenApiTest {

  private final JsonNode api =
      YAMLMapper.builder().build().readTree(Path.of("docs/api/delivery-openapi.yaml").toFile());

  @Test
  void itIsOpenApi31WithTheWebhookAndItsSignatureHeaders() {
    assertThat(api.path("openapi").asString()).startsWith("3.1");
    JsonNode push = api.path("webhooks").path("submission").path("post");
    assertThat(push.isMissingNode()).isFalse();
    List<String> headers = new ArrayList<>();
    push.path("parameters")
        .forEach(
            p ->
                headers.add(p.has("$ref") ? p.path("$ref").asString() : p.path("name").asString()));
    assertThat(headers)
        .contains(
            "X-Amtsweg-Delivery-Id",
            "Idempotency-Key",
            "#/components/parameters/Timestamp",
            "#/components/parameters/Signature");
    assertThat(push.path("requestBody").path("content").has("application/jose")).isTrue();
  }

  @Test
  void everyImplementedDeliveryEndpointIsDescribed() throws Exception {
    Set<String> implemented = new TreeSet<>();
    for (String controller :
        List.of(
            "de.amtsweg.delivery.web.SubmissionApiController",
            "de.amtsweg.delivery.web.CallbackController")) {
      Class<?> type = Class.forName(controller);
      String base = type.getAnnotation(RequestMapping.class).path()[0];
      for (Method method : type.getDeclaredMethods()) {
        GetMapping get = method.getAnnotation(GetMapping.class);
        PostMapping post = method.getAnnotation(PostMapping.class);
        if (get != null) {
          implemented.add("get " + base + (get.path().length == 0 ? "" : get.path()[0]));
        }
        if (post != null) {
          implemented.add("post " + base + (post.path().length == 0 ? "" : post.path()[0]));
        }
      }
    }
    Set<String> described = new TreeSet<>();
    api.path("paths")
        .properties()
        .forEach(
            path ->
                path.getValue()
                    .properties()
                    .forEach(
                        operation -> {
                          if (Set.of("get", "post", "put", "delete", "patch")
                              .contains(operation.getKey())) {
                            described.add(operation.getKey() + " " + path.getKey());
                          }
                        }));
    assertThat(implemented).hasSize(8);
    assertThat(described).isEqualTo(implemented);
  }
}
