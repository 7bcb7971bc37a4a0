package dev.rapport.people.internal;

import dev.rapport.people.Network;
import dev.rapport.shared.InvalidInputException;
import dev.rapport.shared.InvalidInputException.FieldError;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** An identity as given, with the keys it is matched by: handle per network and profile URL. */
record IdentityDraft(
    Network network,
    String handle,
    String profileUrl,
    String displayName,
    String bio,
    Integer followers) {

  IdentityDraft {
    handle = Fields.clean(handle);
    profileUrl = Fields.clean(profileUrl);
    displayName = Fields.clean(displayName);
    bio = Fields.clean(bio);
  }

  static IdentityDraft of(
      String network, String handle, String url, String name, String bio, Integer followers) {
    Network n;
    try {
      n = Network.parse(network);
    } catch (IllegalArgumentException e) {
      throw InvalidInputException.of("network", e.getMessage());
    }
    return new IdentityDraft(n, handle, url, name, bio, followers);
  }

  String handleKey() {
    return handleKey(handle);
  }

  /** A handle as identities are matched: lower case, without a leading "@". */
  static String handleKey(String handle) {
    String h = handle.strip().toLowerCase(Locale.ROOT);
    return h.startsWith("@") ? h.substring(1) : h;
  }

  /** The profile URL without scheme, "www.", query or trailing slash, lower-cased host. */
  String urlKey() {
    return urlKey(profileUrl);
  }

  static String urlKey(String url) {
    if (url == null) {
      return null;
    }
    try {
      URI u = URI.create(url.strip());
      if (u.getHost() == null) {
        return null;
      }
      String host = u.getHost().toLowerCase(Locale.ROOT);
      if (host.startsWith("www.")) {
        host = host.substring(4);
      }
      String path = u.getPath() == null ? "" : u.getPath();
      while (path.endsWith("/")) {
        path = path.substring(0, path.length() - 1);
      }
      return host + path;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  List<FieldError> problems() {
    List<FieldError> errors = new ArrayList<>();
    if (handle == null) {
      errors.add(new FieldError("handle", "is required"));
    }
    Fields.length(errors, "handle", handle, Fields.HANDLE);
    Fields.length(errors, "profileUrl", profileUrl, Fields.URL);
    if (profileUrl != null && profileUrl.length() <= Fields.URL) {
      String lower = profileUrl.toLowerCase(Locale.ROOT);
      if (!(lower.startsWith("https://") || lower.startsWith("http://")) || urlKey() == null) {
        errors.add(new FieldError("profileUrl", "must be an http or https URL"));
      }
    }
    Fields.length(errors, "displayName", displayName, Fields.NAME * 2);
    Fields.length(errors, "bio", bio, Fields.BIO);
    if (followers != null && followers < 0) {
      errors.add(new FieldError("followers", "cannot be negative"));
    }
    return errors;
  }

  void check() {
    List<FieldError> errors = problems();
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
  }
}
