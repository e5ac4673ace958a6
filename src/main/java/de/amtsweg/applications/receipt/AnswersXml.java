package de.amtsweg.applications.receipt;

import de.amtsweg.forms.AppDefinition;
import de.amtsweg.forms.AppDefinition.Declaration;
import de.amtsweg.forms.AppDefinition.Field;
import de.amtsweg.forms.FieldType;
import de.amtsweg.forms.FormEngine;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * The answers of a submitted Antrag as XML in the namespace {@value #NAMESPACE}, for Fachverfahren
 * and for the receipt's embedded {@code antrag.xml}.
 *
 * <p>The root {@code <antrag>} carries the app, version, reference, submission time, responsible
 * tenant's ARS and the LeiKa keys as attributes. It holds one element per answered field, named by
 * the field's id, in the order of the definition; then {@code <computed>} (one element per computed
 * value), {@code <fee currency="EUR">} and {@code <declarations>}. Values are written as the
 * normalized answers hold them: text as is, amounts and numbers as plain decimals ({@code
 * 1234.50}), dates as ISO dates, yes/no as {@code true}/{@code false}, choices as their codes;
 * multiple choices as repeated {@code <value>}, addresses as their parts ({@code street}, {@code
 * houseNumber}, {@code postcode}, {@code city}), files as repeated {@code <file>} with their
 * metadata and group items as repeated {@code <item>}.
 */
public final class AnswersXml {

  /** The namespace of the answer document. */
  public static final String NAMESPACE = "urn:amtsweg:antrag:1";

  private static final XMLOutputFactory OUTPUT = XMLOutputFactory.newFactory();
  private static final List<String> PART_ORDER =
      Stream.concat(
              FormEngine.ADDRESS_PARTS.stream(), Stream.of("id", "name", "contentType", "size"))
          .toList();

  private AnswersXml() {}

