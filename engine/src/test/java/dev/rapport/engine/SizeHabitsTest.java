package dev.rapport.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.comments.Comment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Sizes as a habit: no main source file over 400 lines, and a method or constructor over 40 lines
 * only where a comment on it (its Javadoc, or a comment inside it) says why it is long, with the
 * word "long" in it. The sources are read with JavaParser, so a brace in a string or a comment does
 * not fool the count.
 */
class SizeHabitsTest {

  static final int FILE_LINES = 400;
  static final int METHOD_LINES = 40;

  @Test
  void noMainFileIsOverFourHundredLinesAndLongMethodsSayWhy() throws IOException {
    List<String> files = new ArrayList<>();
    List<String> methods = new ArrayList<>();
    check(Path.of("src/main/java"), files, methods);
    assertThat(files).as("main files over %d lines", FILE_LINES).isEmpty();
    assertThat(methods)
        .as("methods over %d lines without a comment saying why", METHOD_LINES)
        .isEmpty();
  }

  @Test
  void theCheckSeesALongMethodWithoutAReasonAndAcceptsOneWithIt() {
    String body = "    x++;\n".repeat(45);
    String bare = "class A {\n  void f(int x) {\n" + body + "  }\n}\n";
    String said =
        "class A {\n  /** Long: one switch over every token kind. */\n  void f(int x) {\n"
            + body
            + "  }\n}\n";
    assertThat(longMethods(parse(bare), "A.java")).hasSize(1);
    assertThat(longMethods(parse(said), "A.java")).isEmpty();
  }

  /** Collects the oversized files and the long methods without a reason under {@code root}. */
  static void check(Path root, List<String> files, List<String> methods) throws IOException {
    List<Path> sources;
    try (Stream<Path> walk = Files.walk(root)) {
      sources = walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
    assertThat(sources).as("sources under %s", root.toAbsolutePath()).isNotEmpty();
    for (Path p : sources) {
      String text = Files.readString(p);
      long lines = text.lines().count();
      if (lines > FILE_LINES) {
        files.add(p + ": " + lines + " lines");
      }
      methods.addAll(longMethods(parse(text), p.toString()));
    }
  }

  static CompilationUnit parse(String text) {
    ParseResult<CompilationUnit> r =
        new JavaParser(
                new ParserConfiguration()
                    .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17))
            .parse(text);
    assertThat(r.getProblems()).as("parse problems").isEmpty();
    return r.getResult().orElseThrow();
  }

  static List<String> longMethods(CompilationUnit unit, String file) {
    List<String> out = new ArrayList<>();
    for (CallableDeclaration<?> m : unit.findAll(CallableDeclaration.class)) {
      int lines = m.getEnd().orElseThrow().line - m.getBegin().orElseThrow().line + 1;
      if (lines > METHOD_LINES && !saysWhy(m)) {
        out.add(
            file
                + ":"
                + m.getBegin().orElseThrow().line
                + " "
                + m.getNameAsString()
                + " "
                + lines
                + " lines");
      }
    }
    return out;
  }

  private static boolean saysWhy(CallableDeclaration<?> m) {
    List<Comment> comments = new ArrayList<>(m.getAllContainedComments());
    m.getComment().ifPresent(comments::add);
    return comments.stream()
        .anyMatch(c -> c.getContent().toLowerCase(Locale.ROOT).matches("(?s).*\\blong\\b.*"));
  }
}
