package dev.rapport.shared;

import java.io.IOException;
import java.io.Writer;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;

/**
 * Tomcat's own error answer (a request it refuses before Spring sees it, such as a header or
 * request line that is too long) as Problem Details instead of Tomcat's HTML page with its version.
 */
public class ProblemReportValve extends ErrorReportValve {

  public ProblemReportValve() {
    setShowReport(false);
    setShowServerInfo(false);
  }

  @Override
  protected void report(Request request, Response response, Throwable throwable) {
    int status = response.getStatus();
    if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
      return;
    }
    HttpStatus known = HttpStatus.resolve(status);
    String title = known == null ? "Error " + status : known.getReasonPhrase();
    String body =
        "{\"type\":\""
            + Problems.TYPE_BASE
            + (status < 500 ? "bad-request" : "server-error")
            + "\",\"title\":\""
            + title
            + "\",\"status\":"
            + status
            + ",\"detail\":\"the server refused the request before reading it (a request line or"
            + " header that is too long, or a malformed request)\"}";
    try {
      response.setContentType("application/problem+json");
      response.setCharacterEncoding("UTF-8");
      Writer out = response.getReporter();
      if (out != null) {
        out.write(body);
        response.finishResponse();
      }
    } catch (IOException | IllegalStateException e) {
      // the connection is gone; nothing more to say
    }
  }
}
