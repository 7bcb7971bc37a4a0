package dev.rapport.access.tokens;

import dev.rapport.access.AuditLog;
import dev.rapport.access.AuditLog.Action;
import dev.rapport.access.users.UserInput;
import dev.rapport.shared.NotFoundException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal API tokens, sent as {@code Authorization: Bearer rpt_...}. A token is 256 random bits;
 * only its SHA-256 is stored. A fast hash is enough here (unlike passwords): nobody can guess 2^256
 * inputs, and a deterministic hash lets one indexed lookup find the token on every request.
 */
@Service
public class ApiTokens {

  public static final String PREFIX = "rpt_";
  public static final String AUDIT_TYPE = "api_token";
  private static final int TOKEN_LENGTH = PREFIX.length() + 43; // 32 bytes in base64url
  private static final Duration LAST_USED_GRANULARITY = Duration.ofMinutes(1);

  private final JdbcClient jdbc;
  private final AuditLog audit;
  private final SecureRandom random = new SecureRandom();

  public ApiTokens(JdbcClient jdbc, AuditLog audit) {
    this.jdbc = jdbc;
    this.audit = audit;
  }

  /** Creates a token for the user; the returned secret is the only copy there will ever be. */
  @Transactional
  public IssuedToken issue(long userId, String rawName, TokenScope scope) {
    UserInput in = new UserInput();
    String name = in.text("name", rawName, 100);
    if (scope == null) {
      in.fail("scope", "is required: read or read_write");
    }
    in.check();
    byte[] secret = new byte[32];
    random.nextBytes(secret);
    String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    String hint = token.substring(0, PREFIX.length() + 4);
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql(
            """
            insert into api_token (user_id, name, token_hash, hint, scope, created_at)
            values (:u, :n, :h, :hint, :s, :at)
            """)
        .param("u", userId)
        .param("n", name)
        .param("h", sha256(token))
        .param("hint", hint)
        .param("s", scope.name())
        .param("at", Timestamp.from(Instant.now()))
        .update(keys, "id");
    long id = keys.getKey().longValue();
    audit.record(AUDIT_TYPE, id, Action.CREATE, null, auditView(userId, name, scope, hint));
    return new IssuedToken(id, name, scope, token);
  }

  public List<TokenInfo> of(long userId) {
    return jdbc.sql(
            """
            select id, name, hint, scope, created_at, last_used_at, revoked_at from api_token
            where user_id = :u order by revoked_at desc nulls first, created_at desc, id desc
            """)
        .param("u", userId)
        .query(
            (rs, n) ->
                new TokenInfo(
                    rs.getLong("id"),
                    rs.getString("name"),
                    rs.getString("hint"),
                    TokenScope.valueOf(rs.getString("scope")),
                    instant(rs.getTimestamp("created_at")),
                    instant(rs.getTimestamp("last_used_at")),
                    instant(rs.getTimestamp("revoked_at"))))
        .list();
  }

  /** Revokes one of the user's own tokens; another user's token is "not found". */
  @Transactional
  public void revoke(long userId, long tokenId) {
    TokenInfo token =
        of(userId).stream()
            .filter(t -> t.id() == tokenId)
            .findFirst()
            .orElseThrow(() -> new NotFoundException("token", tokenId));
    if (token.revokedAt() != null) {
      return;
    }
    jdbc.sql("update api_token set revoked_at = :at where id = :id")
        .param("at", Timestamp.from(Instant.now()))
        .param("id", tokenId)
        .update();
    audit.record(
        AUDIT_TYPE,
        tokenId,
        Action.DELETE,
        auditView(userId, token.name(), token.scope(), token.hint()),
        null);
  }

  /** The live token's user and scope, recording when it was last used; empty if unknown. */
  public Optional<Match> authenticate(String token) {
    if (token == null || token.length() != TOKEN_LENGTH || !token.startsWith(PREFIX)) {
      return Optional.empty();
    }
    Optional<Match> match =
        jdbc.sql(
                """
                select id, user_id, scope, last_used_at from api_token
                where token_hash = :h and revoked_at is null
                """)
            .param("h", sha256(token))
            .query(
                (rs, n) ->
                    new Match(
                        rs.getLong("id"),
                        rs.getLong("user_id"),
                        TokenScope.valueOf(rs.getString("scope")),
                        instant(rs.getTimestamp("last_used_at"))))
            .optional();
    match.ifPresent(this::touch);
    return match;
  }

  private void touch(Match m) {
    Instant now = Instant.now();
    // one write a minute at most, so a busy integration does not write on every request
    if (m.lastUsedAt() == null || m.lastUsedAt().isBefore(now.minus(LAST_USED_GRANULARITY))) {
      jdbc.sql("update api_token set last_used_at = :at where id = :id")
          .param("at", Timestamp.from(now))
          .param("id", m.tokenId())
          .update();
    }
  }

  public static String sha256(String token) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  private static Map<String, Object> auditView(
      long userId, String name, TokenScope scope, String hint) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("userId", userId);
    view.put("name", name);
    view.put("scope", scope.name());
    view.put("hint", hint);
    return view;
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }

  /** A token as its owner sees it later: never the secret. */
  public record TokenInfo(
      long id,
      String name,
      String hint,
      TokenScope scope,
      Instant createdAt,
      Instant lastUsedAt,
      Instant revokedAt) {

    public boolean isActive() {
      return revokedAt == null;
    }
  }

  public record Match(long tokenId, long userId, TokenScope scope, Instant lastUsedAt) {}
}
