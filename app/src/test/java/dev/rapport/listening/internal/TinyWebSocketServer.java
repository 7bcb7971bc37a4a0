package dev.rapport.listening.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Test helper: a real WebSocket server on loopback (RFC 6455 handshake and unmasked text frames)
 * that sends recorded messages to every client and then keeps the connection open.
 */
final class TinyWebSocketServer implements AutoCloseable {

  final List<String> requestLines = new CopyOnWriteArrayList<>();
  private final ServerSocket server;
  private final List<String> messages;
  private final List<Socket> clients = new CopyOnWriteArrayList<>();
  private final java.util.function.BiPredicate<String, String> sends;

  TinyWebSocketServer(List<String> messages) throws IOException {
    this(messages, (requestLine, message) -> true);
  }

  /** Sends a client only the messages {@code sends} accepts for its request line. */
  TinyWebSocketServer(List<String> messages, java.util.function.BiPredicate<String, String> sends)
      throws IOException {
    this.messages = messages;
    this.sends = sends;
    this.server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
    Thread t = new Thread(this::accept, "tiny-ws");
    t.setDaemon(true);
    t.start();
  }

  int port() {
    return server.getLocalPort();
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket s = server.accept();
        clients.add(s);
        Thread t = new Thread(() -> serve(s), "tiny-ws-client");
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket s) {
    try {
      BufferedReader in =
          new BufferedReader(
              new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
      String requestLine = in.readLine();
      requestLines.add(requestLine);
      String key = null;
      for (String line; (line = in.readLine()) != null && !line.isEmpty(); ) {
        if (line.toLowerCase().startsWith("sec-websocket-key:")) {
          key = line.substring(18).strip();
        }
      }
      String accept =
          Base64.getEncoder()
              .encodeToString(
                  MessageDigest.getInstance("SHA-1")
                      .digest(
                          (key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11")
                              .getBytes(StandardCharsets.ISO_8859_1)));
      OutputStream out = s.getOutputStream();
      out.write(
          ("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                  + "Sec-WebSocket-Accept: "
                  + accept
                  + "\r\n\r\n")
              .getBytes(StandardCharsets.ISO_8859_1));
      for (String m : messages) {
        if (!sends.test(requestLine, m)) {
          continue;
        }
        byte[] payload = m.getBytes(StandardCharsets.UTF_8);
        out.write(0x81);
        if (payload.length < 126) {
          out.write(payload.length);
        } else if (payload.length < 65536) {
          out.write(126);
          out.write(payload.length >>> 8);
          out.write(payload.length & 0xff);
        } else {
          out.write(127);
          for (int i = 7; i >= 0; i--) {
            out.write((int) ((long) payload.length >>> (8 * i)) & 0xff);
          }
        }
        out.write(payload);
      }
      out.flush();
      // keep the connection open until the client goes away
      while (s.getInputStream().read() >= 0) {
        // discard client frames (close, pong)
      }
    } catch (Exception e) {
      // client went away
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Socket s : clients) {
      s.close();
    }
  }
}
