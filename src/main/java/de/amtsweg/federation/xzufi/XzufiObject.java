package de.amtsweg.federation.xzufi;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One record of an XZuFi message, as far as Amtsweg uses it. Ids are the source's own ids (without
 * Amtsweg's {@code <source>:} prefix).
 */
public sealed interface XzufiObject {

  /** The source's id of the object. */
  String id();

  /**
   * A {@code schreibe} of a Leistung: its LeiKa key and its texts.
   *
   * @param texts by LeiKa text module code ({@code 05} Kurztext …, see {@link XzufiNames}) and
   *     language, plain text
   */
  record Leistung(String id, String leikaKey, Map<String, Map<String, String>> texts)
      implements XzufiObject {}

  /** A {@code schreibe} of an Organisationseinheit. */
  record Organisationseinheit(
      String id,
      String name,
      @Nullable String street,
      @Nullable String postcode,
      @Nullable String city,
      @Nullable String phone,
      @Nullable String email,
      @Nullable String website)
      implements XzufiObject {}

  /**
   * A {@code schreibe} of an Onlinedienst.
   *
   * @param provider the name of the Organisationseinheit that offers it, when the message says so
   *     (see {@link XzufiReader})
   */
  record Onlinedienst(String id, String name, @Nullable String url, @Nullable String provider)
      implements XzufiObject {}

  /**
   * A {@code schreibe} of a Zuständigkeit ({@code zustaendigkeitTransferObjekt}).
   *
   * @param parentId {@code uebergeordnetesObjektID}: the Organisationseinheit or Onlinedienst
   * @param leistungId the Leistung by the source's id (or directly by LeiKa key)
   * @param regions the ARS of each {@code gebietID}, 12 digits
   * @param rolleCode the code of {@code rolle}, if any
   */
  record Zustaendigkeit(
      String id,
      String parentId,
      String leistungId,
      List<String> regions,
      @Nullable String rolleCode)
      implements XzufiObject {}

  /** A {@code loesche} record: an object of a class to delete. */
  record Loeschung(String klasse, String id) implements XzufiObject {}

  /** A record the reader could not use, with the reason in words for the operator. */
  record Unreadable(String what, String id, String reason) implements XzufiObject {}
}
