package de.amtsweg.applications;

import de.amtsweg.appstore.AppStore;
import de.amtsweg.platform.BodyLimitProvider;
import jakarta.servlet.http.HttpServletRequest;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * The body of {@code POST /api/v1/tenants/{ars}/apps/{app}/antraege} may be as large as the answers
 * ({@code amtsweg.limits.request-body}, 1 MB) plus the files the app allows, as base64, at most
 * {@code amtsweg.limits.antrag-api-body} (64 MB). The answers without their files are held to their
 * own limit after reading ({@code UploadPolicy.checkAnswersSize}).
 */
@Component
class AntragApiBodyLimit implements BodyLimitProvider {

  private static final Pattern SUBMIT =
      Pattern.compile("/api/v1/tenants/[^/]+/apps/([a-z0-9-]{1,64})/antraege/?");

  private final AppStore store;
  private final long answers;
  private final long max;

  AntragApiBodyLimit(
      AppStore store,
      @Value("${amtsweg.limits.request-body:1MB}") DataSize answers,
      @Value("${amtsweg.limits.antrag-api-body:64MB}") DataSize max) {
    this.store = store;
    this.answers = answers.toBytes();
    this.max = max.toBytes();
  }

  @Override
  public OptionalLong limit(HttpServletRequest request) {
    Matcher submit = SUBMIT.matcher(request.getRequestURI());
    if (!submit.matches()) {
      return OptionalLong.empty();
    }
    long files =
        store
            .latest(submit.group(1))
            .map(app -> app.definition().attachmentAllowanceBytes())
            .orElse(0L);
    return OptionalLong.of(Math.min(max, answers + files / 3 * 4 + 4));
  }
}
