package de.amtsweg.delivery.web;

import org.jspecify.annotations.Nullable;

/** The route of one app as a tenant admin edits it. */
public class RouteForm {

  private @Nullable String channel;
  private @Nullable String webhookUrl;
  private @Nullable String webhookJwk;
  private @Nullable String noticeEmail;
  private boolean newSecret;

  public @Nullable String getChannel() {
    return channel;
  }

  public void setChannel(@Nullable String v) {
    channel = v;
  }

  public @Nullable String getWebhookUrl() {
    return webhookUrl;
  }

  public void setWebhookUrl(@Nullable String v) {
    webhookUrl = v;
  }

  public @Nullable String getWebhookJwk() {
    return webhookJwk;
  }

  public void setWebhookJwk(@Nullable String v) {
    webhookJwk = v;
  }

  public @Nullable String getNoticeEmail() {
    return noticeEmail;
  }

  public void setNoticeEmail(@Nullable String v) {
    noticeEmail = v;
  }

  public boolean isNewSecret() {
    return newSecret;
  }

  public void setNewSecret(boolean v) {
    newSecret = v;
  }
}
