package de.amtsweg.tenancy.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import de.amtsweg.platform.ProblemException;
import de.amtsweg.tenancy.Authorities;
import de.amtsweg.tenancy.Authority;
import de.amtsweg.tenancy.AuthorityType;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Public read API of the Land's authorities. */
@RestController
@RequestMapping("/api/v1/authorities")
class AuthorityApiController {

  static final int MAX_QUERY_LENGTH = 100;

  private final Authorities authorities;

  AuthorityApiController(Authorities authorities) {
    this.authorities = authorities;
  }

  /** Authorities whose name or postcode matches {@code q}, best match first. */
  @GetMapping
  List<AuthorityJson> search(@RequestParam String q, @RequestParam(defaultValue = "20") int limit) {
    if (q.length() > MAX_QUERY_LENGTH) {
      throw new InvalidQueryException("query-too-long", MAX_QUERY_LENGTH);
    }
    if (limit < 1 || limit > Authorities.MAX_RESULTS) {
      throw new InvalidQueryException("limit-out-of-range", Authorities.MAX_RESULTS);
    }
    return authorities.search(q, limit).stream().map(a -> AuthorityJson.of(a, null)).toList();
  }

  /** One authority with its postcodes. */
  @GetMapping("/{ars}")
  AuthorityJson get(@PathVariable String ars) {
    Authority authority = authorities.get(ars);
    return AuthorityJson.of(authority, authorities.postcodes(authority.ars()));
  }

  record AuthorityJson(
      String ars,
      @Nullable String ags,
      String name,
      String displayName,
      String officialName,
      AuthorityType type,
      @Nullable String parentArs,
      @Nullable Integer population,
      @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable List<String> postcodes) {

    static AuthorityJson of(Authority a, @Nullable List<String> postcodes) {
      return new AuthorityJson(
          a.ars(),
          a.ags(),
          a.name(),
          a.displayName(),
          a.officialName(),
          a.type(),
          a.parentArs(),
          a.population(),
          postcodes);
    }
  }

  static class InvalidQueryException extends ProblemException {
    InvalidQueryException(String type, Object... arguments) {
      super(HttpStatus.BAD_REQUEST, type, arguments);
    }
  }
}
