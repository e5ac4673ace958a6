package de.amtsweg.applications;

import de.amtsweg.forms.AppDefinition;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Writes the XML answer document and the PDF/A-3 receipt of an Antrag. */
interface ReceiptRenderer {

  /** Everything a receipt shows. */
  record Input(
      AppDefinition app,
      int appVersion,
      String reference,
      String authorityName,
      String tenantArs,
      OffsetDateTime submittedAt,
      @Nullable String applicantName,
      Map<String, Object> answers,
      Map<String, Object> computed,
      @Nullable BigDecimal fee,
      List<String> declarations,
      List<Map<String, Object>> files,
      Locale locale,
      de.amtsweg.applications.receipt.ReceiptData.@Nullable Paid payment) {}

  String xml(Input input);

  byte[] pdf(Input input, String answersJson, String answersXml);
}
