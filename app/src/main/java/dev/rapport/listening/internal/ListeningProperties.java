package dev.rapport.listening.internal;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Settings of sources and ingest, under {@code rapport.listening.*}; see the README table. */
@ConfigurationProperties("rapport.listening")
record ListeningProperties(
    @DefaultValue("4") int queueBatches,
    @DefaultValue("200") int batchSize,
    @DefaultValue("2") int workers,
    @DefaultValue("16384") int rawMaxChars,
    @DefaultValue("1048576") int webhookMaxBytes,
    @DefaultValue("1000") int webhookMaxPosts,
    @DefaultValue List<String> allowedHosts,
    @DefaultValue("true") boolean schedulerEnabled,
    @DefaultValue("1s") Duration tick,
    @DefaultValue("./data/imports") String fileDir,
    @DefaultValue("5s") Duration backoffBase,
    @DefaultValue("1h") Duration backoffMax,
    @DefaultValue("5242880") int maxFetchBytes) {}
