package dev.rapport.sales.mail;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLException;

/** A clear sentence for what went wrong talking to a mail server, without secrets. */
final class MailFailure {

  private MailFailure() {}

  static String explain(String what, String host, int port, Throwable e) {
    String where = what + " server " + host + ":" + port;
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SocketTimeoutException) {
        return where + " did not answer in time (timeout); nothing was lost, try again later";
      }
      if (t instanceof ConnectException) {
        return where + " refused the connection; nothing was lost, try again later";
      }
      if (t instanceof UnknownHostException) {
        return where + " could not be found (the host name does not resolve)";
      }
      if (t instanceof SSLException) {
        return where + " failed the TLS handshake: " + brief(t.getMessage());
      }
      if (t instanceof AuthenticationFailedException) {
        return where + " refused the user name or password";
      }
      if (t instanceof SendFailedException s && s.getInvalidAddresses() != null) {
        return where + " refused the recipient: " + brief(s.getMessage());
      }
      if (t.getCause() == null || t.getCause() == t) {
        break;
      }
    }
    String msg = e.getMessage();
    if (e instanceof MessagingException && msg != null) {
      return where + " refused: " + brief(msg);
    }
    return where + " failed: " + brief(msg == null ? e.getClass().getSimpleName() : msg);
  }

  private static String brief(String s) {
    if (s == null) {
      return "no reason given";
    }
    String one = s.replaceAll("\\s+", " ").strip();
    return one.length() > 300 ? one.substring(0, 300) + "…" : one;
  }
}
