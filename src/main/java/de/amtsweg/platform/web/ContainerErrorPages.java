package de.amtsweg.platform.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ProtocolHandler;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * The answers Tomcat gives itself, before a request reaches the application (an encoded slash, a
 * request line or headers over the size limit, a broken URI): problem details under {@code /api}, a
 * page in the portal's look elsewhere, one WARN line and no stack trace. Replaces Tomcat's own
 * error report, which is English HTML for every client.
 */
@Component
class ContainerErrorPages
    implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

  private final MessageSource messages;

  ContainerErrorPages(MessageSource messages) {
    this.messages = messages;
  }

  @Override
  public void customize(TomcatServletWebServerFactory factory) {
    factory.addContextCustomizers(
        context -> {
          // Spring Boot puts its own ErrorReportValve on the host; ours takes its place.
          Pipeline host = context.getParent().getPipeline();
          for (Valve valve : host.getValves()) {
            if (valve instanceof ErrorReportValve) {
              host.removeValve(valve);
            }
          }
          host.addValve(new ContainerErrorValve(messages));
          // Tomcat adds its default report at start unless a valve of the configured class is
          // there.
          if (context.getParent() instanceof StandardHost standardHost) {
            standardHost.setErrorReportValveClass(ContainerErrorValve.class.getName());
          }
        });
  }

  /** After Spring Boot's own customizer, which adds the valve this one replaces. */
  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }

  static final class ContainerErrorValve extends ErrorReportValve {

    private static final Logger log = LoggerFactory.getLogger(ContainerErrorPages.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String POLICY =
        "default-src 'none'; style-src 'self'; font-src 'self'; img-src 'self' data:; "
            + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private final MessageSource messages;

    ContainerErrorValve(MessageSource messages) {
      this.messages = messages;
    }

    @Override
    protected void report(Request request, Response response, @Nullable Throwable throwable) {
      int status = response.getStatus();
      if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
        return;
      }
      String path = pathOf(request);
      String type =
          status == 413
              ? "payload-too-large"
              : status >= 500 ? "internal-error" : "request-rejected";
      String detailCode =
          switch (type) {
            case "payload-too-large" -> "problem.payload-too-large.unknown.detail";
            case "internal-error" -> "problem.internal-error.detail";
            default -> "problem.request-rejected.detail";
          };
      Object[] arguments = {Sizes.format(headerLimit(request))};
      log.warn(
          "Request to {} refused by the web server with {} before it reached the application",
          printable(path),
          status);
      try {
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Content-Security-Policy", POLICY);
        if (Problems.isApi(path)) {
          Map<String, Object> problem = new LinkedHashMap<>();
          problem.put("type", Problems.TYPE_PREFIX + type);
          problem.put("title", message("problem." + type + ".title", arguments, Locale.GERMAN));
          problem.put("status", status);
          problem.put("detail", message(detailCode, arguments, Locale.GERMAN));
          response.setContentType("application/problem+json");
          write(response, JSON.writeValueAsString(problem));
        } else {
          response.setContentType("text/html");
          write(response, page(type, detailCode, arguments));
        }
      } catch (IOException | IllegalStateException e) {
        // The client went away or the response cannot take a body: nothing more to tell.
      }
    }

    /** German first, then English: the request was refused before its language was read. */
    private String page(String type, String detailCode, Object[] arguments) {
      StringBuilder html = new StringBuilder(2048);
      String title = message("problem." + type + ".title", arguments, Locale.GERMAN);
      html.append("<!DOCTYPE html>\n<html lang=\"de\">\n<head>\n<meta charset=\"utf-8\">\n")
          .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
          .append("<title>")
          .append(escape(title))
          .append(" – Amtsweg</title>\n")
          .append("<link rel=\"stylesheet\" href=\"/vendor/kern/dist/fonts/fira-sans.css\">\n")
          .append("<link rel=\"stylesheet\" href=\"/vendor/kern/dist/kern.min.css\">\n")
          .append("<link rel=\"stylesheet\" href=\"/css/amtsweg.css\">\n</head>\n<body>\n")
          .append("<header class=\"site-header\"><div class=\"kern-container site-header__inner\">")
          .append("<a class=\"site-header__brand\" href=\"/\"><span class=\"site-header__name\">")
          .append(escape(message("layout.brand", arguments, Locale.GERMAN)))
          .append("</span> <span class=\"site-header__region\">")
          .append(escape(message("layout.region", arguments, Locale.GERMAN)))
          .append(
              "</span></a></div></header>\n<main id=\"main\" class=\"kern-container site-main\">\n");
      for (Locale locale : new Locale[] {Locale.GERMAN, Locale.ENGLISH}) {
        String tag = locale.getLanguage();
        html.append("<section lang=\"")
            .append(tag)
            .append("\">\n<h1 class=\"kern-heading-large\">")
            .append(escape(message("problem." + type + ".title", arguments, locale)))
            .append("</h1>\n<p class=\"kern-body\">")
            .append(escape(message(detailCode, arguments, locale)))
            .append("</p>\n<p class=\"kern-body\"><a class=\"kern-link\" href=\"/\">")
            .append(escape(message("error.home", arguments, locale)))
            .append("</a></p>\n</section>\n");
      }
      return html.append("</main>\n</body>\n</html>\n").toString();
    }

    private String message(String code, Object[] arguments, Locale locale) {
      String text = messages.getMessage(code, arguments, code, locale);
      return text == null ? code : text;
    }

    private static void write(HttpServletResponse response, String body) throws IOException {
      Writer writer = response.getWriter();
      writer.write(body);
      writer.flush();
    }

    /** The path as far as Tomcat read it; empty when even the request line was unreadable. */
    private static String pathOf(Request request) {
      try {
        String uri = request.getRequestURI();
        return uri == null ? "" : uri;
      } catch (RuntimeException e) {
        return "";
      }
    }

    /** What the connector allows for request line and headers together. */
    private static long headerLimit(Request request) {
      ProtocolHandler handler =
          request.getConnector() == null ? null : request.getConnector().getProtocolHandler();
      return handler instanceof AbstractHttp11Protocol<?> http11
          ? http11.getMaxHttpRequestHeaderSize()
          : 8 * 1024;
    }

    /** At most 200 characters, control characters shown as {@code ?}: a log line, not a payload. */
    private static String printable(String path) {
      String cut = path.length() > 200 ? path.substring(0, 200) + "…" : path;
      return cut.replaceAll("\\p{Cntrl}", "?");
    }

    private static String escape(String text) {
      return HtmlUtils.htmlEscape(text, StandardCharsets.UTF_8.name());
    }
  }
}
