package de.amtsweg.einvoice;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Reads the business terms Amtsweg needs from a UBL or CII document (by element local names; the
 * validation has checked the structure). Values that cannot be read stay null.
 */
final class InvoiceReader {

  static final String UBL_INVOICE = "UBL-Invoice";
  static final String UBL_CREDIT_NOTE = "UBL-CreditNote";
  static final String CII = "CII";

  private InvoiceReader() {}

  static @Nullable String syntax(Element root) {
    String ns = String.valueOf(root.getNamespaceURI());
    return switch (root.getLocalName()) {
      case "Invoice" ->
          ns.equals("urn:oasis:names:specification:ubl:schema:xsd:Invoice-2") ? UBL_INVOICE : null;
      case "CreditNote" ->
          ns.equals("urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2")
              ? UBL_CREDIT_NOTE
              : null;
      case "CrossIndustryInvoice" ->
          ns.equals("urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100") ? CII : null;
      default -> null;
    };
  }

  static @Nullable String specification(Element root, String syntax) {
    return CII.equals(syntax)
        ? text(root, "ExchangedDocumentContext", "GuidelineSpecifiedDocumentContextParameter", "ID")
        : text(root, "CustomizationID");
  }

  static InvoiceData read(Element root, String syntax) {
    return CII.equals(syntax) ? cii(root) : ubl(root, syntax);
  }

  private static InvoiceData ubl(Element root, String syntax) {
    boolean creditNote = UBL_CREDIT_NOTE.equals(syntax);
    Element totals = child(root, "LegalMonetaryTotal");
    Element taxTotal = child(root, "TaxTotal");
    List<InvoiceData.Line> lines = new ArrayList<>();
    for (Element line : children(root, creditNote ? "CreditNoteLine" : "InvoiceLine")) {
      Element item = child(line, "Item");
      Element tax = item == null ? null : child(item, "ClassifiedTaxCategory");
      Element quantity = child(line, creditNote ? "CreditedQuantity" : "InvoicedQuantity");
      lines.add(
          new InvoiceData.Line(
              text(line, "ID"),
              item == null ? null : text(item, "Name"),
              decimal(quantity == null ? null : quantity.getTextContent()),
              quantity == null ? null : blankToNull(quantity.getAttribute("unitCode")),
              decimal(text(line, "Price", "PriceAmount")),
              decimal(text(line, "LineExtensionAmount")),
              tax == null ? null : text(tax, "ID"),
              tax == null ? null : decimal(text(tax, "Percent"))));
    }
    List<InvoiceData.Attachment> attachments = new ArrayList<>();
    for (Element reference : children(root, "AdditionalDocumentReference")) {
      Element binary = descend(reference, "Attachment", "EmbeddedDocumentBinaryObject");
      if (binary != null) {
        attachment(
            attachments,
            binary.getAttribute("filename"),
            binary.getAttribute("mimeCode"),
            text(reference, "DocumentDescription"),
            binary.getTextContent());
      }
    }
    Element payee = descend(root, "PaymentMeans", "PayeeFinancialAccount");
    return new InvoiceData(
        text(root, "ID"),
        text(root, creditNote ? "CreditNoteTypeCode" : "InvoiceTypeCode"),
        date(text(root, "IssueDate")),
        date(creditNote ? text(root, "PaymentMeans", "PaymentDueDate") : text(root, "DueDate")),
        text(root, "DocumentCurrencyCode"),
        text(root, "BuyerReference"),
        firstNonNull(
            text(root, "AccountingSupplierParty", "Party", "PartyLegalEntity", "RegistrationName"),
            text(root, "AccountingSupplierParty", "Party", "PartyName", "Name")),
        text(root, "AccountingSupplierParty", "Party", "PartyTaxScheme", "CompanyID"),
        firstNonNull(
            text(root, "AccountingCustomerParty", "Party", "PartyLegalEntity", "RegistrationName"),
            text(root, "AccountingCustomerParty", "Party", "PartyName", "Name")),
        totals == null ? null : decimal(text(totals, "TaxExclusiveAmount")),
        taxTotal == null ? null : decimal(text(taxTotal, "TaxAmount")),
        totals == null ? null : decimal(text(totals, "TaxInclusiveAmount")),
        totals == null ? null : decimal(text(totals, "PayableAmount")),
        text(root, "PaymentTerms", "Note"),
        payee == null ? null : text(payee, "ID"),
        lines,
        attachments);
  }

