package dev.rapport.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A full-application test that runs on H2 in the default surefire run and again on the machine's
 * PostgreSQL in the "postgres" run. Under CI an unreachable PostgreSQL fails the test.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("persistence")
@ExtendWith(PostgresReachable.class)
@SpringBootTest
public @interface PersistenceTest {}
