package dev.rapport.access.signin;

import dev.rapport.access.User;
import dev.rapport.access.tokens.TokenAuthentication;
import dev.rapport.access.users.UserStore;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reloads a signed-in user from the database on every request, so a changed role, a new team or a
 * disabled account takes effect at once rather than at the next sign-in. A user who is disabled or
 * gone is signed out. The refreshed authentication is not written back to the session.
 */
final class FreshUserFilter extends OncePerRequestFilter {

  private final UserStore users;

  public FreshUserFilter(UserStore users) {
    this.users = users;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth == null
        || !auth.isAuthenticated()
        || auth instanceof AnonymousAuthenticationToken
        || auth instanceof TokenAuthentication) {
      chain.doFilter(request, response);
      return;
    }
    Optional<User> user = users.byUsername(auth.getName()).filter(User::enabled);
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    if (user.isPresent()) {
      context.setAuthentication(
          UsernamePasswordAuthenticationToken.authenticated(
              new SignedInUser(user.get(), null), null, SignedInUser.authorities(user.get())));
    } else {
      HttpSession session = request.getSession(false);
      if (session != null) {
        session.invalidate();
      }
    }
    SecurityContextHolder.setContext(context);
    chain.doFilter(request, response);
  }
}
