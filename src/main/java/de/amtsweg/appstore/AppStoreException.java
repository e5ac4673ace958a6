package de.amtsweg.appstore;

import de.amtsweg.platform.ProblemException;
import org.springframework.http.HttpStatus;

/** An app that does not exist, is not offered by a tenant, or a parameter value that is wrong. */
public class AppStoreException extends ProblemException {

  public static final String APP_NOT_FOUND = "app-not-found";
  public static final String APP_NOT_ACTIVE = "app-not-active";
  public static final String INVALID_PARAMETER = "app-parameter-invalid";

  private AppStoreException(HttpStatus status, String type, Object... arguments) {
    super(status, type, arguments);
  }

  public static AppStoreException notFound(String appId) {
    return new AppStoreException(HttpStatus.NOT_FOUND, APP_NOT_FOUND, appId);
  }

  public static AppStoreException notActive(String appId) {
    return new AppStoreException(HttpStatus.NOT_FOUND, APP_NOT_ACTIVE, appId);
  }

  public static AppStoreException invalidParameter(String parameterId) {
    return new AppStoreException(HttpStatus.UNPROCESSABLE_CONTENT, INVALID_PARAMETER, parameterId);
  }
}
