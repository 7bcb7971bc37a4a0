package dev.rapport.access.tokens;

import dev.rapport.access.User;
import dev.rapport.access.signin.ApiProblems;
import dev.rapport.access.users.UserStore;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer rpt_...} on /api/**. A READ token is refused for
 * anything but GET, HEAD and OPTIONS. The authentication lives for this request only: no session.
 */
public final class BearerTokenFilter extends OncePerRequestFilter {

  private static final Set<String> READ_METHODS = Set.of("GET", "HEAD", "OPTIONS");

  private final ApiTokens tokens;
  private final UserStore users;
  private final ApiProblems problems;

  public BearerTokenFilter(ApiTokens tokens, UserStore users, ApiProblems problems) {
    this.tokens = tokens;
    this.users = users;
    this.problems = problems;
  }

  /**
   * Only Rapport's own tokens ({@code rpt_...}) are handled here; another Bearer value (such as a
   * webhook source's secret) passes through for its endpoint to check.
   */
  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String token = bearer(request);
    return !isApi(request) || token == null || !token.startsWith(ApiTokens.PREFIX);
  }

  public static boolean isApi(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return path.equals("/api") || path.startsWith("/api/");
  }

  public static String bearer(HttpServletRequest request) {
    String header = request.getHeader("Authorization");
    if (header == null || header.length() < 7 || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return null;
    }
    return header.substring(7).strip();
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Optional<ApiTokens.Match> match = tokens.authenticate(bearer(request));
    Optional<User> user = match.flatMap(m -> users.byId(m.userId())).filter(User::enabled);
    if (user.isEmpty()) {
      problems.write(
          response, 401, "Unauthorized", "The API token is unknown, revoked or its user disabled.");
      return;
    }
    TokenScope scope = match.get().scope();
    if (scope == TokenScope.READ && !READ_METHODS.contains(request.getMethod())) {
      problems.write(
          response,
          403,
          "Forbidden",
          "This token's scope is read; " + request.getMethod() + " needs a read_write token.");
      return;
    }
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(new TokenAuthentication(user.get(), match.get().tokenId(), scope));
    SecurityContextHolder.setContext(context);
    try {
      chain.doFilter(request, response);
    } finally {
      SecurityContextHolder.clearContext();
    }
  }
}
