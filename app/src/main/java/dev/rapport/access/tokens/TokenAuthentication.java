package dev.rapport.access;

import org.springframework.security.authentication.AbstractAuthenticationToken;

/** A request authenticated by an API token, with the token's scope. */
final class TokenAuthentication extends AbstractAuthenticationToken {

  private final SignedInUser principal;
  private final long tokenId;
  private final TokenScope scope;

  TokenAuthentication(User user, long tokenId, TokenScope scope) {
    super(SignedInUser.authorities(user));
    this.principal = new SignedInUser(user, null);
    this.tokenId = tokenId;
    this.scope = scope;
    setAuthenticated(true);
  }

  TokenScope scope() {
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
