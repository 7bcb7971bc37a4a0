package dev.rapport.access.tokens;

import dev.rapport.access.User;
import dev.rapport.access.signin.SignedInUser;
import org.springframework.security.authentication.AbstractAuthenticationToken;

/** A request authenticated by an API token, with the token's scope. */
public final class TokenAuthentication extends AbstractAuthenticationToken {

  private final SignedInUser principal;
  private final long tokenId;
  private final TokenScope scope;

  public TokenAuthentication(User user, long tokenId, TokenScope scope) {
    super(SignedInUser.authorities(user));
    this.principal = new SignedInUser(user, null);
    this.tokenId = tokenId;
    this.scope = scope;
    setAuthenticated(true);
  }

  public TokenScope scope() {
    return scope;
  }

  @Override
  public Object getCredentials() {
    return "token " + tokenId;
  }

  @Override
  public SignedInUser getPrincipal() {
    return principal;
  }
}