  /** Writes the answer document; the same data always gives the same text. */
  public static String write(AppDefinition app, ReceiptData data) {
    StringWriter out = new StringWriter();
    try {
      Writer xml = new Writer(OUTPUT.createXMLStreamWriter(out));
      xml.out.writeStartDocument("UTF-8", "1.0");
      xml.out.writeCharacters("\n");
      xml.out.setDefaultNamespace(NAMESPACE);
      xml.start("antrag");
      xml.out.writeDefaultNamespace(NAMESPACE);
      xml.out.writeAttribute("app", data.appId());
      xml.out.writeAttribute("version", Integer.toString(data.appVersion()));
      xml.out.writeAttribute("reference", data.reference());
      xml.out.writeAttribute(
          "submitted", data.submittedAt().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
      xml.out.writeAttribute("tenant-ars", data.tenantArs());
      xml.out.writeAttribute("leika", String.join(" ", app.leikaKeys()));
      for (Field field : app.fields()) {
        Object value = data.answers().get(field.id());
        if (value != null) {
          xml.field(field, value);
        }
      }
      if (!data.computed().isEmpty()) {
        xml.start("computed");
        for (var computed : app.computed()) {
          Object value = data.computed().get(computed.id());
          if (value != null) {
            xml.leaf(computed.id(), value);
          }
        }
        xml.end();
      }
      if (data.fee() != null) {
        xml.indent();
        xml.out.writeStartElement(NAMESPACE, "fee");
        xml.out.writeAttribute("currency", "EUR");
        xml.out.writeCharacters(data.fee().setScale(2, RoundingMode.HALF_UP).toPlainString());
        xml.out.writeEndElement();
      }
      if (data.payment() != null) {
        xml.indent();
        xml.out.writeStartElement(NAMESPACE, "payment");
        xml.out.writeAttribute("status", data.payment().status());
        xml.out.writeAttribute("kassenzeichen", data.payment().kassenzeichen());
        xml.out.writeAttribute("currency", "EUR");
        xml.out.writeCharacters(
            data.payment().amount().setScale(2, RoundingMode.HALF_UP).toPlainString());
        xml.out.writeEndElement();
      }
      xml.start("declarations");
      for (Declaration declaration : app.declarations()) {
        if (data.declarations().contains(declaration.id())) {
          xml.indent();
          xml.out.writeStartElement(NAMESPACE, "declaration");
          xml.out.writeAttribute("id", declaration.id());
          xml.out.writeCharacters(clean(declaration.text().de()));
          xml.out.writeEndElement();
        }
      }
      xml.end();
      xml.end();
      xml.out.writeCharacters("\n");
      xml.out.writeEndDocument();
      xml.out.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("could not write the answer document", e);
    }
    return out.toString();
  }

  /**
   * Parses an answer document (or any XML) with a hardened parser: namespace aware, no DTDs, no
   * external entities or schemas.
   */
  public static Document read(String xml) {
    try {
      DocumentBuilderFactory factory = de.amtsweg.platform.HardenedXml.documentBuilderFactory();
      return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException(e);
    } catch (SAXException e) {
      throw new IllegalArgumentException("not a well-formed XML document: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** XML 1.0 cannot carry most control characters, not even escaped; they are left out. */
  static String clean(String text) {
    StringBuilder clean = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean allowed =
          c == '\t'
              || c == '\n'
              || c == '\r'
              || (c >= 0x20 && c <= 0xD7FF)
              || Character.isSurrogate(c)
              || (c >= 0xE000 && c <= 0xFFFD);
      if (!allowed && clean == null) {
        clean = new StringBuilder(text.substring(0, i));
      } else if (allowed && clean != null) {
        clean.append(c);
      }
    }
    return clean == null ? text : clean.toString();
  }

  static String scalar(Object value) {
    return value instanceof BigDecimal decimal ? decimal.toPlainString() : clean(value.toString());
  }

  /** StAX with line breaks and indentation between elements (never inside text). */
  private static final class Writer {

    private final XMLStreamWriter out;
    private int depth;

    Writer(XMLStreamWriter out) {
      this.out = out;
    }

    void indent() throws XMLStreamException {
      out.writeCharacters("\n" + "  ".repeat(depth));
    }

    void start(String name) throws XMLStreamException {
      if (depth > 0) {
        indent();
      }
      out.writeStartElement(NAMESPACE, name);
      depth++;
    }

    void end() throws XMLStreamException {
      depth--;
      indent();
      out.writeEndElement();
    }

    void leaf(String name, Object value) throws XMLStreamException {
      indent();
      out.writeStartElement(NAMESPACE, name);
      out.writeCharacters(scalar(value));
      out.writeEndElement();
    }

    void field(Field field, Object value) throws XMLStreamException {
      FieldType type = field.type();
      if (type == FieldType.GROUP && value instanceof List<?> items) {
        start(field.id());
        for (Object item : items) {
          start("item");
          if (item instanceof Map<?, ?> answers) {
            for (Field child : field.fields()) {
              Object childValue = answers.get(child.id());
              if (childValue != null) {
                field(child, childValue);
              }
            }
          }
          end();
        }
        end();
      } else if (value instanceof List<?> list) {
        start(field.id());
        for (Object element : list) {
          if (element instanceof Map<?, ?> map) {
            start(type == FieldType.FILE ? "file" : "item");
            parts(map);
            end();
          } else if (element != null) {
            leaf("value", element);
          }
        }
        end();
      } else if (value instanceof Map<?, ?> map) {
        start(field.id());
        parts(map);
        end();
      } else {
        leaf(field.id(), value);
      }
    }

    /** Address parts and file metadata in a fixed order, whatever map they came in. */
    private void parts(Map<?, ?> map) throws XMLStreamException {
      List<String> names =
          map.keySet().stream()
              .map(String::valueOf)
              .filter(Writer::isName)
              .sorted(
                  Comparator.comparingInt(Writer::rank).thenComparing(Comparator.naturalOrder()))
              .toList();
      for (String name : names) {
        Object value = map.get(name);
        if (value != null) {
          leaf(name, value);
        }
      }
    }

    private static int rank(String name) {
      int rank = PART_ORDER.indexOf(name);
      return rank < 0 ? PART_ORDER.size() : rank;
    }

    private static boolean isName(@Nullable String name) {
      return name != null
          && name.matches("[A-Za-z_][A-Za-z0-9_.-]*")
          && !name.regionMatches(true, 0, "xml", 0, 3);
    }
  }
}
