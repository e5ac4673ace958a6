package de.amtsweg.federation.xzufi;

import de.amtsweg.platform.HardenedXml;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.ParserConfigurationException;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads the {@code schreibe} and {@code loesche} records of an XZuFi 2.2 message into {@link
 * XzufiObject}s. It is lenient where real sources are untidy: any root element, elements matched by
 * local name, a single element where a list is expected, unknown kinds of record skipped, and a
 * record it cannot use reported as {@link XzufiObject.Unreadable} instead of failing the message.
 * It is strict where it matters: the XML is parsed by {@link HardenedXml} (no DOCTYPE, so no XXE
 * and no entity expansion), and a message that is not well-formed is refused as a whole.
 */
public final class XzufiReader {

  private static final Pattern DIGITS = Pattern.compile("([0-9]{1,12})$");
  private static final Pattern LEIKA = Pattern.compile("(99[0-9]{12})$");
  private static final Pattern TAG = Pattern.compile("<[^>]*>");
  private static final Pattern BREAK =
      Pattern.compile("(?i)<br\\s*/?>|</p>|</li>|</h[1-6]>|</div>|</tr>");

  private XzufiReader() {}

  /** Thrown for a message that is not well-formed XML, or has a DOCTYPE. */
  public static final class MalformedMessage extends RuntimeException {
    MalformedMessage(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /**
   * The records of a message, in document order.
   *
   * @throws MalformedMessage when the XML cannot be parsed (or declares a DOCTYPE)
   */
  public static List<XzufiObject> read(String xml) {
    Element root = parse(xml).getDocumentElement();
    List<XzufiObject> objects = new ArrayList<>();
    for (Element record : children(root)) {
      switch (record.getLocalName()) {
        case "schreibe" -> {
          for (Element object : children(record)) {
            readWrite(object).ifPresent(objects::add);
          }
        }
        case "loesche" -> objects.add(readDelete(record));
        default -> {
          // nachrichtenkopf, transaktionID and the like carry nothing Amtsweg keeps
        }
      }
    }
    return withProviders(objects);
  }

  private static Optional<XzufiObject> readWrite(Element object) {
    String id = text(child(object, "id")).orElse("");
    String kind = object.getLocalName();
    try {
      return switch (kind) {
        case "leistung" -> Optional.of(leistung(object, id));
        case "organisationseinheit" -> Optional.of(unit(object, id));
        case "onlinedienst" -> Optional.of(service(object, id));
        case "zustaendigkeitTransferObjekt" -> Optional.of(entry(object));
        // Spezialisierungen and other kinds are not kept by Amtsweg
        default -> Optional.empty();
      };
    } catch (IllegalArgumentException e) {
      return Optional.of(new XzufiObject.Unreadable(kind, id, String.valueOf(e.getMessage())));
    }
  }

  private static XzufiObject readDelete(Element record) {
    String klasse = record.getAttribute("klasse");
    String id = text(child(record, "id")).orElse("");
    if (klasse.isBlank() || id.isBlank()) {
      return new XzufiObject.Unreadable("loesche", id, "Klasse oder ID fehlt");
    }
    return new XzufiObject.Loeschung(klasse.strip(), id);
  }

  private static XzufiObject leistung(Element leistung, String id) {
    requireId(id);
    String leikaKey =
        child(leistung, "referenzLeiKa")
            .flatMap(r -> text(child(r, "code")))
            .map(String::strip)
            .orElseThrow(
                () -> new IllegalArgumentException("kein Leistungsschlüssel (referenzLeiKa)"));
    if (!leikaKey.matches("99[0-9]{12}")) {
      throw new IllegalArgumentException("Leistungsschlüssel ungültig: " + shorten(leikaKey));
    }
    Map<String, Map<String, String>> texts = new LinkedHashMap<>();
    for (Element module : children(leistung, "modulText")) {
      String code =
          child(module, "leikaTextmodul").flatMap(m -> text(child(m, "code"))).orElse("").strip();
      if (!code.isEmpty()) {
        texts.put(code, languages(children(module, "inhalt")));
      }
    }
    putDescription(leistung, "modulKosten", XzufiNames.KOSTEN, texts);
    putDescription(leistung, "modulFrist", XzufiNames.FRIST, texts);
    putDescription(leistung, "modulBearbeitungsdauer", XzufiNames.BEARBEITUNGSDAUER, texts);
    return new XzufiObject.Leistung(id, leikaKey, texts);
  }

  private static void putDescription(
      Element leistung, String module, String code, Map<String, Map<String, String>> texts) {
    child(leistung, module)
        .map(m -> languages(children(m, "beschreibung")))
        .filter(m -> !m.isEmpty())
        .ifPresent(m -> texts.put(code, m));
  }

  private static Map<String, String> languages(List<Element> texts) {
    Map<String, String> byLanguage = new LinkedHashMap<>();
    for (Element text : texts) {
      String lang = text.getAttribute("languageCode").strip().toLowerCase(Locale.ROOT);
      String plain = plain(text.getTextContent());
      if (!plain.isEmpty()) {
        byLanguage.putIfAbsent(
            lang.isEmpty() ? "de" : lang.substring(0, Math.min(2, lang.length())), plain);
      }
    }
    return byLanguage;
  }

  private static XzufiObject unit(Element unit, String id) {
    requireId(id);
    // name/name, possibly several languages: German first
    String name =
        child(unit, "name")
            .map(n -> languages(children(n, "name")))
            .flatMap(
                n ->
                    Optional.ofNullable(
                        n.getOrDefault("de", n.values().stream().findFirst().orElse(null))))
            .orElseThrow(() -> new IllegalArgumentException("kein Name"));
    Optional<Element> address = child(unit, "anschrift");
    String street =
        address
            .flatMap(a -> text(child(a, "strasse")))
            .map(s -> join(s, address.flatMap(a -> text(child(a, "hausnummer"))).orElse(null)))
            .orElse(null);
    String phone = null;
    String email = null;
    for (Element channel : children(unit, "kommunikation")) {
      String value = text(child(channel, "kennung")).orElse("").strip();
      if (value.contains("@") && email == null) {
        email = value.replaceFirst("^mailto:", "");
      } else if (value.matches("[+0-9][0-9 ()/-]{4,}") && phone == null) {
        phone = value;
      }
    }
    String website =
        child(unit, "internetadresse").flatMap(w -> text(child(w, "uri"))).orElse(null);
    return new XzufiObject.Organisationseinheit(
        id,
        name,
        street,
        address.flatMap(a -> text(child(a, "postleitzahl"))).orElse(null),
        address.flatMap(a -> text(child(a, "ort"))).orElse(null),
        phone,
        email,
        website);
  }

  private static XzufiObject service(Element service, String id) {
    requireId(id);
    Map<String, String> names = languages(children(service, "bezeichnung"));
    String name = names.getOrDefault("de", names.values().stream().findFirst().orElse(""));
    if (name.isEmpty()) {
      throw new IllegalArgumentException("keine Bezeichnung");
    }
    String url = null;
    for (Element link : children(service, "link")) {
      String type = child(link, "typ").flatMap(t -> text(child(t, "code"))).orElse("").strip();
      Optional<String> address = text(child(link, "link")).map(String::strip);
      if (address.isPresent() && (url == null || type.equals(XzufiNames.LINK_TYPE_SERVICE))) {
        url = address.get();
        if (type.equals(XzufiNames.LINK_TYPE_SERVICE)) {
          break;
        }
      }
    }
    return new XzufiObject.Onlinedienst(id, name, url, null);
  }

  private static XzufiObject entry(Element transfer) {
    Element entry =
        child(transfer, "zustaendigkeit")
            .orElseThrow(() -> new IllegalArgumentException("kein Element zustaendigkeit"));
    String id = text(child(entry, "id")).orElse("");
    requireId(id);
    String parent =
        text(child(transfer, "uebergeordnetesObjektID"))
            .map(String::strip)
            .orElseThrow(() -> new IllegalArgumentException("uebergeordnetesObjektID fehlt"));
    String leistung =
        text(child(entry, "leistungID"))
            .map(String::strip)
            .orElseThrow(() -> new IllegalArgumentException("leistungID fehlt"));
    List<String> regions = new ArrayList<>();
    for (Element region : children(entry, "gebietID")) {
      regions.add(ars(region.getTextContent()));
    }
    if (regions.isEmpty()) {
      throw new IllegalArgumentException("gebietID fehlt");
    }
    String rolle =
        child(entry, "rolle").flatMap(r -> text(child(r, "code"))).map(String::strip).orElse(null);
    return new XzufiObject.Zustaendigkeit(id, parent, leistung, List.copyOf(regions), rolle);
  }

  /**
   * A region as a 12-digit ARS: XZuFi writes it bare or as a URN ending in the key, sometimes
   * shortened to its significant digits, which are padded with zeros.
   */
  static String ars(String gebietId) {
    Matcher digits = DIGITS.matcher(gebietId.strip());
    if (!digits.find()) {
      throw new IllegalArgumentException(
          "gebietID ist kein Regionalschlüssel: " + shorten(gebietId));
    }
    String key = digits.group(1);
    return key + "0".repeat(12 - key.length());
  }

  /** A LeiKa key named directly (bare or as a URN), if the id is one. */
  public static Optional<String> leikaKeyIn(String leistungId) {
    Matcher matcher = LEIKA.matcher(leistungId.strip());
    return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
  }

  /**
   * Onlinedienste carry no provider name of their own; the provider is the Organisationseinheit
   * that is responsible (rolle 01) for the same Leistung and region in the same message.
   */
  private static List<XzufiObject> withProviders(List<XzufiObject> objects) {
    Map<String, String> unitNames = new HashMap<>();
    Map<String, String> unitByLeistungAndRegion = new HashMap<>();
    Map<String, List<String>> serviceKeys = new HashMap<>();
    for (XzufiObject object : objects) {
      if (object instanceof XzufiObject.Organisationseinheit unit) {
        unitNames.put(unit.id(), unit.name());
      }
    }
    for (XzufiObject object : objects) {
      if (object instanceof XzufiObject.Zustaendigkeit entry) {
        for (String region : entry.regions()) {
          String key = entry.leistungId() + "|" + region;
          if (unitNames.containsKey(entry.parentId())) {
            unitByLeistungAndRegion.putIfAbsent(key, unitNames.get(entry.parentId()));
          } else {
            serviceKeys.computeIfAbsent(entry.parentId(), k -> new ArrayList<>()).add(key);
          }
        }
      }
    }
    List<XzufiObject> result = new ArrayList<>(objects.size());
    for (XzufiObject object : objects) {
      if (object instanceof XzufiObject.Onlinedienst service) {
        String provider =
            serviceKeys.getOrDefault(service.id(), List.of()).stream()
                .map(unitByLeistungAndRegion::get)
                .filter(java.util.Objects::nonNull)
                .findFirst()
                .orElse(null);
        result.add(
            new XzufiObject.Onlinedienst(service.id(), service.name(), service.url(), provider));
      } else {
        result.add(object);
      }
    }
    return result;
  }

  /**
   * Text with the HTML that Redaktionssysteme put into XZuFi texts taken out, one line a paragraph.
   */
  static String plain(String html) {
    String text = BREAK.matcher(html).replaceAll("\n");
    text = TAG.matcher(text).replaceAll("");
    text =
        text.replace("&nbsp;", " ")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&#39;", "'")
            .replace("&amp;", "&")
            .replace('\u00a0', ' ');
    StringBuilder lines = new StringBuilder();
    for (String line : text.split("\\R")) {
      String stripped = line.strip().replaceAll("[ \\t]+", " ");
      if (!stripped.isEmpty()) {
        if (!lines.isEmpty()) {
          lines.append('\n');
        }
        lines.append(stripped);
      }
    }
    return lines.toString();
  }

  private static void requireId(String id) {
    if (id.isBlank()) {
      throw new IllegalArgumentException("keine ID");
    }
  }

  private static String join(String street, @Nullable String number) {
    return number == null || number.isBlank()
        ? street.strip()
        : street.strip() + " " + number.strip();
  }

  private static String shorten(String value) {
    return value.length() > 40 ? value.substring(0, 40) + "…" : value;
  }

  private static Document parse(String xml) {
    try {
      DocumentBuilder builder = HardenedXml.documentBuilderFactory().newDocumentBuilder();
      builder.setErrorHandler(new DefaultHandler());
      return builder.parse(new InputSource(new StringReader(xml)));
    } catch (SAXException | IOException e) {
      throw new MalformedMessage("XZuFi-Nachricht ist kein wohlgeformtes XML", e);
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<Element> children(Element parent) {
    List<Element> elements = new ArrayList<>();
    for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element element) {
        elements.add(element);
      }
    }
    return elements;
  }

  private static List<Element> children(Element parent, String localName) {
    return children(parent).stream().filter(e -> localName.equals(e.getLocalName())).toList();
  }

  private static Optional<Element> child(Element parent, String localName) {
    return children(parent, localName).stream().findFirst();
  }

  private static Optional<String> text(Optional<Element> element) {
    return element.map(Element::getTextContent).map(String::strip).filter(s -> !s.isEmpty());
  }
}
