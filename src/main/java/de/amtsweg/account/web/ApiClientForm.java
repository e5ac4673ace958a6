package de.amtsweg.account.web;

import de.amtsweg.account.ApiClients;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A new API client: its client id, the program's name, its scopes, and (operators only) its owner
 * as {@code tenant:<slug>} or {@code organisation:<id>}.
 */
public class ApiClientForm {

  @NotBlank(message = "{account.api-clients.error.client-id.required}")
  @Size(
      min = ApiClients.MIN_CLIENT_ID,
      max = ApiClients.MAX_CLIENT_ID,
      message = "{account.api-clients.error.client-id.size}")
  @Pattern(
      regexp = "[a-z0-9]+([-._][a-z0-9]+)*",
      message = "{account.api-clients.error.client-id.format}")
  private @Nullable String clientId;

  @NotBlank(message = "{account.api-clients.error.name.required}")
  @Size(max = ApiClients.MAX_NAME, message = "{account.api-clients.error.name.size}")
  private @Nullable String name;

  private @Nullable String owner;

  private List<String> scopes = new ArrayList<>();

  public @Nullable String getClientId() {
    return clientId;
  }

  public void setClientId(@Nullable String v) {
    clientId = v;
  }

  public @Nullable String getName() {
    return name;
  }

  public void setName(@Nullable String v) {
    name = v;
  }

  public @Nullable String getOwner() {
    return owner;
  }

  public void setOwner(@Nullable String v) {
    owner = v;
  }

  public List<String> getScopes() {
    return scopes;
  }

  public void setScopes(@Nullable List<String> v) {
    scopes = v == null ? new ArrayList<>() : v;
  }
}
