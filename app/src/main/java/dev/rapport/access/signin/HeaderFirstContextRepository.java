package dev.rapport.access.signin;

import dev.rapport.access.tokens.BearerTokenFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.context.DeferredSecurityContext;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpRequestResponseHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * Where a request's sign-in comes from. An API request that carries an {@code Authorization} header
 * is authenticated by that header alone, never by a session cookie that came with it: such a
 * request skips CSRF, so a cookie riding along with any {@code Bearer x} or a wrong Basic password
 * must not count.
 */
final class HeaderFirstContextRepository implements SecurityContextRepository {

  private final SecurityContextRepository sessions =
      new DelegatingSecurityContextRepository(
          new RequestAttributeSecurityContextRepository(),
          new HttpSessionSecurityContextRepository());

  public static boolean apiWithAuthorization(HttpServletRequest request) {
    return BearerTokenFilter.isApi(request) && request.getHeader("Authorization") != null;
  }

  @Override
  public DeferredSecurityContext loadDeferredContext(HttpServletRequest request) {
    if (apiWithAuthorization(request)) {
      return new DeferredSecurityContext() {
        @Override
        public SecurityContext get() {
          return SecurityContextHolder.createEmptyContext();
        }

        @Override
        public boolean isGenerated() {
          return true;
        }
      };
    }
    return sessions.loadDeferredContext(request);
  }

  @Override
  @SuppressWarnings("deprecation")
  public SecurityContext loadContext(HttpRequestResponseHolder holder) {
    if (apiWithAuthorization(holder.getRequest())) {
      return SecurityContextHolder.createEmptyContext();
    }
    return sessions.loadContext(holder);
  }

  @Override
  public void saveContext(
      SecurityContext context, HttpServletRequest request, HttpServletResponse response) {
    if (!apiWithAuthorization(request)) {
      sessions.saveContext(context, request, response);
    }
  }

  @Override
  public boolean containsContext(HttpServletRequest request) {
    return !apiWithAuthorization(request) && sessions.containsContext(request);
  }
}