  private static InvoiceData cii(Element root) {
    Element transaction = child(root, "SupplyChainTradeTransaction");
    Element agreement =
        transaction == null ? null : child(transaction, "ApplicableHeaderTradeAgreement");
    Element settlement =
        transaction == null ? null : child(transaction, "ApplicableHeaderTradeSettlement");
    Element sums =
        settlement == null
            ? null
            : child(settlement, "SpecifiedTradeSettlementHeaderMonetarySummation");
    List<InvoiceData.Line> lines = new ArrayList<>();
    if (transaction != null) {
      for (Element line : children(transaction, "IncludedSupplyChainTradeLineItem")) {
        Element quantity = descend(line, "SpecifiedLineTradeDelivery", "BilledQuantity");
        Element tax = descend(line, "SpecifiedLineTradeSettlement", "ApplicableTradeTax");
        lines.add(
            new InvoiceData.Line(
                text(line, "AssociatedDocumentLineDocument", "LineID"),
                text(line, "SpecifiedTradeProduct", "Name"),
                decimal(quantity == null ? null : quantity.getTextContent()),
                quantity == null ? null : blankToNull(quantity.getAttribute("unitCode")),
                decimal(
                    text(
                        line,
                        "SpecifiedLineTradeAgreement",
                        "NetPriceProductTradePrice",
                        "ChargeAmount")),
                decimal(
                    text(
                        line,
                        "SpecifiedLineTradeSettlement",
                        "SpecifiedTradeSettlementLineMonetarySummation",
                        "LineTotalAmount")),
                tax == null ? null : text(tax, "CategoryCode"),
                tax == null ? null : decimal(text(tax, "RateApplicablePercent"))));
      }
    }
    List<InvoiceData.Attachment> attachments = new ArrayList<>();
    if (agreement != null) {
      for (Element reference : children(agreement, "AdditionalReferencedDocument")) {
        Element binary = child(reference, "AttachmentBinaryObject");
        if (binary != null) {
          attachment(
              attachments,
              binary.getAttribute("filename"),
              binary.getAttribute("mimeCode"),
              text(reference, "Name"),
              binary.getTextContent());
        }
      }
    }
    return new InvoiceData(
        text(root, "ExchangedDocument", "ID"),
        text(root, "ExchangedDocument", "TypeCode"),
        date(text(root, "ExchangedDocument", "IssueDateTime", "DateTimeString")),
        settlement == null
            ? null
            : date(
                text(
                    settlement, "SpecifiedTradePaymentTerms", "DueDateDateTime", "DateTimeString")),
        settlement == null ? null : text(settlement, "InvoiceCurrencyCode"),
        agreement == null ? null : text(agreement, "BuyerReference"),
        agreement == null ? null : text(agreement, "SellerTradeParty", "Name"),
        agreement == null
            ? null
            : text(agreement, "SellerTradeParty", "SpecifiedTaxRegistration", "ID"),
        agreement == null ? null : text(agreement, "BuyerTradeParty", "Name"),
        sums == null ? null : decimal(text(sums, "TaxBasisTotalAmount")),
        sums == null ? null : decimal(text(sums, "TaxTotalAmount")),
        sums == null ? null : decimal(text(sums, "GrandTotalAmount")),
        sums == null ? null : decimal(text(sums, "DuePayableAmount")),
        settlement == null ? null : text(settlement, "SpecifiedTradePaymentTerms", "Description"),
        settlement == null
            ? null
            : text(
                settlement,
                "SpecifiedTradeSettlementPaymentMeans",
                "PayeePartyCreditorFinancialAccount",
                "IBANID"),
        lines,
        attachments);
  }

  private static void attachment(
      List<InvoiceData.Attachment> into,
      @Nullable String filename,
      @Nullable String mime,
      @Nullable String description,
      String base64) {
    try {
      byte[] content = Base64.getMimeDecoder().decode(base64.strip());
      String name =
          filename == null || filename.isBlank() ? "anlage-" + (into.size() + 1) : filename;
      into.add(
          new InvoiceData.Attachment(
              name,
              mime == null || mime.isBlank() ? "application/octet-stream" : mime,
              description,
              content));
    } catch (IllegalArgumentException e) {
      // not Base64: the validation reports it; nothing to offer for download
    }
  }

  static @Nullable String text(Element from, String... path) {
    Element at = descend(from, path);
    if (at == null) {
      return null;
    }
    return blankToNull(at.getTextContent().strip());
  }

  private static @Nullable Element descend(Element from, String... path) {
    Element at = from;
    for (String name : path) {
      at = child(at, name);
      if (at == null) {
        return null;
      }
    }
    return at;
  }

  private static @Nullable Element child(Element parent, String localName) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && localName.equals(e.getLocalName())) {
        return e;
      }
    }
    return null;
  }

  private static List<Element> children(Element parent, String localName) {
    List<Element> found = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && localName.equals(e.getLocalName())) {
        found.add(e);
      }
    }
    return found;
  }

  private static @Nullable String blankToNull(@Nullable String s) {
    return s == null || s.isBlank() ? null : s;
  }

  private static @Nullable String firstNonNull(@Nullable String a, @Nullable String b) {
    return a != null ? a : b;
  }

  private static @Nullable BigDecimal decimal(@Nullable String s) {
    if (s == null) {
      return null;
    }
    try {
      return new BigDecimal(s.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static @Nullable LocalDate date(@Nullable String s) {
    if (s == null) {
      return null;
    }
    try {
      return s.length() == 8
          ? LocalDate.parse(s, DateTimeFormatter.BASIC_ISO_DATE)
          : LocalDate.parse(s.substring(0, Math.min(10, s.length())));
    } catch (RuntimeException e) {
      return null;
    }
  }
}
